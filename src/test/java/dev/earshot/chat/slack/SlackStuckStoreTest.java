package dev.earshot.chat.slack;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Promise 10 for what is typed, not only clicked: {@code /earshot} commands are acked within
 * Slack's three seconds while the store does not answer at all, and the Reply form waits its
 * two-second budget for a stuck store, then closes and tells the outcome when it comes.
 */
class SlackStuckStoreTest {
    @TempDir
    Path dir;

    @Test
    void slashCommandsAreAckedWithinThreeSecondsWhileTheStoreIsStuck() {
        SlackAckTest.GatedStore[] gated = new SlackAckTest.GatedStore[1];
        ExecutorService clients = Executors.newFixedThreadPool(50);
        try (SlackWorld w = new SlackWorld(dir, s -> gated[0] = new SlackAckTest.GatedStore(s))) {
            w.poll().drain();
            gated[0].gate = new CountDownLatch(1);
            String[] users = {SlackWorld.ALICE, SlackWorld.BOB, SlackWorld.CAROL};
            String[] typed = {"claim 1", "queue", "show 2", "snooze 3 1h", "reply 4 On it!"};
            List<CompletableFuture<Long>> acks = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String user = users[i % 3];
                String text = typed[i % typed.length];
                acks.add(CompletableFuture.supplyAsync(() -> {
                    long start = System.nanoTime();
                    HttpResponse<String> ack = w.command(user, FakeSlack.TEAM, SlackWorld.CHANNEL, text);
                    assertEquals(200, ack.statusCode());
                    return System.nanoTime() - start;
                }, clients));
            }
            List<Long> nanos = acks.stream().map(CompletableFuture::join).sorted().toList();
            long slowest = nanos.get(nanos.size() - 1) / 1_000_000;
            assertTrue(slowest < 3_000, "slowest ack " + slowest + " ms");
            assertTrue(w.fake.responses().isEmpty(), "nothing was answered yet: the store is stuck");
            System.out.println("50 slash commands acked, p50 " + nanos.get(25) / 1_000_000 + " ms, max " + slowest
                    + " ms, while the store was stuck");
            gated[0].gate.countDown();
            await().atMost(Duration.ofSeconds(20)).until(() -> w.fake.responses().size() == 50);
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void theReplyFormWaitsItsBudgetThenClosesAndTellsTheOutcomeLater() {
        SlackAckTest.GatedStore[] gated = new SlackAckTest.GatedStore[1];
        try (SlackWorld w = new SlackWorld(dir, s -> gated[0] = new SlackAckTest.GatedStore(s))) {
            w.poll().drain();
            gated[0].gate = new CountDownLatch(1);
            String origin = new Forms.Origin(2, SlackWorld.CHANNEL).toJson();
            long start = System.nanoTime();
            HttpResponse<String> ack = w.submit(SlackPayloads.submit(SlackWorld.ALICE, FakeSlack.TEAM,
                    Actions.REPLY_FORM, origin, Map.of("reply.0", Map.of("text", "Sorry Greg, fixing it now"))));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(200, ack.statusCode());
            assertTrue(ack.body().isEmpty(), "the form closes: " + ack.body());
            assertTrue(millis >= SlackCommands.FORM_BUDGET.toMillis(), "it waited for the store first: " + millis + " ms");
            assertTrue(millis < 3_000, "within Slack's three seconds: " + millis + " ms");
            assertTrue(w.fake.ephemerals().isEmpty(), "no outcome yet");

            gated[0].gate.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> w.fake.ephemerals().size() == 1);
            assertEquals("Your reply to #2 is on its way to @grumpy_greg on Demo.", w.fake.ephemerals().get(0).get("text"));
            w.drain();
            assertEquals("Sorry Greg, fixing it now", w.demo.replies().get(0).text());
        }
    }
}
