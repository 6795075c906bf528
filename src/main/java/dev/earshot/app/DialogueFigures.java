package dev.earshot.app;

import dev.earshot.core.Dialogue;
import dev.earshot.port.Store;
import java.time.Duration;
import java.time.Instant;

/**
 * The dialogue figures of a period (the brand's replies to customers against its broadcasts, and
 * the share of conversations answered, per platform), compared with the {@link #PERIODS_BEFORE}
 * periods of the same length just before: the weekly digest's against the four weeks before, and
 * {@code /earshot stats}' for any period. Read in one snapshot; the shares are core's.
 */
final class DialogueFigures {
    static final int PERIODS_BEFORE = 4;

    private final Store store;

    DialogueFigures(Store store) {
        this.store = store;
    }

    Dialogue of(Instant from, Instant to) {
        Duration length = Duration.between(from, to);
        Instant before = from.minus(length.multipliedBy(PERIODS_BEFORE));
        return store.read(tx -> Dialogue.of(tx.dialogueCounts(from, to), tx.dialogueCounts(before, from), PERIODS_BEFORE));
    }
}
