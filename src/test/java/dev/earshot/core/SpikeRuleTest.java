package dev.earshot.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpikeRuleTest {
    private final SpikeRule rule = SpikeRule.defaults();

    @Test
    void theUsualNumberIsTheSameHourOfPastWeeksPerWindowWithAFloor() {
        assertEquals(5.0, rule.usual(List.of(0, 0, 4, 0)), "a quiet account gets the floor");
        assertEquals(10.0, rule.usual(List.of(40, 40, 40, 40)), "40 an hour is 10 per 15 minutes");
        assertTrue(rule.spiking(15, 5.0));
        assertFalse(rule.spiking(14, 5.0));
        assertTrue(rule.backToNormal(5, 5.0));
        assertFalse(rule.backToNormal(6, 5.0));
    }

    @Test
    void pastHoursAreWallClockHoursAcrossDaylightSaving() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        // Tuesday 3 November 2026 14:20 CET; four weeks back crosses the end of summer time (25 October).
        List<Instant> hours = rule.pastHours(Instant.parse("2026-11-03T13:20:00Z"), berlin);
        assertEquals(Instant.parse("2026-10-27T13:00:00Z"), hours.get(0));
        assertEquals(Instant.parse("2026-10-20T12:00:00Z"), hours.get(1), "14:00 CEST is 12:00 UTC");
        assertEquals(4, hours.size());
    }

    @Test
    void topWordsCountEachMessageOnceAndSkipLinksHandlesAndCommonWords() {
        List<String> texts = List.of("@acme login is DOWN again https://x.co/a", "login down down down",
                "the app is down", "<!channel> login");
        assertEquals(List.of("down", "login", "app"), TopWords.top(texts, 3));
    }
}
