package dev.earshot.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseFiguresTest {

    @Test
    void medianAndP90ByNearestRank() {
        List<Duration> times = List.of(10, 2, 7, 4, 30, 5, 3, 8, 9, 6).stream().map(Duration::ofMinutes).toList();
        ResponseFigures f = new ResponseFigures(12, 10, 1, 2, times);
        assertEquals(Duration.ofMinutes(6), f.medianFirstResponse().orElseThrow());
        assertEquals(Duration.ofMinutes(10), f.percentile(90).orElseThrow());
        assertEquals(83, f.responseRatePercent().orElseThrow());
    }

    @Test
    void nothingReceivedHasNoRateAndNoMedian() {
        ResponseFigures f = new ResponseFigures(0, 0, 0, 0, List.of());
        assertTrue(f.responseRatePercent().isEmpty());
        assertTrue(f.medianFirstResponse().isEmpty());
    }

    @Test
    void aReplyStampedBeforeItsMessageCountsAsNoWaitNotAsANegativeOne() {
        ResponseFigures f = ResponseFigures.ofMillis(3, 3, 0, 0, new long[] {-90_000, -5_000, 60_000});
        assertEquals(Duration.ZERO, f.percentile(1).orElseThrow());
        assertEquals(Duration.ZERO, f.medianFirstResponse().orElseThrow());
        assertEquals(Duration.ofMinutes(1), f.percentile(90).orElseThrow());
    }
}
