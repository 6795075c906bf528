package dev.earshot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.earshot.core.Author;
import dev.earshot.core.Message;
import dev.earshot.core.MessageKind;
import dev.earshot.core.Platform;
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
        h.clock.advance(Duration.ofDays(3)); // Thursday
        arrives("m2", "kim");
        h.clock.advance(Duration.ofDays(1)); // Friday morning: Thursday's digest
        Trend trend = h.digests.daily(MONDAY.plusDays(3)).trend();
        assertEquals(List.of(1, 0, 0, 1), received(trend, MONDAY, 4));
        assertEquals(List.of(1, 0, 0, 1), received(h.digests.stats(StatsPeriod.LAST_30_DAYS).trend(), MONDAY, 4),
                "the stats draw the same days from the month they read");
    }

    private static List<Integer> received(Trend trend, LocalDate from, int days) {
        return trend.days().stream().filter(d -> !d.date().isBefore(from) && d.date().isBefore(from.plusDays(days)))
                .map(Trend.Day::received).toList();
    }

    private void arrives(String externalId, String handle) {
        Message m = new Message(Platform.DEMO, "demo", externalId, new Author(Platform.DEMO, handle, handle, 10, ""),
                "where is my parcel?", "", h.clock.instant(), MessageKind.MENTION, null, externalId);
        h.ingest.ingest(h.demo, new SocialSource.Fetch(List.of(m), null));
    }
}
