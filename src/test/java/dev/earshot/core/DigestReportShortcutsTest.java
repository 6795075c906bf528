package dev.earshot.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The report takes shortcuts to stay fast over a month of a busy brand (business hours looked up
 * once per day, the loudest authors found without counting everyone, days found by search). Each
 * must give what the plain computation gives: here both run on the same random month, one that
 * crosses a daylight-saving change and holds a holiday, its rows in no particular order.
 */
class DigestReportShortcutsTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalDate FIRST = LocalDate.of(2026, 3, 10); // the clocks go forward on 29 March
    private static final Instant FROM = FIRST.atStartOfDay(BERLIN).toInstant();
    private static final Instant TO = FIRST.plusDays(30).atStartOfDay(BERLIN).toInstant();
    private static final BusinessHours HOURS = new BusinessHours(BERLIN,
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY), LocalTime.of(8, 30), LocalTime.of(19, 0),
            Set.of(LocalDate.of(2026, 3, 27)));
    private static final SlaPolicy SLA = SlaPolicy.standard(HOURS);

    @Test
    void theReportAgreesWithThePlainComputationOnARandomMonth() {
        for (long seed = 1; seed <= 20; seed++) {
            Random random = new Random(seed);
            List<CountedConversation> rows = month(random);
            List<Timing> timings = rows.stream().map(c -> new Timing(c.openedAt(), c.firstReplyAt())).toList();
            DigestReport report = DigestReport.compute(new DigestReport.Input("t", FROM, TO, BERLIN, TO, rows,
                    List.of(), 0, List.of(), List.of(), timings, SLA, null));

            List<CountedConversation> inside = rows.stream().filter(c -> HOURS.isOpen(c.openedAt())).toList();
            assertEquals(inside.size(), report.inHours().received(), "seed " + seed);
            assertEquals(rows.size() - inside.size(), report.afterHours().received(), "seed " + seed);
            assertEquals(median(inside), report.inHours().medianFirstResponse().orElse(null), "seed " + seed);
            assertEquals(median(rows), report.figures().medianFirstResponse().orElse(null), "seed " + seed);
            assertEquals(voices(rows), report.topVoices(), "seed " + seed);
            assertEquals(trend(rows), report.trend().days(), "seed " + seed);
        }
    }

    @Test
    void theDayByDayOpenCheckAgreesWithIsOpenInAnyOrder() {
        Random random = new Random(7);
        List<Instant> instants = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            instants.add(FROM.plusSeconds(random.nextInt((int) Duration.between(FROM, TO).toSeconds())));
        }
        instants.add(LocalDate.of(2026, 3, 30).atTime(8, 30).atZone(BERLIN).toInstant()); // opening, after DST
        instants.add(LocalDate.of(2026, 3, 30).atTime(19, 0).atZone(BERLIN).toInstant()); // closing
        for (List<Instant> order : List.of(instants, instants.stream().sorted().toList())) {
            BusinessHours.OpenCheck check = HOURS.openCheck();
            for (Instant at : order) {
                assertEquals(HOURS.isOpen(at), check.isOpen(at), at.toString());
            }
        }
    }

    private static List<CountedConversation> month(Random random) {
        List<CountedConversation> rows = new ArrayList<>();
        long span = Duration.between(FROM, TO).toMillis();
        for (int id = 1; id <= 3_000; id++) {
            Instant opened = FROM.plusMillis((long) (random.nextDouble() * span));
            Instant replied = random.nextInt(5) == 0 ? null : opened.plusSeconds(random.nextInt(20_000) - 60);
            int author = random.nextInt(400);
            Platform platform = author % 7 == 0 && random.nextBoolean() ? Platform.MASTODON : Platform.X;
            // A few loud authors, most quiet; some write when the platform does not say.
            long followers = random.nextInt(10) == 0 ? -1
                    : author < 8 ? 1_000_000L * (author + 1) - random.nextInt(1_000) : random.nextInt(50_000);
            State state = replied != null ? State.REPLIED : State.values()[random.nextInt(State.values().length)];
            rows.add(new CountedConversation(platform, "a" + author, followers, opened, replied, state,
                    replied == null ? null : "m" + random.nextInt(4)));
        }
        Collections.shuffle(rows, random);
        return rows;
    }

    private static Duration median(List<CountedConversation> rows) {
        List<Duration> times = rows.stream().filter(CountedConversation::answered)
                .map(c -> Duration.between(c.openedAt(), c.firstReplyAt()))
                .map(d -> d.isNegative() ? Duration.ZERO : d).sorted().toList();
        return times.isEmpty() ? null : times.get((int) Math.ceil(times.size() / 2.0) - 1);
    }

    private static List<DigestReport.Voice> voices(List<CountedConversation> rows) {
        Map<String, DigestReport.Voice> all = new HashMap<>();
        for (CountedConversation c : rows) {
            if (c.followers() >= 0) {
                all.merge(c.platform() + "/" + c.authorHandle(),
                        new DigestReport.Voice(c.platform(), c.authorHandle(), c.followers(), 1, c.answered() ? 1 : 0),
                        (a, b) -> new DigestReport.Voice(a.platform(), a.handle(), Math.max(a.followers(), b.followers()),
                                a.conversations() + 1, a.answered() + b.answered()));
            }
        }
        return all.values().stream().sorted(Comparator.comparingLong(DigestReport.Voice::followers).reversed()
                        .thenComparing(DigestReport.Voice::handle).thenComparing(DigestReport.Voice::platform))
                .limit(DigestReport.TOP_VOICES).toList();
    }

    private static List<Trend.Day> trend(List<CountedConversation> rows) {
        LocalDate last = FIRST.plusDays(29);
        List<Trend.Day> days = new ArrayList<>();
        for (LocalDate d = last.minusDays(DigestReport.TREND_DAYS - 1L); !d.isAfter(last); d = d.plusDays(1)) {
            LocalDate day = d;
            List<CountedConversation> that = rows.stream()
                    .filter(c -> c.openedAt().atZone(BERLIN).toLocalDate().equals(day)).toList();
            days.add(new Trend.Day(day, that.size(), (int) that.stream().filter(CountedConversation::answered).count(),
                    median(that)));
        }
        return days;
    }
}
