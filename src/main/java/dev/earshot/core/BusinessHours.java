package dev.earshot.core;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * When the team is at work: the same opening hours on each working day, in the team's time zone,
 * except on holidays. Times are wall-clock times in {@code zone}, so 09:00 stays 09:00 across a
 * daylight-saving change; an opening time that a spring change skips starts at the first moment
 * after the gap, as {@link java.time.ZonedDateTime} resolves it.
 *
 * @param close the end of the working day; {@link LocalTime#MIDNIGHT} means the end of the day (24:00)
 */
public record BusinessHours(ZoneId zone, Set<DayOfWeek> days, LocalTime open, LocalTime close,
                            Set<LocalDate> holidays) {

    public static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    /** How far an opening or closing is looked for: holidays never fill a whole year. */
    private static final int SEARCH_DAYS = 366;

    public BusinessHours {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(close, "close");
        days = days == null || days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
        holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
        if (!close.equals(LocalTime.MIDNIGHT) && !close.isAfter(open)) {
            throw new IllegalArgumentException("the working day must close after it opens");
        }
    }

    /** Monday to Friday, 09:00 to 17:00, no holidays. */
    public static BusinessHours standard(ZoneId zone) {
        return new BusinessHours(zone, WEEKDAYS, LocalTime.of(9, 0), LocalTime.of(17, 0), Set.of());
    }

    /** Every hour of every day: nothing is ever "after hours". */
    public static BusinessHours always(ZoneId zone) {
        return new BusinessHours(zone, EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT,
                Set.of());
    }

    public boolean isWorkingDay(LocalDate date) {
        return days.contains(date.getDayOfWeek()) && !holidays.contains(date);
    }

    /** Whether {@code at} falls within a working day's opening hours. */
    public boolean isOpen(Instant at) {
        LocalDate date = at.atZone(zone).toLocalDate();
        return isWorkingDay(date) && !at.isBefore(opens(date)) && at.isBefore(closes(date));
    }

    /**
     * {@link #isOpen} for many instants in rough time order, as a report goes through a month of
     * conversations: the zone is consulted once per local day instead of three times per instant.
     * Not for sharing between threads.
     */
    public OpenCheck openCheck() {
        return new OpenCheck();
    }

    /** See {@link #openCheck()}: remembers the local day of the last instant it was asked about. */
    public final class OpenCheck {
        private long dayStart = Long.MAX_VALUE;
        private long dayEnd = Long.MIN_VALUE;
        private long opens;
        private long closes;

        private OpenCheck() {
        }

        public boolean isOpen(Instant at) {
            long t = at.toEpochMilli();
            if (t < dayStart || t >= dayEnd) {
                LocalDate date = at.atZone(zone).toLocalDate();
                dayStart = date.atStartOfDay(zone).toInstant().toEpochMilli();
                dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
                boolean working = isWorkingDay(date);
                opens = working ? opens(date).toEpochMilli() : 0;
                closes = working ? closes(date).toEpochMilli() : 0;
            }
            return t >= opens && t < closes;
        }
    }

    /** When the working day {@code date} opens, as an instant. */
    public Instant opens(LocalDate date) {
        return date.atTime(open).atZone(zone).toInstant();
    }

    /** When the working day {@code date} closes, as an instant. */
    public Instant closes(LocalDate date) {
        return close.equals(LocalTime.MIDNIGHT)
                ? date.plusDays(1).atStartOfDay(zone).toInstant()
                : date.atTime(close).atZone(zone).toInstant();
    }

    /** The next moment the team opens after {@code at}; empty when it never does (no working day within a year). */
    public Optional<Instant> nextOpening(Instant at) {
        LocalDate day = at.atZone(zone).toLocalDate();
        for (int i = 0; i <= SEARCH_DAYS; i++, day = day.plusDays(1)) {
            if (isWorkingDay(day) && opens(day).isAfter(at)) {
                return Optional.of(opens(day));
            }
        }
        return Optional.empty();
    }

    /** The last moment the team closed at or before {@code at}; empty when it never did within a year. */
    public Optional<Instant> lastClosing(Instant at) {
        LocalDate day = at.atZone(zone).toLocalDate();
        for (int i = 0; i <= SEARCH_DAYS; i++, day = day.minusDays(1)) {
            if (isWorkingDay(day) && !closes(day).isAfter(at)) {
                return Optional.of(closes(day));
            }
        }
        return Optional.empty();
    }

    /**
     * Business time between two instants: the real time (so a 23-hour or 25-hour day counts as
     * it was lived) that falls within opening hours. Zero when {@code to} is not after {@code from}.
     */
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            Instant start = max(from, opens(day));
            Instant end = min(to, closes(day));
            if (end.isAfter(start)) {
                total = total.plus(Duration.between(start, end));
            }
        }
        return total;
    }

    /** {@code Mon–Fri 09:00–17:00 Europe/Berlin}, for people. */
    public String describe() {
        String dayList = days.stream().sorted()
                .map(d -> d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH)).collect(Collectors.joining(", "));
        if (days.equals(WEEKDAYS)) {
            dayList = "Mon–Fri";
        } else if (days.size() == 7) {
            dayList = "every day";
        }
        String closing = close.equals(LocalTime.MIDNIGHT) ? "24:00" : close.toString();
        return dayList + " " + open + "–" + closing + " " + ZoneName.of(zone)
                + (holidays.isEmpty() ? "" : ", " + holidays.size() + " holidays");
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
