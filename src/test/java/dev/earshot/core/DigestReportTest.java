package dev.earshot.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The digest's arithmetic on rows written by hand. */
class DigestReportTest {
    static final ZoneId UTC = ZoneOffset.UTC;
    static final Instant DAY = Instant.parse("2026-11-23T00:00:00Z"); // a Monday
    static final Instant NEXT = DAY.plus(Duration.ofDays(1));
    static final BusinessHours OFFICE = new BusinessHours(UTC, BusinessHours.WEEKDAYS, LocalTime.of(9, 0),
            LocalTime.of(18, 0), Set.of());
    /** 1h in business hours, 4h outside them, the clock always running. */
    static final SlaPolicy SLA = SlaPolicy.standard(OFFICE);

    static CountedConversation row(String author, long followers, String opened, String replied,
                                   State state, String responder) {
        return new CountedConversation(Platform.DEMO, author, followers, DAY.plus(Duration.parse(opened)),
                replied == null ? null : DAY.plus(Duration.parse(replied)), state, responder);
    }

    static DigestReport compute(List<CountedConversation> rows, List<Timing> timings, Instant now) {
        return compute(rows, timings, now, SLA);
    }

    static DigestReport compute(List<CountedConversation> rows, List<Timing> timings, Instant now, SlaPolicy sla) {
        return DigestReport.compute(new DigestReport.Input("t", DAY, NEXT, UTC, now, rows, List.of(), 0,
                List.of(), List.of("alice"), timings, sla, null));
    }

    @Test
    void slaCountsLateAndOverdueButNotClosedOrStillInTime() {
        Instant now = NEXT.plus(Duration.ofMinutes(30));
        List<CountedConversation> rows = List.of(
                row("a", 1, "PT9H", "PT9H59M", State.REPLIED, "alice"),          // met, just
                row("b", 1, "PT9H", "PT10H1M", State.REPLIED, "alice"),          // late
                row("c", 1, "PT10H", null, State.DISMISSED, null),              // needed no answer
                row("d", 1, "PT10H", null, State.RESOLVED, null),               // closed, no answer needed
                row("e", 1, "PT11H", null, State.NEW, null),                    // overdue
                row("f", 1, "PT23H50M", null, State.CLAIMED, null));            // 40m old: not yet counted
        DigestReport.Sla sla = compute(rows, List.of(), now).sla();
        assertEquals(1, sla.met());
        assertEquals(3, sla.counted());
        assertEquals(Optional.of(33), sla.percent());
        assertEquals(SLA, sla.policy());
    }

    @Test
    void slaUsesTheAfterHoursTargetForWhatCameInAfterHoursAsTheNudgesDo() {
        Instant now = NEXT.plus(Duration.ofHours(9)); // Tuesday 09:00
        List<CountedConversation> rows = List.of(
                row("a", 1, "PT8H", "PT11H", State.REPLIED, "alice"),       // before opening: 3h of 4h, met
                row("b", 1, "PT17H", "PT18H30M", State.REPLIED, "alice"),   // in hours: 1h30m of 1h, late
                row("c", 1, "PT19H", "PT23H30M", State.REPLIED, "alice"),   // 4h30m of 4h, late
                row("d", 1, "PT20H", null, State.NEW, null));                // 13h waiting: overdue
        DigestReport.Sla sla = compute(rows, List.of(), now).sla();
        assertEquals(1, sla.met());
        assertEquals(4, sla.counted());
        for (CountedConversation c : rows) {
            Instant end = c.answered() ? c.firstReplyAt() : now;
            assertEquals(SLA.percent(c.openedAt(), end) <= 100, c.authorHandle().equals("a"),
                    "the nudges' clock agrees on " + c.authorHandle());
        }
    }

    @Test
    void slaWithAPausedClockCountsOnlyBusinessTime() {
        SlaPolicy paused = new SlaPolicy(Duration.ofHours(1), Duration.ofHours(4), true, OFFICE);
        Instant now = NEXT.plus(Duration.ofHours(9).plusMinutes(30)); // Tuesday 09:30
        List<CountedConversation> rows = List.of(
                row("a", 1, "PT17H30M", "PT21H", State.REPLIED, "alice"),  // 30m of business time: met
                row("b", 1, "PT17H30M", null, State.NEW, null),            // 30m + 30m = 1h, not past it: not counted
                row("c", 1, "PT16H", null, State.NEW, null));              // 2h + 30m: overdue
        DigestReport.Sla sla = compute(rows, List.of(), now, paused).sla();
        assertEquals(1, sla.met());
        assertEquals(2, sla.counted());
    }

    @Test
    void afterHoursSplitsByTheLocalWindow() {
        // 08:59 and 18:00 are outside the business hours (Mon–Fri 09:00–18:00); 09:00 and 17:59 inside.
        List<CountedConversation> rows = List.of(
                row("a", 1, "PT8H59M", "PT9H59M", State.REPLIED, "alice"),
                row("b", 1, "PT9H", "PT9H10M", State.REPLIED, "alice"),
                row("c", 1, "PT17H59M", "PT18H19M", State.REPLIED, "alice"),
                row("d", 1, "PT18H", null, State.NEW, null));
        DigestReport r = compute(rows, List.of(), NEXT);
        assertEquals(2, r.afterHours().received());
        assertEquals(1, r.afterHours().answered());
        assertEquals(Optional.of(Duration.ofHours(1)), r.afterHours().medianFirstResponse());
        assertEquals(2, r.inHours().received());
        assertEquals(Optional.of(Duration.ofMinutes(10)), r.inHours().medianFirstResponse());
    }

    @Test
    void topVoicesAreTheLargestAudiencesOncePerAuthorAndSkipUnknownOnes() {
        List<CountedConversation> rows = List.of(
                row("small", 10, "PT1H", null, State.NEW, null),
                row("big", 5_000, "PT2H", "PT3H", State.REPLIED, "alice"),
                row("big", 5_100, "PT4H", null, State.NEW, null),
                row("unknown", -1, "PT5H", null, State.NEW, null),
                row("mid", 700, "PT6H", null, State.NEW, null),
                row("v4", 600, "PT6H", null, State.NEW, null),
                row("v5", 500, "PT6H", null, State.NEW, null),
                row("v6", 400, "PT6H", null, State.NEW, null));
        List<DigestReport.Voice> voices = compute(rows, List.of(), NEXT).topVoices();
        assertEquals(List.of(new DigestReport.Voice(Platform.DEMO, "big", 5_100, 2, 1),
                new DigestReport.Voice(Platform.DEMO, "mid", 700, 1, 0),
                new DigestReport.Voice(Platform.DEMO, "v4", 600, 1, 0),
                new DigestReport.Voice(Platform.DEMO, "v5", 500, 1, 0),
                new DigestReport.Voice(Platform.DEMO, "v6", 400, 1, 0)), voices);
    }

    @Test
    void aQuietDayListsEveryAuthorWhoseAudienceIsKnownEvenWithNone() {
        List<CountedConversation> rows = List.of(
                row("none", 0, "PT1H", null, State.NEW, null),
                row("some", 12, "PT2H", "PT3H", State.REPLIED, "alice"),
                row("unknown", -1, "PT4H", null, State.NEW, null));
        assertEquals(List.of(new DigestReport.Voice(Platform.DEMO, "some", 12, 1, 1),
                new DigestReport.Voice(Platform.DEMO, "none", 0, 1, 0)), compute(rows, List.of(), NEXT).topVoices());
        assertEquals(List.of(new DigestReport.Voice(Platform.DEMO, "some", 12, 1, 1)),
                compute(rows.subList(1, 2), List.of(), NEXT).topVoices(), "one author is a top voice too");
    }

    @Test
    void aReplyExactlyAtTheTargetMeetsIt() {
        List<CountedConversation> rows = List.of(row("a", 1, "PT10H", "PT11H", State.REPLIED, "alice"));
        DigestReport.Sla sla = compute(rows, List.of(), NEXT).sla();
        assertEquals(1, sla.met(), "an hour's target, answered in exactly an hour");
        assertEquals(1, sla.counted());
    }

    @Test
    void theTeamTableListsMostRepliesFirstThenMostClaimsThenByName() {
        List<MemberActivity> activity = List.of(new MemberActivity("alice", 3, 1),
                new MemberActivity("bob", 1, 4), new MemberActivity("carol", 5, 1), new MemberActivity("dan", 5, 1));
        DigestReport r = DigestReport.compute(new DigestReport.Input("t", DAY, NEXT, UTC, NEXT, List.of(), List.of(), 0,
                activity, List.of("erin", "dan", "alice"), List.of(), SLA, null));
        assertEquals(List.of("bob", "carol", "dan", "alice", "erin"),
                r.team().stream().map(DigestReport.Teammate::member).toList());
        assertEquals(new DigestReport.Teammate("carol", 5, 1, null), r.team().get(1));
    }

    @Test
    void theTrendHasFourteenLocalDaysEndingWithThePeriodsLastDay() {
        List<Timing> timings = List.of(
                new Timing(DAY.minus(Duration.ofDays(13)), DAY.minus(Duration.ofDays(13)).plusSeconds(600)),
                new Timing(DAY.minus(Duration.ofDays(14)), null), // the 15th day back: not shown
                new Timing(DAY.plusSeconds(60), DAY.plusSeconds(60 + 1200)),
                new Timing(DAY.plusSeconds(120), DAY.plusSeconds(120 + 2400)),
                new Timing(DAY.plusSeconds(180), null));
        Trend trend = compute(List.of(), timings, NEXT).trend();
        assertEquals(14, trend.days().size());
        assertEquals(LocalDate.of(2026, 11, 10), trend.days().get(0).date());
        assertEquals(new Trend.Day(LocalDate.of(2026, 11, 10), 1, 1, Duration.ofMinutes(10)), trend.days().get(0));
        assertEquals(new Trend.Day(LocalDate.of(2026, 11, 23), 3, 2, Duration.ofMinutes(20)), trend.days().get(13));
        assertNull(trend.days().get(5).medianFirstResponse());
    }

    @Test
    void theTrendBucketsByLocalDayAcrossADstChange() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        // 2026-03-29 has 23 hours in Berlin: 00:00+01:00 to 24:00+02:00 is 23h.
        Instant from = LocalDate.of(2026, 3, 29).atStartOfDay(berlin).toInstant();
        Instant to = LocalDate.of(2026, 3, 30).atStartOfDay(berlin).toInstant();
        assertEquals(Duration.ofHours(23), Duration.between(from, to));
        List<Timing> timings = List.of(
                new Timing(from, null),                          // first moment of the 29th
                new Timing(to.minusSeconds(1), null),            // last second of the 29th (23:59:59+02:00)
                new Timing(from.minusSeconds(1), null));         // the 28th
        DigestReport r = DigestReport.compute(new DigestReport.Input("t", from, to, berlin, to, List.of(), List.of(),
                0, List.of(), List.of(), timings, SlaPolicy.standard(BusinessHours.standard(berlin)), null));
        assertEquals(LocalDate.of(2026, 3, 29), r.trend().days().get(13).date());
        assertEquals(2, r.trend().days().get(13).received());
        assertEquals(1, r.trend().days().get(12).received());
        assertEquals(LocalDate.of(2026, 3, 16).atStartOfDay(berlin).toInstant(), DigestReport.trendFrom(from, to, berlin));
    }

    @Test
    void anEmptyPeriodHasNoRatesRatherThanZeroes() {
        DigestReport r = compute(List.of(), List.of(), NEXT);
        assertEquals(Optional.empty(), r.figures().responseRatePercent());
        assertEquals(Optional.empty(), r.sla().percent());
        assertEquals(List.of(new DigestReport.Teammate("alice", 0, 0, null)), r.team());
    }

    @Test
    void theReportsDaysAndTheBusinessHoursShareOneZone() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new DigestReport.Input("t", DAY, NEXT, ZoneId.of("Europe/Berlin"), NEXT, List.of(), List.of(),
                        0, List.of(), List.of(), List.of(), SLA, null));
        assertEquals("the report's days and the business hours must share one time zone", e.getMessage());
    }
}
