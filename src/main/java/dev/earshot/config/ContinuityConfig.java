package dev.earshot.config;

import dev.earshot.core.Continuity;
import java.time.Duration;

/**
 * One owner from start to end.
 *
 * @param sameOwnerWithin a customer who writes again within this of their last conversation goes to its owner; 0s never
 */
public record ContinuityConfig(Duration sameOwnerWithin) {
    public ContinuityConfig {
        sameOwnerWithin = sameOwnerWithin == null ? Duration.ofDays(14) : sameOwnerWithin;
    }

    public static ContinuityConfig defaults() {
        return new ContinuityConfig(null);
    }

    public Continuity toContinuity() {
        return new Continuity(sameOwnerWithin);
    }
}
