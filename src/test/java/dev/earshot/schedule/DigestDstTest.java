package dev.earshot.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.earshot.app.Backoff;
import dev.earshot.app.Digests;
import dev.earshot.app.outbox.Dispatcher;
import dev.earshot.app.HealthBoard;
import dev.earshot.app.Sources;
import dev.earshot.app.Telemetry;
import dev.earshot.core.BusinessHours;
import dev.earshot.core.DigestReport;
import dev.earshot.core.Member;
import dev.earshot.core.SlaPolicy;
import dev.earshot.core.Team;
import dev.earshot.port.ChatPlatform;
import dev.earshot.port.Store;
import dev.earshot.store.SqliteStore;
import dev.earshot.testing.RecordingChat;
import dev.earshot.testing.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quartz.Trigger;

/**
 * Both DST changes of 2026 in Europe/Berlin (clocks forward at 02:00 on 29 March, back at 03:00
 * on 25 October): the digest's own Quartz triggers drive three days around each change, with
 * restarts in between; every day gets exactly one digest, none missed, none doubled.
 */
class DigestDstTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final SlaPolicy SLA = SlaPolicy.standard(BusinessHours.standard(BERLIN));
    static final Team TEAM = new Team(List.of(new Member("alice", Map.of(), true)));

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} at {1}: posted at {2}")
    @CsvSource({
            "2026-03-29, 09:00, 2026-03-29T09:00+02:00",
            // 02:30 does not exist that day: Quartz skips its daily trigger, the hourly check posts at 03:30
            "2026-03-29, 02:30, 2026-03-29T03:30+02:00",
            "2026-10-25, 09:00, 2026-10-25T09:00+01:00",
            // 02:30 happens twice; Quartz fires only the second one (both triggers): one digest, an hour "late"
            "2026-10-25, 02:30, 2026-10-25T02:30+01:00"})
    void oneDigestADayAcrossTheChange(LocalDate day, LocalTime at, String postedAt) {
        Instant start = day.minusDays(1).atStartOfDay(BERLIN).toInstant();
        Instant end = day.plusDays(2).atStartOfDay(BERLIN).toInstant();
        TestClock clock = new TestClock(start);
        RecordingChat chat = new RecordingChat();
        Path db = dir.resolve("earshot.db");
        List<Instant> postedTimes = new ArrayList<>();
        int turn = 0;
        Store store = SqliteStore.open(db);
        try {
            for (Instant fire : fireTimes(at, start, end)) {
                clock.advance(Duration.between(clock.instant(), fire));
                Digests digests = new Digests(store, TEAM, clock, SLA, settings(at));
                if (turn++ % 12 == 0) {
                    // A restart now and then: the scheduler's memory is lost, the store's is not.
                    store.close();
                    store = SqliteStore.open(db);
                    digests = new Digests(store, TEAM, clock, SLA, settings(at));
                    digests.runDue(); // the catch-up at start
                }
                digests.runDue(fire);
                int before = chat.reports.size();
                Dispatcher dispatcher = new Dispatcher(store, chat, new Sources(List.of()), TEAM, new HealthBoard(),
                        clock, BERLIN, Backoff.standard(), Dispatcher.CrashPoints.NONE, Telemetry.NONE,
                        (name, trend) -> Optional.of(new ChatPlatform.Image(name + ".png", name, new byte[] {1})));
                while (dispatcher.drainOnce() > 0) {
                    // until the report is out
                }
                if (chat.reports.size() > before) {
                    postedTimes.add(clock.instant());
                }
            }
        } finally {
            store.close();
        }
        assertEquals(List.of("digest-" + day.minusDays(2) + ".png", "digest-" + day.minusDays(1) + ".png",
                "digest-" + day + ".png"), chat.reports.stream().map(r -> r.image().fileName()).toList());
        assertEquals(ZonedDateTime.parse(postedAt).toInstant(), postedTimes.get(1), "the day of the change");
    }

    @Test
    void theDailyTriggerFiresAtTheLocalTimeOnBothChangeDays() {
        List<ZonedDateTime> spring = daily(LocalTime.of(9, 0), "2026-03-28T00:00:00Z", 3);
        assertEquals(List.of("2026-03-28T09:00+01:00[Europe/Berlin]", "2026-03-29T09:00+02:00[Europe/Berlin]",
                "2026-03-30T09:00+02:00[Europe/Berlin]"), spring.stream().map(ZonedDateTime::toString).toList());
        List<ZonedDateTime> autumn = daily(LocalTime.of(9, 0), "2026-10-24T00:00:00Z", 3);
        assertEquals(List.of("2026-10-24T09:00+02:00[Europe/Berlin]", "2026-10-25T09:00+01:00[Europe/Berlin]",
                "2026-10-26T09:00+01:00[Europe/Berlin]"), autumn.stream().map(ZonedDateTime::toString).toList());
    }

    @Test
    void theDigestOfAChangeDayCoversItsRealLength() {
        try (Store store = SqliteStore.open(dir.resolve("len.db"))) {
            Digests digests = new Digests(store, TEAM, new TestClock(Instant.parse("2026-11-01T00:00:00Z")), SLA,
                    settings(LocalTime.of(9, 0)));
            DigestReport spring = digests.daily(LocalDate.of(2026, 3, 29));
            DigestReport autumn = digests.daily(LocalDate.of(2026, 10, 25));
            assertEquals(Duration.ofHours(23), Duration.between(spring.from(), spring.to()));
            assertEquals(Duration.ofHours(25), Duration.between(autumn.from(), autumn.to()));
        }
    }

    private static Digests.Settings settings(LocalTime at) {
        return new Digests.Settings(at, false, "support");
    }

    /** Every fire time of the digest job's triggers in [from, to), in order. */
    private static TreeSet<Instant> fireTimes(LocalTime at, Instant from, Instant to) {
        TreeSet<Instant> times = new TreeSet<>();
        for (Trigger t : Schedule.dailyTriggers("digest", at, BERLIN)) {
            Trigger started = t.getTriggerBuilder().startAt(Date.from(from)).build();
            for (Date d = started.getFireTimeAfter(Date.from(from.minusMillis(1))); d != null && d.toInstant().isBefore(to);
                    d = started.getFireTimeAfter(d)) {
                times.add(d.toInstant());
            }
        }
        return times;
    }

    private static List<ZonedDateTime> daily(LocalTime at, String from, int count) {
        Trigger daily = Schedule.dailyTriggers("digest", at, BERLIN).iterator().next();
        Trigger started = daily.getTriggerBuilder().startAt(Date.from(Instant.parse(from))).build();
        List<ZonedDateTime> out = new ArrayList<>();
        Date d = Date.from(Instant.parse(from));
        for (int i = 0; i < count; i++) {
            d = started.getFireTimeAfter(d);
            out.add(d.toInstant().atZone(BERLIN));
        }
        return out;
    }
}
