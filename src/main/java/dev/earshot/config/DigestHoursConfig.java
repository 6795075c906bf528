package dev.earshot.config;

import dev.earshot.core.DigestHours;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Business hours for the digest's after-hours figures: weekdays (mon … sun) and a local time
 * range in {@code team.timezone}. Default: mon to fri, 09:00 to 18:00.
 */
public record DigestHoursConfig(List<String> days, LocalTime from, LocalTime to) {
    static final Map<String, DayOfWeek> DAYS = Map.of("mon", DayOfWeek.MONDAY, "tue", DayOfWeek.TUESDAY,
            "wed", DayOfWeek.WEDNESDAY, "thu", DayOfWeek.THURSDAY, "fri", DayOfWeek.FRIDAY,
            "sat", DayOfWeek.SATURDAY, "sun", DayOfWeek.SUNDAY);

    public DigestHoursConfig {
        days = days == null ? List.of("mon", "tue", "wed", "thu", "fri") : List.copyOf(days);
        from = from == null ? LocalTime.of(9, 0) : from;
        to = to == null ? LocalTime.of(18, 0) : to;
    }

    public static DigestHoursConfig defaults() {
        return new DigestHoursConfig(null, null, null);
    }

    /** The days as the core knows them; unknown names are the validator's to report. */
    Set<DayOfWeek> dayOfWeeks() {
        Set<DayOfWeek> set = EnumSet.noneOf(DayOfWeek.class);
        for (String d : days) {
            DayOfWeek day = DAYS.get(d.strip().toLowerCase(Locale.ROOT));
            if (day != null) {
                set.add(day);
            }
        }
        return set;
    }

    public DigestHours toHours() {
        return new DigestHours(dayOfWeeks(), from, to);
    }
}
