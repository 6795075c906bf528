package dev.earshot.config;

import dev.earshot.core.BusinessHours;
import dev.earshot.core.SlaPolicy;
import java.time.Duration;

/**
 * First-response targets: the nudges fire at shares of them.
 *
 * @param firstResponse for a conversation that starts within business hours
 * @param firstResponseAfterHours for one that starts outside them
 * @param pauseOutsideHours true: the clock runs only in business hours, and every conversation gets firstResponse
 */
public record SlaConfig(Duration firstResponse, Duration firstResponseAfterHours, Boolean pauseOutsideHours) {
    public SlaConfig {
        firstResponse = firstResponse == null ? Duration.ofHours(1) : firstResponse;
        firstResponseAfterHours = firstResponseAfterHours == null ? Duration.ofHours(4) : firstResponseAfterHours;
        pauseOutsideHours = pauseOutsideHours != null && pauseOutsideHours;
    }

    public static SlaConfig defaults() {
        return new SlaConfig(null, null, null);
    }

    /** Call only on a validated config. */
    public SlaPolicy toPolicy(BusinessHours hours) {
        return new SlaPolicy(firstResponse, firstResponseAfterHours, pauseOutsideHours, hours);
    }
}
