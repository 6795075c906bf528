package dev.earshot.chat.slack;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.port.Store;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Promise 10: every click is acked within Slack's three seconds however slow the store is. Here
 * the store does not answer at all until the test lets it (a gate, not a sleep), and 200 clicks
 * at once must all be acked within Slack's deadline; once the store answers, every click is done.
 * An ack that waited on the store would never come while the gate is shut, so the bound is Slack's
 * own: a tighter one only measures how fast two busy cores open 200 connections (1,061 ms once).
 */
class SlackAckTest {
    @TempDir
    Path dir;

    /** A store whose calls wait at a gate while it is closed. */
    static final class GatedStore implements Store {
        final Store inner;
        volatile CountDownLatch gate = new CountDownLatch(0);

        GatedStore(Store inner) {
            this.inner = inner;
        }

        private void pass() {
            try {
                if (!gate.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never opened the gate");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public <T> T write(Function<Tx, T> work) {
            pass();
            return inner.write(work);
        }

        @Override
        public <T> T read(Function<Tx, T> work) {
            pass();
            return inner.read(work);
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    @Test
    void twoHundredClicksAreAllAckedWithinSlacksDeadlineWhileTheStoreIsStuck() {
        GatedStore[] gated = new GatedStore[1];
        try (SlackWorld w = new SlackWorld(dir, s -> gated[0] = new GatedStore(s))) {
            w.poll().drain();
            for (int i = 0; i < 30; i++) { // warm the JVM up: acked, and nothing to do
                w.click(SlackWorld.ALICE, FakeSlack.TEAM, "warm.up", 1);
            }
            gated[0].gate = new CountDownLatch(1);
            String[] users = {SlackWorld.ALICE, SlackWorld.BOB, SlackWorld.CAROL};
            List<CompletableFuture<Long>> acks = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String user = users[i % 3];
                String body = SlackPayloads.form(SlackPayloads.click(user, FakeSlack.TEAM, Actions.CLAIM,
                        Long.toString(1 + i % 4), SlackWorld.CHANNEL, w.newResponseUrl(user)));
                String ts = Long.toString(w.clock.instant().getEpochSecond());
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + w.connection.httpPort()
                                + "/slack/events"))
                        .header("X-Slack-Request-Timestamp", ts)
                        .header("X-Slack-Signature", new com.slack.api.app_backend.SlackSignature.Generator(
                                SlackWorld.SECRET).generate(ts, body))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .timeout(Duration.ofSeconds(10)) // an ack that waits on the store fails here, not hangs
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                long start = System.nanoTime();
                acks.add(w.http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(r -> {
                    assertEquals(200, r.statusCode());
                    return System.nanoTime() - start;
                }));
            }
            List<Long> nanos = acks.stream().map(CompletableFuture::join).sorted().toList();
            long slowest = nanos.get(nanos.size() - 1);
            assertTrue(slowest < Duration.ofSeconds(3).toNanos(), "slowest ack " + slowest / 1_000_000 + " ms");
            assertTrue(w.fake.responses().isEmpty(), "nothing was done yet: the store is stuck");

            long opened = System.nanoTime();
            gated[0].gate.countDown();
            await().atMost(Duration.ofSeconds(20)).until(() -> w.fake.responses().size() == 200);
            System.out.println("done " + (System.nanoTime() - opened) / 1_000_000 + " ms after the gate opened; acks p50 "
                    + nanos.get(100) / 1_000_000 + " ms, max " + slowest / 1_000_000 + " ms");
            for (long id = 1; id <= 4; id++) {
                long winners = w.queries.show(id).history().stream().filter(h -> h.action().equals("claim")).count();
                assertEquals(1, winners, "#" + id + " has one owner");
            }
        }
    }
}
