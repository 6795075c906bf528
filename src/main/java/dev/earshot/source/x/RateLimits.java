package dev.earshot.source.x;

import dev.earshot.port.DeliveryException;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What X said of each endpoint's rate limit: {@code x-rate-limit-remaining} and
 * {@code x-rate-limit-reset} (epoch seconds; X sends no {@code Retry-After}). An endpoint with
 * nothing left is not called again before its reset.
 */
final class RateLimits {
    private static final Duration AT_LEAST = Duration.ofSeconds(1);

    private record Window(int remaining, Instant reset) {
    }

    private final Clock clock;
    private final Map<XApi.Endpoint, Window> windows = new ConcurrentHashMap<>();

    RateLimits(Clock clock) {
        this.clock = clock;
    }

    /** Throws RATE_LIMITED, without calling X, while the endpoint has nothing left. */
    void check(XApi.Endpoint endpoint) throws DeliveryException {
        Window w = windows.get(endpoint);
        if (w != null && w.remaining() <= 0 && clock.instant().isBefore(w.reset())) {
            throw DeliveryException.rateLimited("X rate limit of " + endpoint.name().toLowerCase()
                    + " used up until " + w.reset(), untilReset(endpoint).orElse(AT_LEAST));
        }
    }

    void update(XApi.Endpoint endpoint, HttpHeaders headers) {
        Optional<Long> remaining = number(headers, "x-rate-limit-remaining");
        Optional<Long> reset = number(headers, "x-rate-limit-reset");
        if (reset.isPresent()) {
            windows.put(endpoint, new Window(remaining.orElse(0L).intValue(), Instant.ofEpochSecond(reset.get())));
        } else if (remaining.isEmpty()) {
            windows.remove(endpoint);
        }
    }

    /** How long until the endpoint's window resets, if X said when (at least a second). */
    Optional<Duration> untilReset(XApi.Endpoint endpoint) {
        Window w = windows.get(endpoint);
        if (w == null) {
            return Optional.empty();
        }
        Duration left = Duration.between(clock.instant(), w.reset());
        return Optional.of(left.compareTo(AT_LEAST) < 0 ? AT_LEAST : left);
    }

    private static Optional<Long> number(HttpHeaders headers, String name) {
        try {
            return headers.firstValue(name).map(String::strip).map(Long::parseLong);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
