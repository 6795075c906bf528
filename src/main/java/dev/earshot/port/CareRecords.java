package dev.earshot.port;

import dev.earshot.core.BillableReads;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What social care keeps in the store, inside one {@link Store.Tx} ({@code tx.care()}): the reads
 * a platform bills, per source and UTC day; small states that must outlive a restart (a volume
 * spike under way); counts of audit actions (after-hours acknowledgements sent).
 */
public interface CareRecords {

    /** Adds {@code reads} to what {@code source} read on the UTC day {@code day}. */
    void addReads(String source, LocalDate day, BillableReads reads);

    /** What each source read over the UTC days {@code from} to {@code to}, both included. */
    Map<String, BillableReads> reads(LocalDate from, LocalDate to);

    /** The state kept under {@code key}, if any. */
    Optional<String> state(String key);

    /** Keeps {@code value} under {@code key}; null clears it. */
    void setState(String key, String value, Instant at);

    /** How many audit lines with this action were written in [from, to). */
    int countActions(String action, Instant from, Instant to);

    /** The conversations whose reply to the customer waits in the outbox for {@code target} (pending or sending). */
    List<Long> waitingReplies(String target);
}
