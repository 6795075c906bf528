package dev.earshot.core;

import static dev.earshot.core.BusinessHoursTest.BERLIN;
import static dev.earshot.core.BusinessHoursTest.berlin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OnCallRotationTest {
    final OnCallRotation rotation = new OnCallRotation(List.of("alice", "bob", "carol"), DayOfWeek.MONDAY,
            LocalTime.of(9, 0), BERLIN, LocalDate.parse("2026-01-07"));

    private String who(String localDateTime) {
        return rotation.at(berlin(localDateTime)).orElseThrow().member();
    }

    @Test
    void membersTakeWeeklyTurnsFromTheFirstWeeksHandOver() {
        assertEquals("alice", who("2026-01-05T09:00"));
        assertEquals("alice", who("2026-01-12T08:59"));
        assertEquals("bob", who("2026-01-12T09:00"));
        assertEquals("carol", who("2026-01-19T09:00"));
        assertEquals("alice", who("2026-01-26T09:00"));
        assertEquals("carol", who("2026-01-05T08:59"), "the turn before the first one");
    }

    @Test
    void aTurnRunsFromHandOverToHandOverOnTheWallClockAcrossDaylightSaving() {
        OnCallShift shift = rotation.at(berlin("2026-03-25T22:00")).orElseThrow();
        assertEquals(berlin("2026-03-23T09:00"), shift.from());
        assertEquals(berlin("2026-03-30T09:00"), shift.until());
        assertEquals(Duration.ofHours(167), Duration.between(shift.from(), shift.until()));
        OnCallShift autumn = rotation.at(berlin("2026-10-25T03:00")).orElseThrow();
        assertEquals(Duration.ofHours(169), Duration.between(autumn.from(), autumn.until()));
        assertEquals(berlin("2026-10-26T09:00"), rotation.nextHandover(berlin("2026-10-25T03:00")));
        assertEquals(berlin("2026-11-02T09:00"), rotation.nextHandover(berlin("2026-10-26T09:00")));
    }

    @Test
    void aHandSetShiftWinsWhileItLasts() {
        OnCallShift bobTonight = rotation.override("bob", "alice", berlin("2026-01-07T18:00"), Duration.ofHours(8));
        assertEquals(berlin("2026-01-08T02:00"), bobTonight.until());
        assertEquals("bob", rotation.onCall(Optional.of(bobTonight), berlin("2026-01-07T23:00")).orElseThrow().member());
        assertEquals("alice", rotation.onCall(Optional.of(bobTonight), berlin("2026-01-08T02:00")).orElseThrow().member());

        OnCallShift untilHandOver = rotation.override("carol", "carol", berlin("2026-01-07T18:00"), null);
        assertEquals(berlin("2026-01-12T09:00"), untilHandOver.until());
    }

    @Test
    void withoutARotationOnlyAHandSetShiftCountsAndItLastsUntilReplaced() {
        OnCallRotation none = OnCallRotation.none(BERLIN);
        assertEquals(Optional.empty(), none.at(berlin("2026-01-07T18:00")));
        OnCallShift dave = none.override("dave", "alice", berlin("2026-01-07T18:00"), null);
        assertNull(dave.until());
        assertEquals("dave", none.onCall(Optional.of(dave), berlin("2027-06-01T00:00")).orElseThrow().member());
    }
}
