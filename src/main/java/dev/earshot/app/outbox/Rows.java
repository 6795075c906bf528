package dev.earshot.app.outbox;

import dev.earshot.port.Store;
import dev.earshot.port.Store.OutboxRow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The store as the outbox uses it: short transactions that claim rows, mark them and read what a
 * send needs. Rows are claimed under this instance's name ({@code holder}) for the lease's term,
 * and a row is marked sending only while no other instance has taken it over.
 */
final class Rows {
    private final Store store;
    private final Clock clock;
    private final String holder;
    private final Duration lease;

    Rows(Store store, Clock clock, String holder, Duration lease) {
        this.store = store;
        this.clock = clock;
        this.holder = holder;
        this.lease = lease;
    }

    /** The due rows this instance may send now, at most {@code perTarget} of each target, leased to it. */
    List<OutboxRow> claim(int perTarget) {
        Instant now = clock.instant();
        if (read(tx -> tx.dueOutbox(now, 1)).isEmpty()) {
            return List.of(); // nothing due: no write (SQLite's idle rounds stay reads)
        }
        return writing(tx -> tx.claimOutbox(holder, now, now.plus(lease), perTarget));
    }

    /** Gives up this instance's rows not in flight, at a graceful stop. */
    void release() {
        write(tx -> tx.releaseOutbox(holder));
    }

    Outcome done(OutboxRow row) {
        write(tx -> tx.markDone(row.id(), clock.instant()));
        return Outcome.DONE;
    }

    /** Committed before the call: if we crash during it, the outcome is unknown and is settled first. */
    void sending(OutboxRow row) {
        write(tx -> sending(tx, row, clock.instant()));
    }

    /**
     * Marks the row sending in {@code tx}, unless another instance took it over (this one was
     * stalled past its lease): then {@link LeaseLost}, and nothing is sent.
     */
    void sending(Store.Tx tx, OutboxRow row, Instant at) {
        if (!tx.holdsOutboxRow(row.id(), holder)) {
            throw new LeaseLost(row);
        }
        tx.markSending(row.id(), at);
    }

    void write(Consumer<Store.Tx> work) {
        store.write(tx -> {
            work.accept(tx);
            return null;
        });
    }

    <T> T writing(Function<Store.Tx, T> work) {
        return store.write(work);
    }

    <T> T read(Function<Store.Tx, T> work) {
        return store.read(work);
    }
}
