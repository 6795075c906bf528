package dev.earshot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.core.Effect;
import dev.earshot.core.State;
import dev.earshot.port.SocialSource;
import dev.earshot.port.Store;
import dev.earshot.testing.Harness;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The use cases through the commands a teammate types, on a real SQLite file. */
class InboxTest {
    @TempDir
    Path dir;
    Harness h;

    @BeforeEach
    void setUp() {
        h = new Harness(dir);
        h.poller().pollOnce();
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    private List<Store.OutboxRow> outbox() {
        return h.store.read(tx -> tx.dueOutbox(h.clock.instant().plus(Duration.ofDays(1)), 1000));
    }

    @Test
    void ingestOpensConversationsJoinsFollowUpsAndStoresTheCursor() {
        List<ConversationView> queue = h.queries.queue(50);
        assertEquals(4, queue.size(), "five messages, one a follow-up");
        ConversationView jane = h.queries.show(1);
        assertEquals(2, jane.messages().size());
        assertEquals("jane_doe", jane.conversation().authorHandle());
        assertEquals(Optional.of("5"), h.store.read(tx -> tx.cursor("demo")));
        long cards = outbox().stream().filter(r -> r.effect() instanceof Effect.PostCard).count();
        assertEquals(4, cards, "one card per conversation");
    }

    @Test
    void theSameBatchAgainChangesNothing() {
        SocialSource.Fetch again = h.demo.fetchSince(Optional.empty());
        int rowsBefore = outbox().size();
        Ingest.Result result = h.ingest.ingest(h.demo, again);
        assertEquals(new Ingest.Result(0, 0, 5), result);
        assertEquals(rowsBefore, outbox().size());
    }

    @Test
    void queueIsMostUrgentFirst() {
        String queue = h.as("alice", "queue");
        assertTrue(queue.startsWith("4 waiting, most urgent first:\n#3 "), queue);
    }

    @Test
    void claimCollisionNamesTheOwner() {
        assertEquals("You claimed #1.", h.as("alice", "claim 1"));
        assertEquals("#1 is already claimed by @alice", h.as("bob", "/earshot claim 1"));
        assertEquals(State.CLAIMED, h.queries.show(1).conversation().state());
        assertEquals("#1 is claimed by @alice; only they can release it.", h.as("bob", "release 1"));
        assertEquals("You released #1; it is back with the team.", h.as("alice", "release 1"));
    }

    @Test
    void replyQueuesOneCustomerReplyWithAKey() {
        assertEquals("Your reply to #1 is on its way to @jane_doe on Demo.", h.as("alice", "reply 1 Thanks, we're on it!"));
        List<Effect.CustomerReply> replies = outbox().stream().map(Store.OutboxRow::effect)
                .filter(Effect.CustomerReply.class::isInstance).map(Effect.CustomerReply.class::cast).toList();
        assertEquals(1, replies.size());
        assertEquals("demo-42-4", replies.get(0).inReplyTo(), "threaded under the latest customer message");
        assertEquals(State.REPLIED, h.queries.show(1).conversation().state());
        assertEquals("alice", h.queries.show(1).conversation().owner());
    }

    @Test
    void badRepliesAreRefusedAndChangeNothing() {
        int rows = outbox().size();
        String tooLong = "x".repeat(501);
        assertEquals("That reply is 501 characters long; Demo allows 500. Shorten it by 1. Nothing was sent.",
                h.as("alice", "reply 1 " + tooLong));
        assertEquals("Usage: /earshot reply <id> <text>", h.as("alice", "reply 1   "));
        assertEquals("There is no #99. Try: /earshot queue", h.as("alice", "reply 99 hello"));
        assertEquals("There is no #99. Try: /earshot queue", h.as("alice", "claim 99"));
        assertEquals(rows, outbox().size());
        assertEquals(State.NEW, h.queries.show(1).conversation().state());
        assertTrue(h.queries.show(1).history().stream().noneMatch(e -> e.action().equals("reply")));
    }

    @Test
    void emojiCountAsThePlatformCountsThem() {
        String family = "👩‍👩‍👧‍👦"; // 7 code points
        String text = family.repeat(71) + "abc"; // 497 + 3 = 500 code points
        assertEquals("Your reply to #2 is on its way to @grumpy_greg on Demo.", h.as("alice", "reply 2 " + text));
    }

    @Test
    void dismissSnoozeAssignNoteResolve() {
        assertEquals("#2 dismissed: spam.", h.as("bob", "dismiss 2 spam"));
        assertEquals("#2 was dismissed; there is nothing left to claim.", h.as("alice", "claim 2"));
        assertEquals("#3 snoozed until 10:30 Z.", h.as("bob", "snooze 3 1h30m"));
        assertEquals("#4 is now @bob's.", h.as("alice", "assign 4 @bob"));
        assertEquals("@dave is not on the Earshot team. Members: @alice, @bob, @carol.", h.as("alice", "assign 4 @dave"));
        assertEquals("Noted on #1.", h.as("alice", "note 1 called them"));
        assertEquals("#1 resolved.", h.as("alice", "resolve 1"));
        String show = h.as("alice", "show 1");
        assertTrue(show.contains("note by @alice: called them"), show);
        assertTrue(show.contains("resolve by @alice"), show);
        assertTrue(outbox().stream().anyMatch(r -> r.effect() instanceof Effect.Notice n && n.member().equals("bob")));
    }

    @Test
    void aSnoozeEndsOnTimeAndTheCardReturns() {
        h.as("bob", "claim 3");
        h.as("bob", "snooze 3 1h");
        h.clock.advance(Duration.ofMinutes(59));
        assertEquals(0, h.inbox.wakeSnoozed());
        h.clock.advance(Duration.ofMinutes(1));
        assertEquals(1, h.inbox.wakeSnoozed());
        assertEquals(State.CLAIMED, h.queries.show(3).conversation().state());
        assertEquals(0, h.inbox.wakeSnoozed(), "woken once");
    }

    @Test
    void aFollowUpAfterAReplyReopensForTheOwner() {
        h.as("bob", "reply 4 Hi! What can we do for you?");
        h.drain(h.dispatcher());
        SocialSource.Fetch followUp = new SocialSource.Fetch(List.of(new dev.earshot.core.Message(
                dev.earshot.core.Platform.DEMO, "demo", "later-1", h.queries.show(4).first().author(), "my order!",
                "", h.clock.instant(), dev.earshot.core.MessageKind.REPLY, "x", h.queries.show(4).conversation().threadKey())),
                "6");
        assertEquals(new Ingest.Result(0, 1, 0), h.ingest.ingest(h.demo, followUp));
        assertEquals(State.CLAIMED, h.queries.show(4).conversation().state());
        assertEquals("bob", h.queries.show(4).conversation().owner());
    }

    @Test
    void statsCountAndMedian() {
        h.clock.advance(Duration.ofMinutes(10));
        h.as("alice", "reply 1 hello");
        h.drain(h.dispatcher());
        String stats = h.as("carol", "stats today");
        assertTrue(stats.startsWith("Stats for today · Mon 23 Nov (UTC)"), stats);
        assertTrue(stats.contains("  Received        4         Answered      1 (25%)\n"), stats);
        assertTrue(stats.contains("  Dismissed       0         Waiting now   3\n"), stats);
        assertTrue(stats.contains("median 18m"), stats); // the first message was written 8 minutes before the poll
    }

    @Test
    void anAnswerFromThePlatformsOwnAppCountsAndOurOwnEchoDoesNot() {
        h.as("alice", "reply 2 Hi from Earshot");
        h.drain(h.dispatcher());
        String ours = h.demo.replies().get(0).sent().externalId();
        SocialSource.Fetch seen = new SocialSource.Fetch(List.of(), List.of(
                new SocialSource.BrandReply(ours, "demo-42-1", "Hi from Earshot", h.clock.instant()),
                new SocialSource.BrandReply("app-1", "demo-42-2", "We are on it (sent from the app)", h.clock.instant()),
                new SocialSource.BrandReply("app-2", "unknown-post", "unrelated", h.clock.instant())), "5");
        assertEquals(new Ingest.Result(0, 0, 0, 1), h.ingest.ingest(h.demo, seen));
        var c = h.queries.show(3).conversation();
        assertEquals(State.REPLIED, c.state());
        assertEquals(h.clock.instant(), c.firstReplyAt());
        assertEquals(0, h.ingest.ingest(h.demo, seen).answeredOutside(), "seen twice, counted once");
        h.drain(h.dispatcher());
        assertEquals("✅ answered outside Earshot in 4m", h.chat.latest(3).stateLine());
    }

    @Test
    void templatesAreListedOrTheirAbsenceExplained() {
        assertEquals("No saved replies yet: add them under templates: in the config file.", h.as("alice", "templates"));
        CommandHandler withTemplates = new Application(h.store, h.sources, h.clock, Telemetry.NONE, h.settings()
                .withTemplates(List.of(new dev.earshot.core.ReplyTemplate("thanks", "Thanks {customer}, we're on it!"))))
                .commands();
        assertEquals("Saved replies (in Slack, Reply… offers them; fields like {customer} are filled in):\n"
                + "  thanks: Thanks {customer}, we're on it!",
                withTemplates.answer(Caller.member(h.team.require("alice")), "templates").text());
        assertEquals("Usage: /earshot templates", h.as("alice", "templates now"));
    }

    @Test
    void helpAndNonsense() {
        assertTrue(h.as("alice", "help").contains("reply <id> <text>"));
        assertEquals("There is no \"hug\" command. Try: /earshot help", h.as("alice", "hug 3"));
        assertInstanceOf(String.class, h.as("alice", "show 1"));
    }
}
