package dev.earshot.config;

import dev.earshot.core.OnCallRotation;
import java.time.ZoneId;
import java.util.List;

/**
 * Who is on call outside business hours, taking weekly turns. {@code /earshot oncall @bob} puts
 * someone else on call by hand until the next hand-over.
 *
 * @param rotation team members in turn order; empty: nobody unless put on call by hand
 * @param handover the weekly hand-over in team.timezone, like {@code mon 09:00}
 * @param firstWeek a date in the week the first member's first turn began ({@code 2026-01-05})
 */
public record OnCallConfig(List<String> rotation, String handover, String firstWeek) {
    public OnCallConfig {
        rotation = rotation == null ? List.of() : rotation.stream()
                .map(m -> m != null && m.startsWith("@") ? m.substring(1) : m).toList();
        handover = handover == null ? "mon 09:00" : handover;
    }

    /** These members in turn, handing over at the default time. */
    public static OnCallConfig rotation(List<String> members) {
        return new OnCallConfig(members, null, null);
    }

    public static OnCallConfig defaults() {
        return new OnCallConfig(null, null, null);
    }

    /** Call only on a validated config. */
    public OnCallRotation toRotation(ZoneId zone) {
        Schedules.Weekly at = Schedules.weekly(handover).orElseThrow();
        return new OnCallRotation(rotation, at.day(), at.time(), zone,
                firstWeek == null ? null : Schedules.date(firstWeek).orElseThrow());
    }
}
