package dev.earshot.config;

import dev.earshot.core.BusinessHours;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * When the team is at work, in {@code team.timezone}. Outside these hours nudges go to the
 * on-call teammate only, and a conversation gets the after-hours first-response target.
 *
 * @param days working days: mon, tue, wed, thu, fri, sat, sun
 * @param open the working day's start, {@code HH:mm}
 * @param close its end, {@code HH:mm}; {@code 24:00} for the end of the day
 * @param holidays dates ({@code 2026-12-25}) that are not working days
 */
public record BusinessHoursConfig(List<String> days, String open, String close, List<String> holidays) {
    public BusinessHoursConfig {
        days = days == null ? List.of("mon", "tue", "wed", "thu", "fri") : List.copyOf(days);
        open = open == null ? "09:00" : open;
        close = close == null ? "17:00" : close;
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
    }

    public static BusinessHoursConfig defaults() {
        return new BusinessHoursConfig(null, null, null, null);
    }

    /** Call only on a validated config. */
    public BusinessHours toBusinessHours(ZoneId zone) {
        EnumSet<DayOfWeek> working = EnumSet.noneOf(DayOfWeek.class);
        days.forEach(d -> working.add(Schedules.day(d).orElseThrow()));
        return new BusinessHours(zone, working, Schedules.time(open, false).orElseThrow(),
                Schedules.time(close, true).orElseThrow(),
                holidays.stream().map(h -> Schedules.date(h).orElseThrow()).collect(Collectors.toSet()));
    }
}
