package dev.earshot.app.outbox;

import dev.earshot.port.Store;
import dev.earshot.port.Store.OutboxRow;
import java.time.Clock;
import java.util.function.Consumer;
import java.util.function.Function;

/** The store as the outbox uses it: short transactions that mark rows and read what a send needs. */
final class Rows {
    private final Store store;
    private final Clock clock;

    Rows(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    Outcome done(OutboxRow row) {
        write(tx -> tx.markDone(row.id(), clock.instant()));
        return Outcome.DONE;
    }

    /** Committed before the call: if we crash during it, the outcome is unknown and is settled first. */
    void sending(OutboxRow row) {
        write(tx -> tx.markSending(row.id(), clock.instant()));
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
