package dev.earshot.core;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * When new conversations come in faster than usual. The count is over the last {@link #WINDOW};
 * the usual number is the same clock hour of the same weekday over the past {@code weeks} weeks
 * (in the team's zone), averaged and scaled to the window, and never below {@code floor}, so that
 * a quiet account is not alerted for three messages. A spike starts when the count reaches
 * {@code factor} × usual and ends ("back to normal") when it is at or below the usual number again.
 */
public record SpikeRule(double factor, int floor, int weeks) {
    public static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int WINDOWS_PER_HOUR = 4;

    public SpikeRule {
        if (factor <= 1 || floor < 1 || weeks < 1) {
            throw new IllegalArgumentException("a spike needs a factor above 1, a floor of 1 or more and 1 week or more");
        }
    }

    public static SpikeRule defaults() {
        return new SpikeRule(3, 5, 4);
    }

    /** The usual number of new conversations per window, from the counts of the same hour in past weeks. */
    public double usual(List<Integer> sameHourCounts) {
        double average = sameHourCounts.stream().mapToInt(Integer::intValue).average().orElse(0);
        return Math.max(floor, average / WINDOWS_PER_HOUR);
    }

    public boolean spiking(int count, double usual) {
        return count >= factor * usual;
    }

    public boolean backToNormal(int count, double usual) {
        return count <= usual;
    }

    /** The start of the clock hour holding {@code now}, in the team's zone: what the baseline is looked up by. */
    public static Instant hourOf(Instant now, ZoneId zone) {
        return now.atZone(zone).truncatedTo(ChronoUnit.HOURS).toInstant();
    }

    /** The same hour of the week in each of the past {@code weeks} weeks, newest first (DST-safe: wall-clock time). */
    public List<Instant> pastHours(Instant now, ZoneId zone) {
        ZonedDateTime hour = now.atZone(zone).truncatedTo(ChronoUnit.HOURS);
        List<Instant> hours = new ArrayList<>();
        for (int k = 1; k <= weeks; k++) {
            hours.add(hour.minusWeeks(k).toInstant());
        }
        return hours;
    }
}
