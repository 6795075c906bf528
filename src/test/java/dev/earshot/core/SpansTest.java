package dev.earshot.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SpansTest {

    @Test
    void parsesWhatPeopleType() {
        assertEquals(Duration.ofMinutes(90), Spans.parse("1h30m"));
        assertEquals(Duration.ofDays(2), Spans.parse("2d"));
        assertEquals(Duration.ofMinutes(45), Spans.parse(" 45M "));
        assertEquals(Duration.ofDays(7).plusSeconds(5), Spans.parse("1w5s"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "h", "1x", "1h 30m", "-1h", "0m", "1h30", "abc", "1.5h"})
    void refusesWhatIsNotASpan(String text) {
        assertThrows(IllegalArgumentException.class, () -> Spans.parse(text));
    }

    @Test
    void formatsShortAndHuman() {
        assertEquals("45s", Spans.format(Duration.ofSeconds(45)));
        assertEquals("12m", Spans.format(Duration.ofMinutes(12)));
        assertEquals("3h 5m", Spans.format(Duration.ofMinutes(185)));
        assertEquals("2h", Spans.format(Duration.ofHours(2)));
        assertEquals("2d 4h", Spans.format(Duration.ofHours(52)));
        assertEquals("0s", Spans.format(Duration.ofSeconds(-5)));
    }

    @Property
    void minutesRoundTrip(@ForAll @LongRange(min = 1, max = 59) long minutes) {
        assertEquals(Duration.ofMinutes(minutes), Spans.parse(Spans.format(Duration.ofMinutes(minutes))));
    }
}
