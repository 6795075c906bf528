package dev.earshot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.earshot.core.Fixtures;
import dev.earshot.core.Trend;
import dev.earshot.port.SocialSource;
import dev.earshot.testing.Harness;
import dev.earshot.testing.RecordingChat;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 14-day trend of a report reaches before its period when the period is shorter (the daily
 * digest), and is taken from the period itself when it holds the 14 days (stats 30d). The Harness
 * clock starts on Monday 2026-11-23 09:00 UTC.
 */
class DigestTrendTest {
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

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
    void thursdaysDigestDrawsMondaysConversationInItsTrend() {
        arrives("m1", "jane");
        h.clock.advance(Duration.ofMinutes(20));
        h.as("alice", "reply 1 On its way!");
        h.drain(h.dispatcher());
        h.clock.advance(Duration.ofDays(3)); // Thursday
        arrives("m2", "kim");
        h.clock.advance(Duration.ofDays(1)); // Friday morning: Thursday's digest
        List<Trend.Day> daily = days(h.digests.daily(MONDAY.plusDays(3)).trend());
        assertEquals(List.of(1, 0, 0, 1), daily.stream().map(Trend.Day::received).toList());
        assertEquals(new Trend.Day(MONDAY, 1, 1, Duration.ofMinutes(20)), daily.get(0));
        assertEquals(daily, days(h.digests.stats(StatsPeriod.LAST_30_DAYS).trend()),
                "the stats draw the same days from the month they read");
    }

    /** Monday to Thursday. */
    private static List<Trend.Day> days(Trend trend) {
        return trend.days().stream().filter(d -> !d.date().isBefore(MONDAY) && d.date().isBefore(MONDAY.plusDays(4)))
                .toList();
    }

    private void arrives(String externalId, String handle) {
        h.ingest.ingest(h.demo, new SocialSource.Fetch(
                List.of(Fixtures.message(externalId, handle, "where is my parcel?", h.clock.instant())), null));
    }
}
