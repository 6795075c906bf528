package dev.earshot.config;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Days, times and dates as people write them in the config: {@code mon}, {@code 09:00},
 * {@code 24:00} (end of the day), {@code 2026-12-25}, {@code mon 09:00}. The validator reports
 * what does not parse; the records' conversions then parse what is known to be good.
 */
final class Schedules {
    private static final Pattern TIME = Pattern.compile("([01]?\\d|2[0-4]):([0-5]\\d)");
    private static final Pattern DAY_AND_TIME = Pattern.compile("(\\p{Alpha}+)\\s+(\\S+)");
    private static final Map<String, DayOfWeek> DAYS = Map.ofEntries(
            Map.entry("mon", DayOfWeek.MONDAY), Map.entry("monday", DayOfWeek.MONDAY),
            Map.entry("tue", DayOfWeek.TUESDAY), Map.entry("tuesday", DayOfWeek.TUESDAY),
            Map.entry("wed", DayOfWeek.WEDNESDAY), Map.entry("wednesday", DayOfWeek.WEDNESDAY),
            Map.entry("thu", DayOfWeek.THURSDAY), Map.entry("thursday", DayOfWeek.THURSDAY),
            Map.entry("fri", DayOfWeek.FRIDAY), Map.entry("friday", DayOfWeek.FRIDAY),
            Map.entry("sat", DayOfWeek.SATURDAY), Map.entry("saturday", DayOfWeek.SATURDAY),
            Map.entry("sun", DayOfWeek.SUNDAY), Map.entry("sunday", DayOfWeek.SUNDAY));

    static final String DAY_WORDS = "mon, tue, wed, thu, fri, sat, sun";

    private Schedules() {
    }

    static Optional<DayOfWeek> day(String text) {
        return text == null ? Optional.empty()
                : Optional.ofNullable(DAYS.get(text.strip().toLowerCase(Locale.ROOT)));
    }

    /** {@code 09:00}; {@code 24:00} only when {@code endOfDay} is allowed, read as midnight. */
    static Optional<LocalTime> time(String text, boolean endOfDay) {
        Matcher m = text == null ? null : TIME.matcher(text.strip());
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        int hour = Integer.parseInt(m.group(1));
        int minute = Integer.parseInt(m.group(2));
        if (hour == 24) {
            return endOfDay && minute == 0 ? Optional.of(LocalTime.MIDNIGHT) : Optional.empty();
        }
        return Optional.of(LocalTime.of(hour, minute));
    }

    static Optional<LocalDate> date(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(LocalDate.parse(text.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A weekly moment: {@code mon 09:00}. */
    record Weekly(DayOfWeek day, LocalTime time) {
    }

    static Optional<Weekly> weekly(String text) {
        Matcher m = text == null ? null : DAY_AND_TIME.matcher(text.strip());
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        Optional<DayOfWeek> day = day(m.group(1));
        Optional<LocalTime> time = time(m.group(2), false);
        return day.isPresent() && time.isPresent() ? Optional.of(new Weekly(day.get(), time.get())) : Optional.empty();
    }
}
