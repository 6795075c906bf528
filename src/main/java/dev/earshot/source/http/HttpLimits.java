package dev.earshot.source.http;

import java.time.Duration;

/**
 * How long, and how much, one call to a platform may take: connecting, waiting for the status
 * line and headers, reading the body once the headers are in, the whole call from start to end,
 * and the largest body read. A body that trickles in is cut by {@code body} or {@code total},
 * whichever comes first; an endless one by {@code maxBytes}.
 */
public record HttpLimits(Duration connect, Duration headers, Duration body, Duration total, long maxBytes) {
    /** Platforms answer in well under a second; a page of 100 posts is a few hundred KB. */
    public static final HttpLimits DEFAULT = new HttpLimits(Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofSeconds(30), Duration.ofSeconds(60), 8L * 1024 * 1024);

    public HttpLimits {
        for (Duration d : new Duration[] {connect, headers, body, total}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("every deadline must be positive");
            }
        }
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
    }

    /** One timeout for the headers and for the body; the whole call gets twice that. */
    public static HttpLimits of(Duration timeout) {
        return new HttpLimits(DEFAULT.connect(), timeout, timeout, timeout.multipliedBy(2), DEFAULT.maxBytes());
    }

    public HttpLimits withMaxBytes(long max) {
        return new HttpLimits(connect, headers, body, total, max);
    }
}
