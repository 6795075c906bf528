package dev.earshot.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How soon the team means to answer a customer. A conversation that starts within business hours
 * has {@code inHours} to get its answer, one that starts outside them {@code outsideHours}. With
 * {@code pauseOutsideHours} the clock only runs while the team is at work, and every conversation
 * gets {@code inHours} of business time (a Friday-night message is due on Monday morning).
 */
public record SlaPolicy(Duration inHours, Duration outsideHours, boolean pauseOutsideHours, BusinessHours hours) {

    public SlaPolicy {
        Objects.requireNonNull(hours, "hours");
        if (inHours == null || inHours.isNegative() || inHours.isZero()
                || outsideHours == null || outsideHours.isNegative() || outsideHours.isZero()) {
            throw new IllegalArgumentException("first-response targets must be longer than zero");
        }
    }

    /** One hour in business hours, four outside them, the clock always running. */
    public static SlaPolicy standard(BusinessHours hours) {
        return new SlaPolicy(Duration.ofHours(1), Duration.ofHours(4), false, hours);
    }

    /** The time a conversation waiting since {@code since} has to get its answer. */
    public Duration target(Instant since) {
        return target(hours.isOpen(since));
    }

    /** The same, for a conversation whose start is known to fall in or outside business hours. */
    public Duration target(boolean sinceInHours) {
        return pauseOutsideHours || sinceInHours ? inHours : outsideHours;
    }

    /** How much of that time has run by {@code now}. */
    public Duration elapsed(Instant since, Instant now) {
        if (pauseOutsideHours) {
            return hours.between(since, now);
        }
        return now.isAfter(since) ? Duration.between(since, now) : Duration.ZERO;
    }

    /** Elapsed as a share of the target: 50 is half the time gone, 200 twice the time. */
    public long percent(Instant since, Instant now) {
        return elapsed(since, now).toMillis() * 100 / target(since).toMillis();
    }
}
