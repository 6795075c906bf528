package dev.earshot.app.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.app.HealthBoard;
import dev.earshot.core.Effect;
import dev.earshot.core.State;
import dev.earshot.core.Target;
import dev.earshot.port.DeliveryException;
import dev.earshot.port.DeliveryException.Kind;
import dev.earshot.testing.Crash;
import dev.earshot.testing.Harness;
import dev.earshot.testing.RecordingChat;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DispatcherTest {
    @TempDir
    Path dir;
    Harness h;

    @AfterEach
    void tearDown() {
        h.close();
    }

    private Harness world(RecordingChat chat) {
        h = new Harness(dir, chat);
        h.poller().pollOnce();
        return h;
    }

    @Test
    void postsEachCardOnceAndRemembersWhereItIs() {
        world(new RecordingChat());
        h.drain(h.dispatcher());
        assertEquals(4, h.chat.cards.size());
        assertNotNull(h.queries.show(1).conversation().chatRef());
        assertEquals(1, h.chat.thread.size(), "the follow-up of #1 went into its thread");
        assertTrue(h.chat.thread.get(0).text().startsWith("💬 @jane_doe wrote again: "));
        assertEquals(0, h.outboxBacklog());
        h.drain(h.dispatcher());
        assertEquals(4, h.chat.cards.size());
    }

    @Test
    void aClaimRedrawsTheCardFromStoredState() {
        world(new RecordingChat());
        h.drain(h.dispatcher());
        h.as("alice", "claim 2");
        h.drain(h.dispatcher());
        assertEquals("🙋 claimed by @alice", h.chat.latest(2).stateLine());
    }

    @Test
    void aReplyReachesTheCustomerOnceAndTheCardSaysSo() {
        world(new RecordingChat());
        h.drain(h.dispatcher());
        h.clock.advance(Duration.ofMinutes(4));
        h.as("alice", "reply 2 Hi Greg, how can we help?");
        h.drain(h.dispatcher());
        assertEquals(1, h.demo.replies().size());
        assertEquals("Hi Greg, how can we help?", h.demo.replies().get(0).text());
        assertEquals("✅ replied by @alice in 10m: Hi Greg, how can we help?", h.chat.latest(2).stateLine());
        assertTrue(h.chat.thread.stream().anyMatch(t -> t.text().equals("↩️ @alice replied to the customer: Hi Greg, how can we help?")));
    }

    @Test
    void threadPostsWaitForTheirCard() {
        world(new RecordingChat());
        h.chat.failNext(new DeliveryException(Kind.TRANSIENT, "connection reset"));
        h.dispatcher().drainOnce();
        assertTrue(h.chat.thread.isEmpty(), "#1's card failed, so its follow-up waits");
        h.clock.advance(Duration.ofSeconds(2));
        h.drain(h.dispatcher());
        assertEquals(4, h.chat.cards.size());
        assertEquals(1, h.chat.thread.size());
    }

    @Test
    void transientFailuresBackOffAndNothingIsLost() {
        world(new RecordingChat());
        Dispatcher d = h.dispatcher();
        h.chat.failNext(new DeliveryException(Kind.TRANSIENT, "503"), new DeliveryException(Kind.TRANSIENT, "503"));
        d.drainOnce();
        assertTrue(h.chat.cards.isEmpty());
        h.clock.advance(Duration.ofMillis(999));
        d.drainOnce();
        assertTrue(h.chat.cards.isEmpty(), "first retry after 1 s");
        h.clock.advance(Duration.ofMillis(1));
        d.drainOnce();
        assertTrue(h.chat.cards.isEmpty(), "second failure");
        int calls = h.chat.calls;
        h.clock.advance(Duration.ofMillis(1749));
        d.drainOnce();
        Dispatcher restarted = h.dispatcher(); // the wait is in the store, not only in the lane's memory
        restarted.drainOnce();
        assertEquals(calls, h.chat.calls, "the second wait is longer (1.75 s): the attempts are counted");
        h.clock.advance(Duration.ofMillis(1));
        h.drain(restarted);
        assertEquals(4, h.chat.cards.size());
        assertEquals("fake:support:1", h.queries.show(1).conversation().chatRef().value(), "order kept");
    }

    @Test
    void aRowWrittenDuringARateLimitWaitsBehindTheOthersEvenAfterARestart() {
        world(new RecordingChat());
        h.chat.failNext(DeliveryException.rateLimited("ratelimited", Duration.ofSeconds(30)));
        h.dispatcher().drainOnce();
        int calls = h.chat.calls;
        h.clock.advance(Duration.ofSeconds(1));
        h.store.write(tx -> tx.enqueue(new Effect.ChannelPost(0, "written meanwhile", List.of()),
                Target.chat("support"), h.clock.instant()));

        Dispatcher restarted = h.dispatcher(); // a new process: its lanes remember no wait
        restarted.drainOnce();
        assertEquals(calls, h.chat.calls, "nothing of the channel goes before Retry-After, not even the new post");
        h.clock.advance(Duration.ofSeconds(29));
        h.drain(restarted);
        assertEquals(4, h.chat.cards.size());
        assertEquals(List.of("written meanwhile"), h.chat.channelPosts.stream().map(p -> p.text()).toList());
    }

    @Test
    void aRateLimitAfterAnUnknownOutcomeStillLooksBeforeSendingAgain() {
        world(new RecordingChat());
        Dispatcher d = h.dispatcher();
        h.chat.failNext(new DeliveryException(Kind.TRANSIENT, "read timed out"));
        d.drainOnce();
        h.clock.advance(Duration.ofSeconds(1));
        h.chat.failNext(DeliveryException.rateLimited("ratelimited", Duration.ofSeconds(30)));
        d.drainOnce();

        h.clock.advance(Duration.ofSeconds(30));
        var first = h.store.read(tx -> tx.dueOutbox(h.clock.instant(), 10)).get(0);
        assertEquals(new Effect.PostCard(1), first.effect());
        assertTrue(first.sending(), "the timed-out call may still land: the 429 of the next one does not clear that");
    }

    @Test
    void rateLimitsAreObeyed() {
        world(new RecordingChat());
        Dispatcher d = h.dispatcher();
        h.chat.failNext(DeliveryException.rateLimited("ratelimited", Duration.ofSeconds(30)));
        d.drainOnce();
        int calls = h.chat.calls;
        h.clock.advance(Duration.ofSeconds(29));
        d.drainOnce();
        assertEquals(calls, h.chat.calls, "no call before Retry-After");
        h.clock.advance(Duration.ofSeconds(1));
        h.drain(d);
        assertEquals(4, h.chat.cards.size());
    }

    @Test
    void postsArePacedPerChannel() {
        world(new RecordingChat(Duration.ofSeconds(1)));
        Dispatcher d = h.dispatcher();
        d.drainOnce();
        assertEquals(1, h.chat.cards.size());
        d.drainOnce();
        assertEquals(1, h.chat.cards.size());
        h.clock.advance(Duration.ofSeconds(1));
        d.drainOnce();
        assertEquals(2, h.chat.cards.size());
    }

    @Test
    void aBrokenChatPausesShowsDegradedAndRecovers() {
        world(new RecordingChat());
        Dispatcher d = h.dispatcher();
        h.chat.failNext(new DeliveryException(Kind.BROKEN, "invalid_auth"));
        d.drainOnce();
        assertEquals(HealthBoard.Status.DEGRADED, h.health.overall());
        assertEquals("invalid_auth", h.health.snapshot().get("chat:support").reason());
        int calls = h.chat.calls;
        h.clock.advance(Duration.ofSeconds(59));
        d.drainOnce();
        assertEquals(calls, h.chat.calls, "paused for a minute");
        h.clock.advance(Duration.ofSeconds(1));
        h.drain(d);
        assertEquals(4, h.chat.cards.size());
        assertEquals(HealthBoard.Status.OK, h.health.overall());
    }

    @Test
    void aRejectedReplyPutsTheCustomerBackAndTellsTheTeam() {
        world(new RecordingChat());
        Dispatcher d = h.dispatcher();
        h.drain(d);
        h.as("alice", "reply 2 hello");
        // The demo never rejects; a store row pointing at a missing customer message is refused for good.
        h.store.write(tx -> {
            tx.enqueue(new dev.earshot.core.Effect.CustomerReply(2, "no-such-message", "hi", "alice"), Target.source("demo"),
                    h.clock.instant());
            return null;
        });
        h.drain(d);
        assertEquals(1, h.demo.replies().size(), "only the real reply went out");
        assertTrue(h.chat.notices.stream().anyMatch(n -> n.startsWith("@alice: ⚠️ The reply by @alice could not be sent")));
    }

    @Test
    void crashBetweenPostAndMarkPostsTheCardOnce() {
        world(new RecordingChat());
        assertThrows(Crash.class, () -> h.dispatcher(Crash.at("card:after-send")).drainOnce());
        assertEquals(1, h.chat.cards.size(), "the card reached chat, the row was not marked");
        h.restart();
        h.drain(h.dispatcher());
        assertEquals(4, h.chat.cards.size(), "each card posted once");
        assertEquals(4, h.chat.cards.stream().map(c -> c.card().conversationId()).distinct().count());
        assertEquals("fake:support:1", h.queries.show(1).conversation().chatRef().value());
    }

    @Test
    void crashBeforePostSendsItAfterRestart() {
        world(new RecordingChat());
        assertThrows(Crash.class, () -> h.dispatcher(Crash.at("card:before-send")).drainOnce());
        assertTrue(h.chat.cards.isEmpty());
        h.restart();
        h.drain(h.dispatcher());
        assertEquals(4, h.chat.cards.size());
    }

    @Test
    void crashAfterTheReplyWasSentNeverRepliesTwice() {
        world(new RecordingChat());
        h.drain(h.dispatcher());
        h.as("alice", "reply 1 On it!");
        assertThrows(Crash.class, () -> h.drain(h.dispatcher(Crash.at("reply:after-send"))));
        assertEquals(1, h.demo.replies().size());
        assertEquals(State.REPLIED, h.queries.show(1).conversation().state());
        assertEquals(null, h.queries.show(1).conversation().firstReplyAt());
        h.restart();
        h.drain(h.dispatcher());
        assertEquals(1, h.demo.replies().size(), "the customer sees exactly one reply");
        assertNotNull(h.queries.show(1).conversation().firstReplyAt());
        assertEquals(0, h.outboxBacklog());
    }

    @Test
    void aTimeoutAfterTheChatTookTheCardDoesNotPostItAgain() {
        world(new RecordingChat());
        h.chat.lostAnswer = new DeliveryException(Kind.TRANSIENT, "read timed out");
        Dispatcher d = h.dispatcher();
        d.drainOnce();
        assertEquals(1, h.chat.cards.size(), "the chat has it; we never heard");
        h.clock.advance(Duration.ofMinutes(1));
        h.drain(d);
        assertEquals(4, h.chat.cards.size(), "each card once");
        assertEquals("fake:support:1", h.queries.show(1).conversation().chatRef().value());
    }

    @Test
    void aStuckChannelDoesNotHoldUpTheOthers() {
        h = new Harness(dir, new RecordingChat());
        h.store.write(tx -> {
            for (int i = 0; i < 250; i++) {
                tx.enqueue(new dev.earshot.core.Effect.ChannelPost(0, "for the archive " + i, java.util.List.of()),
                        Target.chat("archive"), h.clock.instant());
            }
            return null;
        });
        h.poller().pollOnce(); // #support's four cards queue behind #archive's 250 posts
        h.chat.failNext(new DeliveryException(Kind.BROKEN, "not_in_channel"));
        Dispatcher d = h.dispatcher();
        for (int round = 0; round < 5; round++) {
            d.drainOnce();
            h.clock.advance(Duration.ofSeconds(1));
        }
        assertEquals(4, h.chat.cards.size(), "#support's cards went out while #archive waits for a human");
        assertTrue(h.chat.channelPosts.isEmpty());
    }

    @Test
    void crashMidThreadPostDoesNotRepeatIt() {
        world(new RecordingChat());
        assertThrows(Crash.class, () -> h.drain(h.dispatcher(Crash.at("thread:after-send"))));
        h.restart();
        h.drain(h.dispatcher());
        assertEquals(1, h.chat.thread.size());
        assertFalse(h.chat.cards.isEmpty());
    }
}
