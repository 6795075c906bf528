package dev.earshot.bench;

import java.util.Arrays;

/** Latencies in nanoseconds, with nearest-rank percentiles (the digest's own definition). */
final class Samples {
    private long[] nanos = new long[64];
    private int size;

    void add(long elapsedNanos) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = elapsedNanos;
    }

    int size() {
        return size;
    }

    /** The p-th percentile in milliseconds, nearest rank. */
    double percentileMillis(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    double maxMillis() {
        return percentileMillis(100);
    }

    double meanMillis() {
        return size == 0 ? Double.NaN : Arrays.stream(nanos, 0, size).average().orElseThrow() / 1e6;
    }
}
