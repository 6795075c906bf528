package dev.earshot.app;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;

/** The periods {@code /earshot stats} knows, as ranges in the team's time zone. */
public enum StatsPeriod {
    TODAY("today"), YESTERDAY("yesterday"), LAST_7_DAYS("7d"), LAST_30_DAYS("30d");

    private final String word;

    StatsPeriod(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public static Optional<StatsPeriod> fromWord(String word) {
        return Arrays.stream(values()).filter(p -> p.word.equalsIgnoreCase(word)).findFirst();
    }

    /** [from, to) for this period as seen at {@code now} in {@code zone}; whole local days. */
    public Range range(Instant now, ZoneId zone) {
        LocalDate today = now.atZone(zone).toLocalDate();
        return switch (this) {
            case TODAY -> new Range(start(today, zone), now);
            case YESTERDAY -> new Range(start(today.minusDays(1), zone), start(today, zone));
            case LAST_7_DAYS -> new Range(start(today.minusDays(6), zone), now);
            case LAST_30_DAYS -> new Range(start(today.minusDays(29), zone), now);
        };
    }

    private static Instant start(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }

    public record Range(Instant from, Instant to) {
    }
}
