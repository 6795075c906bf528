package dev.earshot.store;

import dev.earshot.core.Effect;
import dev.earshot.core.Target;
import dev.earshot.port.Store;
import java.time.Instant;
import java.util.List;

/**
 * The outbox and lease part of a transaction's view ({@link SqlTx} is the rest): rows enqueued,
 * claimed under an instance's lease, marked through pending, sending, done or failed; named leases
 * (its base class has the reply drafts and the brand's posts).
 */
abstract class OutboxTx extends DraftAndPostSql implements Store.Tx {
    private final OutboxSql outbox;
    private final LeaseSql leases;

    OutboxTx(Sql sql) {
        super(sql);
        this.outbox = new OutboxSql(sql);
        this.leases = new LeaseSql(sql);
    }

    @Override
    public long enqueue(Effect effect, Target target, Instant at) {
        return outbox.enqueue(effect, target, at);
    }

    @Override
    public List<Store.OutboxRow> dueOutbox(Instant now, int perTarget) {
        return outbox.due(now, perTarget);
    }

    @Override
    public int outboxBacklog() {
        return outbox.backlog();
    }

    @Override
    public boolean replyPending(long conversationId) {
        return outbox.replyPending(conversationId);
    }

    @Override
    public void postponeTarget(Target target, Instant until) {
        outbox.postponeTarget(target, until);
    }

    @Override
    public boolean cardPending(long conversationId) {
        return outbox.cardPending(conversationId);
    }

    @Override
    public void markSending(long rowId, Instant at) {
        outbox.markSending(rowId);
    }

    @Override
    public void markDone(long rowId, Instant at) {
        outbox.markDone(rowId, at);
    }

    @Override
    public void markRetry(long rowId, Instant next, String error) {
        outbox.markRetry(rowId, next, error);
    }

    @Override
    public void postpone(long rowId, Instant next) {
        outbox.postpone(rowId, next);
    }

    @Override
    public void markRefused(long rowId, Instant next) {
        outbox.markRefused(rowId, next);
    }

    @Override
    public void markFailed(long rowId, Instant at, String error) {
        outbox.markFailed(rowId, at, error);
    }

    @Override
    public void markUnconfirmed(long rowId, Instant since, Instant next, String error) {
        outbox.markUnconfirmed(rowId, since, next, error);
    }

    @Override
    public List<Store.OutboxRow> claimOutbox(String holder, Instant now, Instant until, int perTarget) {
        return outbox.claim(holder, now, until, perTarget);
    }

    @Override
    public boolean holdsOutboxRow(long rowId, String holder) {
        return outbox.holds(rowId, holder);
    }

    @Override
    public void releaseOutbox(String holder) {
        outbox.release(holder);
    }

    @Override
    public boolean takeLease(String name, String holder, Instant now, Instant until) {
        return leases.take(name, holder, now, until);
    }

    @Override
    public void releaseLease(String name, String holder) {
        leases.release(name, holder);
    }
}
