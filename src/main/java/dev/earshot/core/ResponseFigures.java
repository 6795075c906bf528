package dev.earshot.core;

import java.time.Duration;
import java.time.Instant;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * How the team did over a period: the arithmetic behind {@code /earshot stats} and the digest.
 *
 * @param received conversations opened in the period
 * @param answered of those, how many got a reply
 * @param dismissed of those, how many were dismissed
 * @param waiting conversations still waiting for the team now
 * @param firstResponses first-response times of the answered ones
 */
public record ResponseFigures(int received, int answered, int dismissed, int waiting, List<Duration> firstResponses) {
    public ResponseFigures {
        firstResponses = firstResponses instanceof SortedMillis ? firstResponses
                : firstResponses.stream().sorted().toList();
    }

    /**
     * The same from first-response times in milliseconds, in any order: a period's worth (tens of
     * thousands) sorts as numbers far faster than as {@link Duration}s. A time below zero (a reply
     * stamped a moment before its message: clock skew between platforms) counts as zero.
     */
    public static ResponseFigures ofMillis(int received, int answered, int dismissed, int waiting, long[] millis) {
        long[] sorted = new long[millis.length];
        for (int i = 0; i < millis.length; i++) {
            sorted[i] = Math.max(0, millis[i]);
        }
        Arrays.sort(sorted);
        return new ResponseFigures(received, answered, dismissed, waiting, new SortedMillis(sorted));
    }

    /** Milliseconds from the message to its first reply; below zero under clock skew, which {@link #ofMillis} counts as zero. */
    static long responseMillis(Instant opened, Instant replied) {
        return replied.toEpochMilli() - opened.toEpochMilli();
    }

    /** Sorted times kept as numbers, made {@link Duration}s only when read: a percentile reads one. */
    private static final class SortedMillis extends AbstractList<Duration> implements RandomAccess {
        private final long[] millis;

        SortedMillis(long[] sorted) {
            this.millis = sorted;
        }

        @Override
        public Duration get(int index) {
            return Duration.ofMillis(millis[index]);
        }

        @Override
        public int size() {
            return millis.length;
        }
    }

    /** Share of received conversations that got an answer, 0 to 100; empty when none came in. */
    public Optional<Integer> responseRatePercent() {
        return received == 0 ? Optional.empty() : Optional.of(Math.round(100f * answered / received));
    }

    public Optional<Duration> medianFirstResponse() {
        return percentile(50);
    }

    /** Nearest-rank percentile over the sorted first-response times. */
    public Optional<Duration> percentile(int p) {
        if (firstResponses.isEmpty()) {
            return Optional.empty();
        }
        int rank = (int) Math.ceil(p / 100.0 * firstResponses.size());
        return Optional.of(firstResponses.get(Math.max(0, rank - 1)));
    }
}
