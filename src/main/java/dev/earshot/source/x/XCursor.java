package dev.earshot.source.x;

import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

/**
 * Where the next poll starts, for the mentions and for the brand's own posts, kept as one text
 * in the store ({@code m=id:1858…;b=t:2026-11-23T08:00:00Z}): after a post id once one was seen,
 * from a time until then (first start, or nothing found yet).
 */
record XCursor(Bound mentions, Bound brand) {
    /** Twitter's snowflake epoch: ids carry their creation time in milliseconds since it. */
    private static final long SNOWFLAKE_EPOCH_MS = 1288834974657L;

    /** Exactly one of {@code afterId} (exclusive) and {@code since} (inclusive). */
    record Bound(String afterId, Instant since) {
        static Bound after(String id) {
            return new Bound(id, null);
        }

        static Bound since(Instant at) {
            return new Bound(null, at.truncatedTo(ChronoUnit.SECONDS));
        }

        /** The query parameter X takes for it. */
        Map<String, String> query() {
            return afterId != null ? Map.of("since_id", afterId) : Map.of("start_time", since.toString());
        }

        /** When the bound lies: a post id's creation time, or the time itself. */
        Instant time() {
            return afterId != null ? timeOf(afterId) : since;
        }

        /** This bound moved past {@code newestId} when that is newer. */
        Bound past(String newestId) {
            if (newestId == null || (afterId != null && compareIds(newestId, afterId) <= 0)) {
                return this;
            }
            return after(newestId);
        }

        String encode() {
            return afterId != null ? "id:" + afterId : "t:" + since;
        }

        static Bound decode(String text) {
            if (text.startsWith("id:") && text.substring(3).matches("\\d{1,20}")) {
                return after(text.substring(3));
            }
            if (text.startsWith("t:")) {
                return since(Instant.parse(text.substring(2)));
            }
            throw new IllegalArgumentException("not a bound");
        }
    }

    String encode() {
        return "m=" + mentions.encode() + ";b=" + brand.encode();
    }

    /** The stored cursor, or empty when it is not one of ours (then the source starts afresh). */
    static Optional<XCursor> parse(String text) {
        try {
            String[] parts = text.split(";");
            if (parts.length == 2 && parts[0].startsWith("m=") && parts[1].startsWith("b=")) {
                return Optional.of(new XCursor(Bound.decode(parts[0].substring(2)), Bound.decode(parts[1].substring(2))));
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            // falls through: not ours
        }
        return Optional.empty();
    }

    /** Post ids are decimal 64-bit numbers written as text. */
    static int compareIds(String a, String b) {
        return new BigInteger(a).compareTo(new BigInteger(b));
    }

    static Instant timeOf(String id) {
        return Instant.ofEpochMilli((Long.parseLong(id) >> 22) + SNOWFLAKE_EPOCH_MS);
    }

    /** The id X would give a post made at {@code at} (for tests and fakes: the time bits only). */
    static String idAt(Instant at, int sequence) {
        return Long.toString(((at.toEpochMilli() - SNOWFLAKE_EPOCH_MS) << 22) | (sequence & 0x3FFFFF));
    }
}
