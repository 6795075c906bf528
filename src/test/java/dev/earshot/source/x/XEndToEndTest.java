package dev.earshot.source.x;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.app.HealthBoard;
import dev.earshot.app.Inbox;
import dev.earshot.app.Ingest;
import dev.earshot.app.Poller;
import dev.earshot.core.Conversation;
import dev.earshot.core.State;
import dev.earshot.core.Target;
import dev.earshot.testing.Crash;
import dev.earshot.testing.Harness;
import dev.earshot.testing.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Earshot end to end on the X source: the fake X API, the real source and its HTTP client,
 * Poller, Inbox, Dispatcher and a real SQLite file, with a recording chat.
 */
class XEndToEndTest {
    @TempDir
    Path dir;
    private final TestClock clock = TestClock.at(Harness.START);
    private final FakeX x = new FakeX(clock);
    private final FakeX.User jane = x.user("2001", "jane_doe", "Jane Doe", 1_234);
    private final FakeX.User omar = x.user("2002", "omar", "عمر", 87);
    private Harness h;
    private Poller poller;
    private int backfillMax = 200;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
        x.close();
    }

    /** Starts Earshot, or starts it again on the same files: a new source with nothing in memory. */
    private Harness start() {
        if (h != null) {
            h.close();
        }
        h = new Harness(dir, clock, XSource.create(XSourceTest.config(x, Duration.ofHours(24), backfillMax, 100), clock));
        poller = h.poller();
        return h;
    }

    private Ingest.Result poll() {
        return poller.pollOnce().orElseThrow(() -> new AssertionError("the poll failed"));
    }

    private String cursor() {
        return h.store.read(tx -> tx.cursor("acme-x")).orElse(null);
    }

    private int conversations() {
        return h.store.read(tx -> tx.figures(clock.instant().minus(Duration.ofDays(30)), clock.instant()).received());
    }

    @Test
    void pagesBecomeCardsAndTheCursorSurvivesARestart() {
        for (int i = 0; i < 150; i++) {
            x.mention(i % 3 == 0 ? omar : jane, "@acme question " + i, Duration.ofMinutes(150 - i));
        }
        start();
        assertEquals(150, poll().opened());
        h.drain(h.dispatcher());
        assertEquals(150, h.chat.cards.size());
        String stored = cursor();

        clock.advance(Duration.ofMinutes(1));
        start();
        FakeX.Post fresh = x.mention(omar, "@acme and one more", Duration.ZERO);
        Ingest.Result again = poll();
        assertEquals(1, again.opened());
        assertEquals(0, again.duplicates(), "the restarted source asked only for what is new");
        String newest = XCursor.parse(stored).orElseThrow().mentions().afterId();
        assertEquals(newest, x.requests("GET", "/mentions").get(x.requests("GET", "/mentions").size() - 1)
                .query().get("since_id"));
        assertTrue(cursor().startsWith("m=id:" + fresh.id() + ";"));
        h.drain(h.dispatcher());
        assertEquals(1, h.chat.cards.size(), "after the restart only the new mention is posted");
    }

    @Test
    void aFailingSecondPageLeavesTheCursorWhereItWas() {
        FakeX.Post first = x.mention(jane, "@acme hi", Duration.ofMinutes(30));
        start();
        poll();
        String before = cursor();
        for (int i = 0; i < 150; i++) {
            x.mention(omar, "@acme storm " + i, Duration.ofSeconds(600 - i));
        }
        x.failLater(1, "GET", "/mentions", 500, "error_500.json");

        assertEquals(Optional.empty(), poller.pollOnce());
        assertEquals(before, cursor(), "page 1 was read, page 2 failed: nothing moved");
        assertEquals(1, conversations());
        assertTrue(before.contains(first.id()));

        clock.advance(Duration.ofSeconds(2));
        assertEquals(150, poll().opened(), "the next poll reads both pages again and stores them");
    }

    @Test
    void postsSeenTwiceAreDroppedTheSecondTime() {
        x.mention(jane, "@acme one", Duration.ofMinutes(3));
        x.mention(omar, "@acme two", Duration.ofMinutes(2));
        start();
        assertEquals(2, poll().opened());
        x.replayOnce();
        x.mention(jane, "@acme three", Duration.ZERO);
        clock.advance(Duration.ofSeconds(1));
        Ingest.Result again = poll();
        assertEquals(2, again.duplicates());
        assertEquals(1, again.opened() + again.joined());
        assertEquals(3, conversations() + again.joined());
    }

    @Test
    void ourOwnReplySeenAgainAsAMentionIsNoNewCard() {
        x.mention(jane, "@acme where is my order?", Duration.ofMinutes(5));
        start();
        poll();
        h.drain(h.dispatcher());
        h.as("alice", "reply 1 Hi Jane, it ships today.");
        h.drain(h.dispatcher());
        FakeX.Post ours = x.postsBy(FakeX.BRAND_ID).get(0);
        x.alsoMention(ours.id());
        clock.advance(Duration.ofMinutes(1));

        Ingest.Result again = poll();
        h.drain(h.dispatcher());

        assertEquals(0, again.opened() + again.joined() + again.answeredOutside());
        assertEquals(1, h.chat.cards.size());
        assertFalse(h.chat.thread.stream().anyMatch(t -> t.text().startsWith("✅ Answered from X")));
        Conversation c = h.queries.show(1).conversation();
        assertEquals(State.REPLIED, c.state());
        assertNotNull(c.firstReplyAt());
    }

    @Test
    void anAnswerGivenInTheXAppCountsAsAnswered() {
        FakeX.Post asked = x.mention(jane, "@acme is the API down?", Duration.ofMinutes(5));
        start();
        poll();
        h.drain(h.dispatcher());
        clock.advance(Duration.ofMinutes(3));
        x.brandReply(asked, "@jane_doe it is back, sorry!");
        clock.advance(Duration.ofMinutes(1));

        assertEquals(1, poll().answeredOutside());
        h.drain(h.dispatcher());

        assertTrue(h.chat.thread.stream().anyMatch(t -> t.text().equals("✅ Answered from X directly: @jane_doe it is back, sorry!")));
        assertNotNull(h.queries.show(1).conversation().firstReplyAt());
        assertTrue(x.requests("GET", "/2/users/1000/tweets").size() >= 2, "the brand's own posts are read each poll");
    }

    @Test
    void aReplyWhoseAnswerWasLostReachesTheCustomerOnce() {
        janeAskedAndAliceReplied();
        x.dropNextPostAfterApplying();

        h.drain(h.dispatcher());
        assertEquals(1, x.postsBy(FakeX.BRAND_ID).size(), "X applied it, Earshot never heard back");
        assertEquals(null, h.queries.show(1).conversation().firstReplyAt());

        clock.advance(Duration.ofSeconds(2));
        h.drain(h.dispatcher());

        assertEquals(1, x.postsBy(FakeX.BRAND_ID).size(), "the customer sees exactly one reply");
        assertEquals(1, x.requests("POST", "/2/tweets").size(), "the retry looked and found it");
        assertNotNull(h.queries.show(1).conversation().firstReplyAt());
        assertEquals(0, h.outboxBacklog());
    }

    @Test
    void aLostAnswerThenARestartStillRepliesOnce() {
        janeAskedAndAliceReplied();
        x.dropNextPostAfterApplying();
        h.drain(h.dispatcher());

        start();
        clock.advance(Duration.ofSeconds(2));
        h.drain(h.dispatcher());

        assertEquals(1, x.postsBy(FakeX.BRAND_ID).size(), "the customer sees exactly one reply");
        assertEquals(1, x.requests("POST", "/2/tweets").size());
        assertNotNull(h.queries.show(1).conversation().firstReplyAt());
    }

    @Test
    void aCrashAfterTheSendNeverRepliesTwice() {
        janeAskedAndAliceReplied();
        assertThrows(Crash.class, () -> h.drain(h.dispatcher(Crash.at("reply:after-send"))));

        start();
        h.drain(h.dispatcher());

        assertEquals(1, x.postsBy(FakeX.BRAND_ID).size());
        assertNotNull(h.queries.show(1).conversation().firstReplyAt());
        assertEquals(0, h.outboxBacklog());
    }

    @Test
    void tooManyRequestsWaitsUntilXsReset() {
        x.mention(jane, "@acme hi", Duration.ofMinutes(5));
        start();
        poll();
        x.rateLimit("/mentions", 0, clock.instant().plusSeconds(120));
        x.failNext("GET", "/mentions", 429, "error_429.json", Map.of());
        assertEquals(Optional.empty(), poller.pollOnce());
        int calls = x.requests().size();

        clock.advance(Duration.ofSeconds(119));
        assertEquals(Optional.empty(), poller.pollOnce());
        assertEquals(calls, x.requests().size(), "no call before the reset");

        clock.advance(Duration.ofSeconds(1));
        x.rateLimit("/mentions", 74, clock.instant().plusSeconds(900));
        x.mention(omar, "@acme still there?", Duration.ZERO);
        assertEquals(1, poll().opened());
        assertEquals(HealthBoard.Status.OK, h.health.overall());
    }

    @Test
    void serverErrorsBackOff() {
        x.mention(jane, "@acme hi", Duration.ofMinutes(5));
        start();
        poll();
        x.failNext("GET", "/mentions", 503, "error_503.json", Map.of());
        assertEquals(Optional.empty(), poller.pollOnce());
        int calls = x.requests().size();
        clock.advance(Duration.ofMillis(999));
        poller.pollOnce();
        assertEquals(calls, x.requests().size(), "first retry after 1 s");
        clock.advance(Duration.ofMillis(1));
        x.mention(omar, "@acme hello?", Duration.ZERO);
        assertEquals(1, poll().opened());
    }

    @Test
    void refusedCredentialsDegradeTheSourceAndStopCallsUntilTheProbe() {
        x.mention(jane, "@acme hi", Duration.ofMinutes(5));
        start();
        poll();
        x.failNext("GET", "/mentions", 401, "error_401.json", Map.of());
        assertEquals(Optional.empty(), poller.pollOnce());
        HealthBoard.Entry entry = h.health.snapshot().get(Target.source("acme-x").encoded());
        assertEquals(HealthBoard.Status.DEGRADED, entry.status());
        assertEquals("X: GET /2/users/1000/mentions answered 401 (Unauthorized)", entry.reason());
        int calls = x.requests().size();

        clock.advance(Duration.ofSeconds(59));
        poller.pollOnce();
        assertEquals(calls, x.requests().size(), "no call until the probe");

        clock.advance(Duration.ofSeconds(1));
        poll();
        assertEquals(HealthBoard.Status.OK, h.health.snapshot().get(Target.source("acme-x").encoded()).status());
    }

    @Test
    void aBoundedBackfillTellsTheTeamWhatItLeft() {
        for (int i = 0; i < 8; i++) {
            x.mention(jane, "@acme old question " + i, Duration.ofHours(20 - i));
        }
        backfillMax = 5;
        start();
        assertEquals(5, poll().opened());
        h.drain(h.dispatcher());
        assertEquals(1, h.chat.channelPosts.size());
        String notice = h.chat.channelPosts.get(0).text();
        assertTrue(notice.startsWith("⚠️ acme-x: on first start Earshot read the newest 5 mentions of the last 1d"), notice);
        assertTrue(notice.contains("Messages from 2026-11-22 09:00 to "), notice);
        assertEquals("support", h.chat.channelPosts.get(0).channel());

        clock.advance(Duration.ofMinutes(1));
        poll();
        h.drain(h.dispatcher());
        assertEquals(1, h.chat.channelPosts.size(), "told once");
    }

    @Test
    void aReplyLongerThanXAllowsIsRefusedBeforeSending() {
        x.mention(jane, "@acme hi", Duration.ofMinutes(5));
        start();
        poll();
        String emoji = "👩‍👩‍👧‍👦".repeat(141);
        String answer = h.as("alice", "reply 1 " + emoji);
        assertEquals("That reply is 282 characters long; X allows 280. Shorten it by 2. Nothing was sent.", answer);
        h.drain(h.dispatcher());
        assertTrue(x.requests("POST", "/2/tweets").isEmpty());
        assertTrue(h.as("alice", "reply 1 " + "👩‍👩‍👧‍👦".repeat(140)).contains("reply"));
    }

    /** Jane's mention is on a card, and alice's reply waits in the outbox. */
    private void janeAskedAndAliceReplied() {
        x.mention(jane, "@acme refund please", Duration.ofMinutes(5));
        start();
        poll();
        h.drain(h.dispatcher());
        h.as("alice", "reply 1 Refund sent, Jane.");
    }
}
