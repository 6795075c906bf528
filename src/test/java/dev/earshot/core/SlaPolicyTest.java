package dev.earshot.core;

import static dev.earshot.core.BusinessHoursTest.BERLIN;
import static dev.earshot.core.BusinessHoursTest.berlin;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SlaPolicyTest {
    final BusinessHours office = BusinessHours.standard(BERLIN);
    final SlaPolicy running = new SlaPolicy(Duration.ofMinutes(30), Duration.ofHours(2), false, office);
    final SlaPolicy paused = new SlaPolicy(Duration.ofMinutes(30), Duration.ofHours(2), true, office);

    @Test
    void theTargetDependsOnWhenTheWaitStarted() {
        assertEquals(Duration.ofMinutes(30), running.target(berlin("2026-11-23T10:00")));
        assertEquals(Duration.ofHours(2), running.target(berlin("2026-11-23T18:00")));
        assertEquals(Duration.ofHours(2), running.target(berlin("2026-11-22T10:00")), "a Sunday");
    }

    @Test
    void withoutPauseTheClockRunsAtNight() {
        Instant evening = berlin("2026-11-23T18:00");
        assertEquals(50, running.percent(evening, berlin("2026-11-23T19:00")));
        assertEquals(100, running.percent(evening, berlin("2026-11-23T20:00")));
    }

    @Test
    void withPauseAFridayEveningMessageIsDueOnMondayMorning() {
        Instant friday = berlin("2026-03-27T18:30");
        assertEquals(Duration.ofMinutes(30), paused.target(friday));
        assertEquals(0, paused.percent(friday, berlin("2026-03-30T09:00")));
        assertEquals(50, paused.percent(friday, berlin("2026-03-30T09:15")));
        assertEquals(100, paused.percent(friday, berlin("2026-03-30T09:30")));
        assertEquals(Duration.ofMinutes(30), paused.elapsed(friday, berlin("2026-03-30T09:30")));
    }

    @Test
    void aPausedClockStopsAtClosingTime() {
        Instant late = berlin("2026-10-23T16:50");
        assertEquals(Duration.ofMinutes(10), paused.elapsed(late, berlin("2026-10-26T08:59")));
        assertEquals(Duration.ofMinutes(30), paused.elapsed(late, berlin("2026-10-26T09:20")));
    }
}
