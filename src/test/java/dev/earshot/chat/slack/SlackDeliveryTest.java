package dev.earshot.chat.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.app.HealthBoard;
import dev.earshot.testing.Burst;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox against Slack's limits and failures: bursts, 429, 5xx, a revoked token. Time is the test's. */
class SlackDeliveryTest {
    private static final String OUTBOX = "chat:" + SlackWorld.CHANNEL;
    @TempDir
    Path dir;
    SlackWorld w;

    @AfterEach
    void tearDown() {
        w.close();
    }

    /** Runs the dispatcher as the 200 ms job does, on the test's clock, for at most {@code limit}. */
    private Duration runFor(Duration limit, java.util.function.BooleanSupplier done) {
        Instant start = w.clock.instant();
        while (!done.getAsBoolean() && Duration.between(start, w.clock.instant()).compareTo(limit) < 0) {
            w.dispatcher.drainOnce();
            w.clock.advance(Duration.ofMillis(200));
        }
        return Duration.between(start, w.clock.instant());
    }

    @Test
    void aBurstOf500MentionsIsAllVisibleWithinAMinuteAtSlacksPace() {
        w = new SlackWorld(dir);
        w.fake.paceWith(w.clock); // a second post in a channel within a second gets 429, as on Slack
        w.ingest.ingest(w.demo, Burst.of(500, "demo", w.clock.instant()));
        Duration took = runFor(Duration.ofMinutes(2), () -> w.fake.visibleConversations(SlackWorld.CHANNEL).size() == 500);
        assertEquals(500, w.fake.visibleConversations(SlackWorld.CHANNEL).size());
        assertTrue(took.compareTo(Duration.ofMinutes(1)) <= 0, "visible after " + took);
        // 11 grouped messages of 45; the last 5 are too few to group and come as cards.
        assertEquals(16, w.fake.topLevel(SlackWorld.CHANNEL).size());
        assertEquals(0, w.fake.calls.stream().filter(c -> c.method().equals("chat.postMessage")).count()
                - w.fake.messages.size(), "no post was refused by the pacing");
        assertEquals(Integer.valueOf(0), w.store.read(tx -> tx.outboxBacklog()));
        LongStream.rangeClosed(1, 500).forEach(id -> assertNotNull(w.queries.show(id).conversation().chatRef()));

        // A line of a grouped message is claimed like a card and redrawn in place.
        w.click(SlackWorld.ALICE, FakeSlack.TEAM, Actions.CLAIM, 250);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> w.answersTo(SlackWorld.ALICE).equals(List.of("You claimed #250.")));
        runFor(Duration.ofSeconds(5), () -> w.store.read(tx -> tx.outboxBacklog()) == 0);
        assertTrue(w.fake.topLevel(SlackWorld.CHANNEL).stream().anyMatch(p -> p.blocks.toString()
                .contains("*#250*") && p.blocks.toString().contains("🙋 claimed by @alice")));
    }

    @Test
    void a429WaitsForRetryAfterAndThenSendsEverything() {
        w = new SlackWorld(dir).poll();
        w.fake.failNext("chat.postMessage", FakeSlack.Fault.rateLimited(30));
        w.dispatcher.drainOnce();
        int calls = w.fake.calls("chat.postMessage").size();
        w.clock.advance(Duration.ofSeconds(29));
        w.dispatcher.drainOnce();
        assertEquals(calls, w.fake.calls("chat.postMessage").size(), "nothing before Retry-After");
        runFor(Duration.ofSeconds(30), () -> w.store.read(tx -> tx.outboxBacklog()) == 0);
        assertEquals(4, w.fake.topLevel(SlackWorld.CHANNEL).size());
    }

    @Test
    void a500ThenRecoveryLosesNothingAndDoublesNothing() {
        w = new SlackWorld(dir).poll();
        w.fake.failNext("chat.postMessage", FakeSlack.Fault.serverError(), FakeSlack.Fault.serverError(),
                FakeSlack.Fault.serverError());
        runFor(Duration.ofMinutes(1), () -> w.store.read(tx -> tx.outboxBacklog()) == 0);
        assertEquals(4, w.fake.topLevel(SlackWorld.CHANNEL).size(), "each card once");
        assertEquals(List.of(1L, 2L, 3L, 4L), w.fake.topLevel(SlackWorld.CHANNEL).stream()
                .map(p -> Long.parseLong(p.blocks.get(0).get("block_id").asText().substring("earshot.card.".length())))
                .toList(), "in order");
        assertEquals(1, w.fake.where(p -> p.threadTs != null).size(), "the follow-up, once, in #1's thread");
        assertEquals(HealthBoard.Status.OK, w.health.overall());
    }

    @Test
    void aRevokedTokenPausesTheChannelShowsItAndRecovers() {
        w = new SlackWorld(dir).poll();
        w.fake.failNext("chat.postMessage", FakeSlack.Fault.error("token_revoked"));
        w.dispatcher.drainOnce();
        assertEquals(HealthBoard.Status.DEGRADED, w.health.overall());
        assertEquals("chat.postMessage: token_revoked", w.health.snapshot().get(OUTBOX).reason());
        int calls = w.fake.calls("chat.postMessage").size();
        runFor(Duration.ofSeconds(59), () -> false);
        assertEquals(calls, w.fake.calls("chat.postMessage").size(), "no calls while paused");
        runFor(Duration.ofSeconds(30), () -> w.store.read(tx -> tx.outboxBacklog()) == 0);
        assertEquals(4, w.fake.topLevel(SlackWorld.CHANNEL).size());
        assertEquals(HealthBoard.Status.OK, w.health.overall());
    }
}
