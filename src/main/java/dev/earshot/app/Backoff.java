package dev.earshot.app;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Capped exponential back-off with jitter: ×1.75 per attempt from {@code first}, at most
 * {@code cap}, each wait 80 to 120% of its step so that many retries do not march in step.
 */
public record Backoff(Duration first, Duration cap, DoubleSupplier random) {

    public static Backoff standard() {
        return new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), Math::random);
    }

    public Duration after(int attempts) {
        double step = first.toMillis() * Math.pow(1.75, Math.max(0, attempts));
        double capped = Math.min(step, cap.toMillis());
        double jittered = capped * (0.8 + 0.4 * random.getAsDouble());
        return Duration.ofMillis(Math.round(Math.min(jittered, cap.toMillis())));
    }
}
