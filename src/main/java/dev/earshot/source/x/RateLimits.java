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
 * nothing left is not called again before its reset. A 429 on posting also heeds the user's
 * 24-hour limit ({@code x-user-limit-24hour-reset}).
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

    /**
     * After an answer with {@code status}. A 429 for {@code POST /2/tweets} may be the user's
     * 24-hour posting limit rather than the 15-minute window: then the wait runs to the later of
     * {@code x-rate-limit-reset} and {@code x-user-limit-24hour-reset} (the latter unless X says
     * the 24-hour budget still has some left).
     */
    void update(XApi.Endpoint endpoint, HttpHeaders headers, int status) {
        Optional<Long> remaining = number(headers, "x-rate-limit-remaining");
        Optional<Long> reset = number(headers, "x-rate-limit-reset");
        if (status == 429) {
            Optional<Long> dayReset = number(headers, "x-user-limit-24hour-reset");
            boolean dayLeft = number(headers, "x-user-limit-24hour-remaining").filter(n -> n > 0).isPresent();
            Optional<Long> later = dayLeft ? reset : reset.map(r -> dayReset.map(d -> Math.max(r, d)).orElse(r))
                    .or(() -> dayReset);
            if (later.isPresent()) {
                windows.put(endpoint, new Window(0, Instant.ofEpochSecond(later.get())));
                return;
            }
        }
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
