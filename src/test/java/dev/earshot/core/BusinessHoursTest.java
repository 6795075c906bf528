package dev.earshot.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Business time in Europe/Berlin, where summer time starts on 2026-03-29 and ends on 2026-10-25. */
class BusinessHoursTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    final BusinessHours office = BusinessHours.standard(BERLIN);

    static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    @Test
    void withinOneWorkingDay() {
        assertEquals(Duration.ofMinutes(150), office.between(berlin("2026-03-23T10:00"), berlin("2026-03-23T12:30")));
        assertEquals(Duration.ofHours(8), office.between(berlin("2026-03-23T06:00"), berlin("2026-03-23T20:00")));
        assertEquals(Duration.ZERO, office.between(berlin("2026-03-23T17:00"), berlin("2026-03-24T09:00")));
        assertEquals(Duration.ZERO, office.between(berlin("2026-03-23T12:00"), berlin("2026-03-23T11:00")));
    }

    @Test
    void aWeekendCountsNothing() {
        // Friday 16:00 to Monday 10:00: one hour each side.
        assertEquals(Duration.ofHours(2), office.between(berlin("2026-11-20T16:00"), berlin("2026-11-23T10:00")));
        assertEquals(Duration.ZERO, office.between(berlin("2026-11-21T08:00"), berlin("2026-11-22T20:00")));
        assertEquals(Duration.ofHours(40), office.between(berlin("2026-11-23T00:00"), berlin("2026-11-30T00:00")));
    }

    @Test
    void aWeekendAcrossTheSpringChangeStillCountsTwoHours() {
        // Friday is CET (UTC+1), Monday CEST (UTC+2); the change is on Sunday 29 March at 02:00.
        Instant friday = berlin("2026-03-27T16:00");
        Instant monday = berlin("2026-03-30T10:00");
        assertEquals(Instant.parse("2026-03-27T15:00:00Z"), friday);
        assertEquals(Instant.parse("2026-03-30T08:00:00Z"), monday);
        assertEquals(Duration.ofHours(65), Duration.between(friday, monday), "one wall-clock hour was skipped");
        assertEquals(Duration.ofHours(2), office.between(friday, monday));
        assertEquals(Instant.parse("2026-03-30T07:00:00Z"), office.opens(LocalDate.parse("2026-03-30")),
                "09:00 stays 09:00 on the wall clock");
    }

    @Test
    void aWeekendAcrossTheAutumnChangeStillCountsTwoHours() {
        Instant friday = berlin("2026-10-23T16:00");
        Instant monday = berlin("2026-10-26T10:00");
        assertEquals(Duration.ofHours(67), Duration.between(friday, monday), "one wall-clock hour was lived twice");
        assertEquals(Duration.ofHours(2), office.between(friday, monday));
        assertEquals(Instant.parse("2026-10-26T08:00:00Z"), office.opens(LocalDate.parse("2026-10-26")));
    }

    @Test
    void theDaysOfTheChangesLastAsLongAsTheyWereLived() {
        BusinessHours always = BusinessHours.always(BERLIN);
        assertEquals(Duration.ofHours(23), always.between(berlin("2026-03-29T00:00"), berlin("2026-03-30T00:00")));
        assertEquals(Duration.ofHours(25), always.between(berlin("2026-10-25T00:00"), berlin("2026-10-26T00:00")));

        BusinessHours nights = new BusinessHours(BERLIN, EnumSet.allOf(DayOfWeek.class), LocalTime.of(0, 0),
                LocalTime.of(6, 0), Set.of());
        assertEquals(Duration.ofHours(5), nights.between(berlin("2026-03-29T00:00"), berlin("2026-03-29T12:00")));
        assertEquals(Duration.ofHours(7), nights.between(berlin("2026-10-25T00:00"), berlin("2026-10-25T12:00")));

        BusinessHours sundays = new BusinessHours(BERLIN, Set.of(DayOfWeek.SUNDAY), LocalTime.of(9, 0),
                LocalTime.of(17, 0), Set.of());
        assertEquals(Duration.ofHours(8), sundays.between(berlin("2026-03-28T00:00"), berlin("2026-03-30T00:00")));
        assertEquals(Duration.ofHours(8), sundays.between(berlin("2026-10-24T00:00"), berlin("2026-10-26T00:00")));
    }

    @Test
    void anOpeningTimeTheSpringChangeSkipsStartsAfterTheGap() {
        BusinessHours early = new BusinessHours(BERLIN, EnumSet.allOf(DayOfWeek.class), LocalTime.of(2, 30),
                LocalTime.of(4, 0), Set.of());
        // 02:30 does not exist on 29 March: the day opens at 03:30 CEST and counts 30 minutes.
        assertEquals(Instant.parse("2026-03-29T01:30:00Z"), early.opens(LocalDate.parse("2026-03-29")));
        assertEquals(Duration.ofMinutes(30), early.between(berlin("2026-03-29T00:00"), berlin("2026-03-29T12:00")));
        // On 25 October 02:30 happens twice; the earlier offset (CEST) is the one that counts, so 2h30m.
        assertEquals(Duration.ofMinutes(150), early.between(berlin("2026-10-25T00:00"), berlin("2026-10-25T12:00")));
    }

    @Test
    void holidaysAreNotWorkingDays() {
        BusinessHours christmas = new BusinessHours(BERLIN, BusinessHours.WEEKDAYS, LocalTime.of(9, 0),
                LocalTime.of(17, 0), Set.of(LocalDate.parse("2026-12-24"), LocalDate.parse("2026-12-25")));
        // Wednesday 16:00 to Monday 10:00, with Thursday and Friday off.
        assertEquals(Duration.ofHours(2), christmas.between(berlin("2026-12-23T16:00"), berlin("2026-12-28T10:00")));
        assertEquals(Duration.ofHours(18), office.between(berlin("2026-12-23T16:00"), berlin("2026-12-28T10:00")));
        assertFalse(christmas.isOpen(berlin("2026-12-24T11:00")));
        assertTrue(christmas.isOpen(berlin("2026-12-23T11:00")));
    }

    @Test
    void openIncludesTheOpeningMinuteAndExcludesTheClosingOne() {
        assertTrue(office.isOpen(berlin("2026-03-30T09:00")));
        assertTrue(office.isOpen(berlin("2026-03-30T16:59")));
        assertFalse(office.isOpen(berlin("2026-03-30T17:00")));
        assertFalse(office.isOpen(berlin("2026-03-30T08:59")));
        assertFalse(office.isOpen(berlin("2026-03-29T11:00")), "a Sunday");
        assertTrue(BusinessHours.always(BERLIN).isOpen(berlin("2026-03-29T02:30")));
    }

    @Test
    void aYearOfWorkingDaysIsEightHoursEachWhateverTheClocksDo() {
        assertEquals(Duration.ofHours(261 * 8), office.between(berlin("2026-01-01T00:00"), berlin("2027-01-01T00:00")));
    }

    @Test
    void businessTimeAddsUpOverAnySplit() {
        Random random = new Random(7);
        Instant from = berlin("2026-03-20T00:00");
        Instant to = berlin("2026-11-02T00:00");
        Duration whole = office.between(from, to);
        for (int round = 0; round < 200; round++) {
            Instant cut = from.plusSeconds((long) (random.nextDouble() * Duration.between(from, to).getSeconds()));
            assertEquals(whole, office.between(from, cut).plus(office.between(cut, to)), cut::toString);
        }
    }

    @Test
    void theDayMustCloseAfterItOpens() {
        assertThrows(IllegalArgumentException.class, () -> new BusinessHours(BERLIN, BusinessHours.WEEKDAYS,
                LocalTime.of(17, 0), LocalTime.of(9, 0), Set.of()));
        assertEquals("Mon–Fri 09:00–17:00 Europe/Berlin", office.describe());
    }
}
