package dev.earshot.core;

import java.time.Instant;
import java.util.Objects;

/**
 * Someone's turn on call.
 *
 * @param until when it ends, or null for "until someone else takes over"
 * @param setBy who put them on call by hand ({@code /earshot oncall @bob}); null for the rotation's turn
 */
public record OnCallShift(String member, Instant from, Instant until, String setBy) {
    public OnCallShift {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(from, "from");
    }

    public boolean isOverride() {
        return setBy != null;
    }

    /** Whether the shift covers {@code at}. */
    public boolean covers(Instant at) {
        return !at.isBefore(from) && (until == null || at.isBefore(until));
    }
}
