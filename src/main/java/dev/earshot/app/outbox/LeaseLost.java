package dev.earshot.app.outbox;

import dev.earshot.port.Store.OutboxRow;

/**
 * Another instance took this row over: this one was stalled past its lease. Nothing is sent; the
 * lane's turn ends and the target is left to the instance that holds it now.
 */
final class LeaseLost extends RuntimeException {
    LeaseLost(OutboxRow row) {
        super("row " + row.id() + " for " + row.target() + " was taken over by another instance", null, false, false);
    }
}
