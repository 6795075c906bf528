package dev.earshot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.earshot.core.BusinessHours;
import dev.earshot.core.DigestReport;
import dev.earshot.core.SlaPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DigestTextTest {
    @ParameterizedTest
    @CsvSource({"0, 0", "999, 999", "1000, 1k", "1250, 1.3k", "9999, 10k", "10000, 10k", "120000, 120k",
            "999499, 999k", "999500, 1M", "1000000, 1M", "1250000, 1.3M", "42000000, 42M"})
    void followerCountsReadLikeAPerson(long n, String shown) {
        assertEquals(shown, DigestText.followers(n));
    }

    @Test
    void handlesStayOnOneShortLine() {
        assertEquals("jane", DigestText.handle("jane"));
        assertEquals("a b", DigestText.handle("a\nb"));
        assertEquals("spaced out", DigestText.handle("  spaced\tout\u2028 "));
        assertEquals("abcdefghijklmnopqrstuvw…", DigestText.handle("abcdefghijklmnopqrstuvwxyz0123"));
    }

    @Test
    void followUpsDueTodayAreListedInTheTeamsZoneOnOneLineEach() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        LocalDate today = LocalDate.of(2026, 11, 24);
        Instant dueAt = today.atTime(10, 15).atZone(berlin).toInstant();
        String text = DigestText.report(report(berlin, new DigestReport.DueToday(today, List.of(
                new DigestReport.FollowUpDue(12, dueAt, "alice", "check the\nreplacement   arrived"),
                new DigestReport.FollowUpDue(7, dueAt.plus(Duration.ofHours(2)), "bob", "")))));
        assertEquals("""
                Follow-ups due today: 2
                  #12 · due 10:15 · @alice · check the replacement arrived
                  #7  · due 12:15 · @bob""", text.substring(text.indexOf("Follow-ups")));
    }

    @Test
    void aDayWithoutFollowUpsSaysSoAndOtherReportsLeaveTheSectionOut() {
        ZoneId utc = ZoneId.of("UTC");
        assertEquals("Follow-ups due today: none.", last(DigestText.digest(report(utc,
                new DigestReport.DueToday(LocalDate.of(2026, 11, 24), List.of()))), 1));
        assertFalse(DigestText.digest(report(utc, null)).contains("Follow-ups"));
    }

    private static DigestReport report(ZoneId zone, DigestReport.DueToday due) {
        Instant from = LocalDate.of(2026, 11, 23).atStartOfDay(zone).toInstant();
        Instant to = from.plus(Duration.ofDays(1));
        return DigestReport.compute(new DigestReport.Input("t", from, to, zone, to, List.of(), List.of(), 0,
                List.of(), List.of(), List.of(), SlaPolicy.standard(BusinessHours.standard(zone)), due));
    }

    /** The paragraph {@code back} paragraphs before the end (0: the last). */
    private static String last(String text, int back) {
        List<String> paragraphs = List.of(text.split("\n\n"));
        return paragraphs.get(paragraphs.size() - 1 - back);
    }
}
