package dev.earshot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.app.outbox.Dispatcher;
import dev.earshot.port.ChatPlatform;
import dev.earshot.port.DeliveryException;
import dev.earshot.testing.Crash;
import dev.earshot.testing.Harness;
import dev.earshot.testing.RecordingChat;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RELIABILITY.md promise 7 for the digest: once per day across restarts and crashes, with the
 * catch-up policy (today's digest if its time passed, never older ones). The Harness clock starts
 * on Monday 2026-11-23 09:00 UTC; digests are at 09:00 UTC.
 */
class DigestOncePerDayTest {
    static final Instant TUESDAY_0855 = Instant.parse("2026-11-24T08:55:00Z");

    @TempDir
    Path dir;
    Harness h;

    @BeforeEach
    void open() {
        h = new Harness(dir, new RecordingChat());
    }

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void downFrom0855To0910AcrossThe0900DigestGivesExactlyOne() {
        to(TUESDAY_0855);
        assertEquals(0, h.digests.runDue(), "not 09:00 yet");
        h.drain(dispatcher(Dispatcher.CrashPoints.NONE));
        h.restart(); // down from 08:55 ...
        to(TUESDAY_0855.plus(Duration.ofMinutes(15))); // ... to 09:10
        assertEquals(1, h.digests.runDue(), "the catch-up at start posts it");
        h.drain(dispatcher(Dispatcher.CrashPoints.NONE));
        assertEquals(0, h.digests.runDue(), "posted once already");
        for (int hour = 1; hour <= 14; hour++) { // the hourly checks the rest of the day, and a restart
            h.clock.advance(Duration.ofHours(1));
            if (hour == 3) {
                h.restart();
            }
            assertEquals(0, h.digests.runDue());
            h.drain(dispatcher(Dispatcher.CrashPoints.NONE));
        }
        assertEquals(List.of("digest-2026-11-23"), reportNames());
    }

    @Test
    void killedAfterTheClaimBeforeTheChatAcceptedStillPostsOnce() {
        to(TUESDAY_0855.plus(Duration.ofMinutes(5)));
        assertEquals(1, h.digests.runDue());
        assertThrows(Crash.class, () -> dispatcher(Crash.at("report:before-send")).drainOnce());
        assertTrue(h.chat.reports.isEmpty());
        h.restart();
        assertEquals(0, h.digests.runDue(), "claimed before the crash");
        h.drain(dispatcher(Dispatcher.CrashPoints.NONE));
        assertEquals(List.of("digest-2026-11-23"), reportNames());
    }

    @Test
    void killedAfterTheChatAcceptedButBeforeItWasMarkedDoneDoesNotPostAgain() {
        to(TUESDAY_0855.plus(Duration.ofMinutes(5)));
        h.digests.runDue();
        assertThrows(Crash.class, () -> dispatcher(Crash.at("report:after-send")).drainOnce());
        assertEquals(1, h.chat.reports.size());
        h.restart();
        h.digests.runDue();
        h.drain(dispatcher(Dispatcher.CrashPoints.NONE));
        assertEquals(1, h.chat.reports.size(), "found by its key in the chat, not posted again");
        assertEquals(0, h.outboxBacklog());
    }

    @Test
    void aChatThatFailsIsTriedAgainUntilItTakesTheDigestOnce() {
        to(TUESDAY_0855.plus(Duration.ofMinutes(5)));
        h.digests.runDue();
        h.chat.failNext(new DeliveryException(DeliveryException.Kind.TRANSIENT, "503"),
                new DeliveryException(DeliveryException.Kind.TRANSIENT, "503"));
        Dispatcher dispatcher = dispatcher(Dispatcher.CrashPoints.NONE);
        for (int i = 0; i < 10; i++) {
            h.drain(dispatcher);
            h.clock.advance(Duration.ofSeconds(30));
            h.digests.runDue();
        }
        assertEquals(List.of("digest-2026-11-23"), reportNames());
    }

    @Test
    void mondaysBringTheWeeklyDigestOfLastWeekToo() {
        assertEquals(2, h.digests.runDue()); // Monday 2026-11-23 09:00
        h.restart();
        assertEquals(0, h.digests.runDue());
        h.drain(dispatcher(Dispatcher.CrashPoints.NONE));
        assertEquals(List.of("digest-2026-11-22", "weekly-digest-2026-W47"), reportNames());
        assertTrue(h.chat.reports.get(1).text().startsWith(
                "Weekly digest · week 47, Mon 16 Nov – Sunday 22 November 2026 (UTC)"), h.chat.reports.get(1).text());
        to(TUESDAY_0855.plus(Duration.ofMinutes(5)));
        assertEquals(1, h.digests.runDue(), "Tuesday: the daily one only");
    }

    @Test
    void aProcessDownForDaysPostsTodaysDigestOnlyNeverOlderOnes() {
        to(TUESDAY_0855);
        h.restart(); // down from Tuesday 08:55 to Thursday 10:00
        to(Instant.parse("2026-11-26T10:00:00Z"));
        assertEquals(1, h.digests.runDue());
        h.drain(dispatcher(Dispatcher.CrashPoints.NONE));
        assertEquals(List.of("digest-2026-11-25"), reportNames(), "Tuesday's and Wednesday's are skipped");
    }

    @Test
    void aRestartBeforeDigestTimePostsNothingUntilTheTimeComes() {
        to(Instant.parse("2026-11-24T00:30:00Z"));
        h.restart();
        assertEquals(0, h.digests.runDue(), "yesterday's 09:00 digest was missed: not made up at 00:30");
        to(Instant.parse("2026-11-24T09:00:00Z"));
        assertEquals(1, h.digests.runDue());
    }

    @Test
    void aSchedulerFiringAFewMillisecondsEarlyStillCountsAsOnTime() {
        Instant nine = Instant.parse("2026-11-24T09:00:00Z");
        to(nine.minusMillis(2));
        assertEquals(0, h.digests.runDue(), "the catch-up, by the clock: not yet");
        assertEquals(1, h.digests.runDue(nine), "the cron, by its scheduled fire time");
    }

    /** A chart renderer that draws a token picture: the real one is tested on its own. */
    private Dispatcher dispatcher(Dispatcher.CrashPoints crashPoints) {
        return h.dispatcher(crashPoints, (name, trend) -> Optional.of(new ChatPlatform.Image(name + ".png", name,
                new byte[] {1})));
    }

    @Test
    void aChartThatCannotBeDrawnDoesNotHoldTheDigestBack() {
        to(TUESDAY_0855.plus(Duration.ofMinutes(5)));
        h.digests.runDue();
        h.drain(h.dispatcher(Dispatcher.CrashPoints.NONE, (name, trend) -> {
            throw new IllegalStateException("no fonts on this machine");
        }));
        assertTrue(h.chat.reports.isEmpty());
        assertEquals(1, h.chat.channelPosts.size(), "posted as text");
        assertTrue(h.chat.channelPosts.get(0).text().startsWith("Daily digest · Monday 23 November 2026 (UTC)"));
        assertEquals(0, h.outboxBacklog());
    }

    private void to(Instant t) {
        h.clock.advance(Duration.between(h.clock.instant(), t));
    }

    private List<String> reportNames() {
        return h.chat.reports.stream().map(r -> r.image().fileName().replace(".png", ""))
                .toList();
    }
}
