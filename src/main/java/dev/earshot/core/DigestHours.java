package dev.earshot.core;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The plain business-hours window the digest splits its after-hours figures by: some weekdays,
 * from one local time to another, no holidays. A stand-in until the SLA clock's own business
 * hours exist; then the digest should ask those instead.
 */
public record DigestHours(Set<DayOfWeek> days, LocalTime from, LocalTime to) {
    public DigestHours {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        days = days == null || days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("business hours must start before they end");
        }
    }

    /** Monday to Friday, 09:00 to 18:00. */
    public static DigestHours officeDefault() {
        return new DigestHours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0),
                LocalTime.of(18, 0));
    }

    /** Whether {@code at}, seen in {@code zone}, falls inside the window. */
    public boolean contains(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        return days.contains(local.getDayOfWeek()) && !time.isBefore(from) && time.isBefore(to);
    }

    /** {@code Mon–Fri 09:00–18:00}, or the days listed when they are not a run. */
    public String describe() {
        return dayText() + " " + from + "–" + to;
    }

    private String dayText() {
        if (days.isEmpty()) {
            return "no days";
        }
        EnumSet<DayOfWeek> set = EnumSet.copyOf(days);
        DayOfWeek first = set.iterator().next();
        DayOfWeek last = first;
        for (DayOfWeek d : set) {
            last = d;
        }
        if (set.size() > 2 && set.size() == last.getValue() - first.getValue() + 1) {
            return shortName(first) + "–" + shortName(last);
        }
        StringBuilder out = new StringBuilder();
        for (DayOfWeek d : set) {
            out.append(out.length() == 0 ? "" : ",").append(shortName(d));
        }
        return out.toString();
    }

    private static String shortName(DayOfWeek d) {
        return d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }
}
