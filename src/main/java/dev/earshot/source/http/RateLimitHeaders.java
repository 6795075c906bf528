package dev.earshot.source.http;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where a platform says how much of its rate limit is left and when it resets: Mastodon
 * {@code X-RateLimit-Remaining} / {@code X-RateLimit-Reset} (an ISO time), Bluesky
 * {@code RateLimit-Remaining} / {@code RateLimit-Reset} (epoch seconds), X
 * {@code x-rate-limit-remaining} / {@code x-rate-limit-reset} (epoch seconds; X sends no
 * {@code Retry-After}). A reset value is read in any of the forms platforms use: epoch seconds,
 * seconds from now, an ISO instant or an HTTP date.
 *
 * @param dailyRemaining a second, longer budget a 429 may be about (X's 24-hour posting limit), or null
 * @param dailyReset when that one resets, or null
 */
public record RateLimitHeaders(String remaining, String reset, String dailyRemaining, String dailyReset) {
    public static final RateLimitHeaders MASTODON = new RateLimitHeaders("X-RateLimit-Remaining", "X-RateLimit-Reset");
    public static final RateLimitHeaders BLUESKY = new RateLimitHeaders("RateLimit-Remaining", "RateLimit-Reset");
    /** Reddit: remaining as a decimal ({@code 595.0}), reset in seconds from now; one budget per client. */
    public static final RateLimitHeaders REDDIT = new RateLimitHeaders("X-Ratelimit-Remaining", "X-Ratelimit-Reset");
    /** A 429 on posting may be the user's 24-hour limit rather than the 15-minute window. */
    public static final RateLimitHeaders X = new RateLimitHeaders("x-rate-limit-remaining", "x-rate-limit-reset",
            "x-user-limit-24hour-remaining", "x-user-limit-24hour-reset");

    public RateLimitHeaders(String remaining, String reset) {
        this(remaining, reset, null, null);
    }

    /** Waits shorter than this are rounded up, so a reset "now" never turns into a tight loop. */
    static final Duration SHORTEST_WAIT = Duration.ofSeconds(1);
    /** A reset further away than this is taken as this: a misread header must not stop a source for days. */
    static final Duration LONGEST_WAIT = Duration.ofHours(24);
    private static final long EPOCH_SECONDS_FROM = 1_000_000_000L;

    /** The remaining budget, when the platform said it. */
    OptionalLong remainingIn(HttpHeaders headers) {
        return number(headers, remaining);
    }

    private static OptionalLong number(HttpHeaders headers, String name) {
        Optional<String> value = name == null ? Optional.empty() : headers.firstValue(name);
        if (value.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            String v = value.get().trim();
            // Reddit says 595.0: the whole calls left are what count.
            return OptionalLong.of(v.matches("\\d{1,15}\\.\\d+") ? (long) Double.parseDouble(v) : Long.parseLong(v));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** When the budget resets, if the platform said so in a form we can read. */
    Optional<Instant> resetIn(HttpHeaders headers, Instant now) {
        return headers.firstValue(reset).flatMap(v -> instant(v, now));
    }

    /**
     * How long a 429 asks us to wait: {@code Retry-After} (seconds or an HTTP date) first, then the
     * later of the reset header and the daily reset (the latter unless the daily budget is said to
     * have some left). Empty when none can be read: the caller backs off on its own.
     */
    Optional<Duration> waitAfter429(HttpHeaders headers, Instant now) {
        Optional<Instant> window = resetIn(headers, now);
        boolean dayLeft = number(headers, dailyRemaining).orElse(0) > 0;
        Optional<Instant> day = dailyReset == null || dayLeft ? Optional.empty()
                : headers.firstValue(dailyReset).flatMap(v -> instant(v, now));
        Optional<Instant> later = window.isEmpty() ? day
                : day.filter(d -> d.isAfter(window.get())).or(() -> window);
        Optional<Instant> until = headers.firstValue("Retry-After").flatMap(v -> retryAfter(v, now)).or(() -> later);
        return until.map(u -> bounded(Duration.between(now, u)));
    }

    public static Duration bounded(Duration wait) {
        if (wait.compareTo(SHORTEST_WAIT) < 0) {
            return SHORTEST_WAIT;
        }
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    /** {@code Retry-After}: delta seconds or an HTTP date (RFC 9110). */
    public static Optional<Instant> retryAfter(String value, Instant now) {
        String v = value.trim();
        if (v.matches("\\d{1,9}")) {
            return Optional.of(now.plusSeconds(Long.parseLong(v)));
        }
        return httpDate(v);
    }

    /** A reset header: epoch seconds, delta seconds, an ISO-8601 instant or an HTTP date. */
    static Optional<Instant> instant(String value, Instant now) {
        String v = value.trim();
        if (v.matches("\\d{1,12}")) {
            long n = Long.parseLong(v);
            return Optional.of(n >= EPOCH_SECONDS_FROM ? Instant.ofEpochSecond(n) : now.plusSeconds(n));
        }
        try {
            return Optional.of(OffsetDateTime.parse(v, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return httpDate(v);
        }
    }

    private static Optional<Instant> httpDate(String v) {
        try {
            return Optional.of(ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
