package dev.earshot.chat.slack;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.core.State;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTP mode cannot be frozen by clients that sign nothing: slow senders get a bounded share of the
 * threads and a deadline, refusals come before the body is read, and Slack's signed requests are
 * still acked. The attackers are raw sockets on 127.0.0.1 that announce a body and stall.
 */
class SlackHttpDoorTest {
    private static final int SLOTS = 16;
    @TempDir
    Path dir;

    private static SlackHttpEndpoint.Limits limits(Duration deadline) {
        return new SlackHttpEndpoint.Limits(1 << 20, deadline, SLOTS, SLOTS + 8);
    }

    private static long now(SlackWorld w) {
        return w.clock.instant().getEpochSecond();
    }

    private static void closeAll(List<SlowSender> senders) {
        senders.forEach(SlowSender::close);
    }

    @Test
    void aHundredSlowSendersDoNotKeepASignedClickFromItsAck() {
        try (SlackWorld w = new SlackWorld(dir, limits(Duration.ofSeconds(3))).poll().drain()) {
            int port = w.connection.httpPort();
            List<SlowSender> stalled = new ArrayList<>();
            List<SlowSender> halfHeaders = new ArrayList<>();
            try {
                for (int i = 0; i < 100; i++) {
                    if (i % 2 == 0) { // the audit's attack: a megabyte announced, two bytes sent
                        stalled.add(SlowSender.signedLooking(port, now(w), 1_000_000, "pa"));
                    } else { // headers that never end
                        halfHeaders.add(SlowSender.raw(port, "POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Sl"));
                    }
                }
                // All 100 were taken up: 16 hold a slot, each newer one pushed the oldest out.
                await().atMost(Duration.ofSeconds(3)).until(() -> stalled.stream().filter(SlowSender::settled).count()
                        + halfHeaders.stream().filter(SlowSender::settled).count() >= 100 - SLOTS);
                assertEquals(SLOTS, w.connection.unverifiedNow());

                long start = System.nanoTime();
                HttpResponse<String> ack = w.click(SlackWorld.ALICE, FakeSlack.TEAM, Actions.CLAIM, 1);
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertEquals(200, ack.statusCode(), ack.body());
                assertTrue(millis < 1_000, "acked in " + millis + " ms");
                System.out.println("signed click acked in " + millis + " ms among 100 slow senders");
                await().atMost(Duration.ofSeconds(5)).until(() -> w.queries.show(1).conversation().state() == State.CLAIMED);

                long crowdedOut = stalled.stream().filter(s -> s.status() == 503).count();
                assertTrue(crowdedOut > 0, "the oldest announced bodies were cut with 503");
                assertTrue(halfHeaders.stream().filter(SlowSender::settled).allMatch(s -> s.status() == 0),
                        "a request whose headers never ended is closed without an answer");
                // What still holds a slot is cut at the deadline: nothing stays open.
                await().atMost(Duration.ofSeconds(6)).until(() -> stalled.stream().allMatch(SlowSender::closedByServer)
                        && halfHeaders.stream().allMatch(SlowSender::closedByServer));
                assertTrue(stalled.stream().anyMatch(s -> s.status() == 408), "late bodies get 408");
                // The slot is given back just after the socket closes: wait for it rather than race it.
                await().atMost(Duration.ofSeconds(2)).until(() -> w.connection.unverifiedNow() == 0);
            } finally {
                closeAll(stalled);
                closeAll(halfHeaders);
            }
        }
    }

    @Test
    void unsignedOrStaleHeadersAreRefusedBeforeTheBodyIsRead() {
        try (SlackWorld w = new SlackWorld(dir, limits(Duration.ofSeconds(30))).poll().drain()) {
            int port = w.connection.httpPort();
            String shaped = "v0=" + "ab".repeat(32);
            List<SlowSender> senders = List.of(
                    SlowSender.raw(port, SlowSender.head(-1, null, 100) + "pa"),                    // no signature at all
                    SlowSender.raw(port, SlowSender.head(now(w), null, 100) + "pa"),                // no signature
                    SlowSender.raw(port, SlowSender.head(now(w), "v0=123", 100) + "pa"),            // not Slack's shape
                    SlowSender.raw(port, SlowSender.head(now(w) - 301, shaped, 100) + "pa"),        // stale
                    SlowSender.raw(port, SlowSender.head(now(w) + 301, shaped, 100) + "pa"));       // from the future
            try {
                // The deadline is 30 s: an answer within 2 s means the body was never waited for.
                await().atMost(Duration.ofSeconds(2)).until(() -> senders.stream().allMatch(SlowSender::closedByServer));
                senders.forEach(s -> assertEquals(401, s.status()));
                // The slot is given back just after the socket closes: wait for it rather than race it.
                await().atMost(Duration.ofSeconds(2)).until(() -> w.connection.unverifiedNow() == 0);
                assertEquals(State.NEW, w.queries.show(1).conversation().state());
            } finally {
                closeAll(senders);
            }
        }
    }

    @Test
    void tooLargeIs413AtOnceAndABodyWithoutALengthIs411() {
        try (SlackWorld w = new SlackWorld(dir, limits(Duration.ofSeconds(30)))) {
            int port = w.connection.httpPort();
            SlowSender large = SlowSender.signedLooking(port, now(w), (1 << 20) + 1, "pa");
            SlowSender chunked = SlowSender.raw(port, SlowSender.head(now(w), "v0=" + "ab".repeat(32), 0)
                    .replace("Content-Length: 0", "Transfer-Encoding: chunked") + "2\r\npa\r\n");
            try {
                await().atMost(Duration.ofSeconds(2)).until(() -> large.closedByServer() && chunked.closedByServer());
                assertEquals(413, large.status());
                assertEquals(411, chunked.status());
            } finally {
                large.close();
                chunked.close();
            }
        }
    }

    @Test
    void aBodyThatDoesNotArriveByTheDeadlineGets408() {
        try (SlackWorld w = new SlackWorld(dir, limits(Duration.ofMillis(300)))) {
            long start = System.nanoTime();
            try (SlowSender slow = SlowSender.signedLooking(w.connection.httpPort(), now(w), 4_000, "pa")) {
                await().atMost(Duration.ofSeconds(3)).until(slow::closedByServer);
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertEquals(408, slow.status());
                assertTrue(millis >= 300, "not before the deadline: " + millis + " ms");
            }
            // The slot is given back just after the socket closes: wait for it rather than race it.
            await().atMost(Duration.ofSeconds(2)).until(() -> w.connection.unverifiedNow() == 0);
            // A signed request right after is served as usual.
            assertEquals(200, w.click(SlackWorld.ALICE, FakeSlack.TEAM, "warm.up", 1).statusCode());
        }
    }
}
