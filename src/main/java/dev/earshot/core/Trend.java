package dev.earshot.core;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Day by day in the team's time zone, oldest first: what came in, what was answered, and how
 * fast. What the digest's chart draws; it travels in the outbox, so it holds only plain values.
 */
public record Trend(List<Day> days) {
    public Trend {
        days = List.copyOf(days);
    }

    /**
     * One local day.
     *
     * @param received conversations opened that day
     * @param answered of those, how many got an answer (by now)
     * @param medianFirstResponse their median first-response time; null when none was answered
     */
    public record Day(LocalDate date, int received, int answered, Duration medianFirstResponse) {
        public Day {
            Objects.requireNonNull(date, "date");
        }
    }
}
