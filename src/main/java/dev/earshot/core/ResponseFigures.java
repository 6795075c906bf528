package dev.earshot.core;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

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
        firstResponses = firstResponses.stream().sorted().toList();
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
