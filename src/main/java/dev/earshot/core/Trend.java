package dev.earshot.core;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
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
     * The {@code count} local days from {@code first}, of the conversations opened before
     * {@code to}. Each conversation's day is found by a search of the days' starts, cheaper than a
     * time-zone conversion per conversation over a month of them.
     */
    public static Trend of(List<Timing> timings, LocalDate first, int count, Instant to, ZoneId zone) {
        List<Instant> starts = new ArrayList<>();
        for (int i = 0; i <= count; i++) {
            starts.add(first.plusDays(i).atStartOfDay(zone).toInstant());
        }
        List<List<Timing>> byDay = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byDay.add(new ArrayList<>());
        }
        for (Timing t : timings) {
            int day = Collections.binarySearch(starts, t.openedAt());
            day = day >= 0 ? day : -day - 2;
            if (t.openedAt().isBefore(to) && day >= 0 && day < count) {
                byDay.get(day).add(t);
            }
        }
        List<Day> days = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<Timing> those = byDay.get(i);
            long[] responses = those.stream().filter(t -> t.firstReplyAt() != null)
                    .mapToLong(t -> ResponseFigures.responseMillis(t.openedAt(), t.firstReplyAt())).toArray();
            Duration median = ResponseFigures.ofMillis(those.size(), responses.length, 0, 0, responses)
                    .medianFirstResponse().orElse(null);
            days.add(new Day(first.plusDays(i), those.size(), responses.length, median));
        }
        return new Trend(days);
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
