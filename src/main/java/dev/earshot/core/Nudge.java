package dev.earshot.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * A nudge that is due for one conversation.
 *
 * @param key what the store keeps it under, once per conversation ({@code sla:100}, {@code idle@...})
 * @param action for an SLA step, whom it is for; null for the owner nudges
 * @param since the start of the wait (or of the owner's watch) it measures
 * @param waited how much of the clock has run
 * @param target the first-response target, or the idle limit
 * @param skipped keys of earlier steps that came due in the same turn (after downtime, or a long
 *     snooze): recorded as done, not sent, so the team gets the one nudge that matters now
 */
public record Nudge(String key, Kind kind, NudgePlan.Action action, Instant since, Duration waited, Duration target,
                    List<String> skipped) {

    public enum Kind {
        /** A share of the first-response time has gone. */
        SLA,
        /** The owner claimed it and has not answered for a while. */
        CLAIMED_IDLE,
        /** The owner has sat on it too long: it goes back to the team. */
        OFFER_BACK
    }

    public Nudge {
        skipped = List.copyOf(skipped);
    }

    /** Every key this nudge settles: its own and the skipped ones. */
    public List<String> keys() {
        return Stream.concat(skipped.stream(), Stream.of(key)).toList();
    }

    /** Waited as a share of the target, in percent. */
    public long percent() {
        return waited.toMillis() * 100 / Math.max(1, target.toMillis());
    }
}
