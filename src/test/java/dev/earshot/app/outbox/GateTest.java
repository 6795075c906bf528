package dev.earshot.app.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One target's flow control, alone: pace, hold, the pause for a human, the size of grouped posts. */
class GateTest {
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    @Test
    void aPostWaitsForThePaceAndAHeldTargetForItsTime() {
        Gate gate = new Gate(45);
        assertFalse(gate.paced(T0));
        gate.posted(T0, Duration.ofSeconds(1));
        assertTrue(gate.paced(T0.plusMillis(999)));
        assertFalse(gate.paced(T0.plusSeconds(1)));

        gate.hold(T0.plusSeconds(30));
        assertTrue(gate.held(T0.plusSeconds(29)));
        assertEquals(T0.plusSeconds(30), gate.heldUntil(T0));
        assertFalse(gate.held(T0.plusSeconds(30)));
        assertEquals(T0.plusSeconds(31), gate.heldUntil(T0.plusSeconds(31)), "not held: now");
    }

    @Test
    void aChatWithoutPaceIsNeverPaced() {
        Gate gate = new Gate(1);
        gate.posted(T0, Duration.ZERO);
        assertFalse(gate.paced(T0));
    }

    @Test
    void thePauseForAHumanDoublesToHalfAnHourAndStartsOverOnceItWorks() {
        Gate gate = new Gate(1);
        List<Long> minutes = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            minutes.add(gate.nextPause().toMinutes());
        }
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 30L, 30L), minutes);
        gate.recovered();
        assertEquals(Duration.ofMinutes(1), gate.nextPause());
    }

    @Test
    void aRefusedGroupHalvesTheGroupsDownToOne() {
        Gate gate = new Gate(20);
        assertEquals(10, gate.shrinkGroups());
        assertEquals(5, gate.shrinkGroups());
        assertEquals(2, gate.shrinkGroups());
        assertEquals(1, gate.shrinkGroups());
        assertEquals(1, gate.shrinkGroups());
        assertEquals(1, new Gate(0).groupLimit(), "a chat that does not group posts one card a post");
    }
}
