package dev.earshot.port;

import java.time.Duration;
import java.util.Optional;

/**
 * A platform did not take what we sent or asked for. The kind tells the caller what to do next;
 * the message is for the operator's log and must never hold a token.
 */
public class DeliveryException extends Exception {

    public enum Kind {
        /** Network trouble or a 5xx: try again with back-off. */
        TRANSIENT,
        /** The platform asked us to slow down: try again after {@link #retryAfter()}. */
        RATE_LIMITED,
        /** This one item can never be sent (too long, the post is gone): give up on it and tell the team. */
        REJECTED,
        /** The connection needs a human (revoked token, channel archived): stop calling, alert, probe later. */
        BROKEN,
        /**
         * The platform says it was probably sent already (X refuses the same text twice), but it is not
         * visible yet: never send it again, only look it up, for a while (timelines lag).
         */
        UNCONFIRMED
    }

    private final Kind kind;
    private final Duration retryAfter;

    public DeliveryException(Kind kind, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public DeliveryException(Kind kind, String message) {
        this(kind, message, null, null);
    }

    public static DeliveryException rateLimited(String message, Duration retryAfter) {
        return new DeliveryException(Kind.RATE_LIMITED, message, retryAfter, null);
    }

    public Kind kind() {
        return kind;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
