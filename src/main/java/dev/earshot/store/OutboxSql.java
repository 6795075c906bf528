package dev.earshot.store;

import dev.earshot.core.Effect;
import dev.earshot.core.Target;
import dev.earshot.port.Store.OutboxRow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The outbox table. A row goes pending → sending → done, or back to pending for a retry, or to
 * failed; its idempotency key is chosen once, at enqueue, and never changes.
 */
final class OutboxSql {
    private static final String POST_CARD = EffectCodec.kind(Effect.PostCard.class);
    private static final String CUSTOMER_REPLY = EffectCodec.kind(Effect.CustomerReply.class);

    /**
     * Unfinished rows that may be tried at a time (both parameters), numbered per target, oldest
     * first. A row waits while an older row of its target waits (a back-off, a Retry-After, a pause):
     * the whole target waits, so a row written meanwhile cannot overtake it, after a restart too.
     * An unconfirmed row holds only its own conversation.
     */
    private static final String DUE = "SELECT *, ROW_NUMBER() OVER (PARTITION BY target ORDER BY id) AS place"
            + " FROM outbox o WHERE status IN ('pending', 'sending') AND next_attempt_at <= ?"
            + " AND NOT EXISTS (SELECT 1 FROM outbox u WHERE u.target = o.target"
            + " AND u.conversation_id = o.conversation_id AND u.id < o.id"
            + " AND u.unconfirmed_since IS NOT NULL AND u.status IN ('pending', 'sending'))"
            + " AND NOT EXISTS (SELECT 1 FROM outbox w WHERE w.target = o.target AND w.next_attempt_at > ?"
            + " AND w.id < o.id AND w.unconfirmed_since IS NULL AND w.status IN ('pending', 'sending'))";

    private record Leased(OutboxRow row, String holder) {
    }

    private final Sql sql;

    OutboxSql(Sql sql) {
        this.sql = sql;
    }

    long enqueue(Effect effect, Target target, Instant at) {
        return sql.insertReturningId("INSERT INTO outbox (kind, conversation_id, target, payload, idem_key, status,"
                        + " attempts, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?)"
                        + " RETURNING id",
                EffectCodec.kind(effect), effect.conversationId(), target.encoded(), EffectCodec.payload(effect),
                UUID.randomUUID().toString(), at, at);
    }

    /**
     * The oldest due rows of each target, at most {@code perTarget} each, oldest first overall. A row
     * behind a waiting row of its target is not due; a row behind an unconfirmed one of its
     * conversation and target is not due either, but only that conversation waits.
     */
    List<OutboxRow> due(Instant now, int perTarget) {
        return sql.list("SELECT id, kind, payload, target, idem_key, attempts, status, created_at, unconfirmed_since"
                        + " FROM (" + DUE + ") AS due WHERE place <= ? ORDER BY id",
                OutboxSql::map, now, now, perTarget);
    }

    /**
     * The due rows {@code holder} may send, leased to it until {@code until}: a target whose unfinished
     * rows another instance holds (lease not yet expired) is left whole to that instance, so that one
     * instance at a time sends a target's rows, in order and paced. Each row is taken by a conditional
     * update, so two instances never hold one row. The holder's leases that are half spent are renewed
     * first: a long turn keeps its target.
     */
    List<OutboxRow> claim(String holder, Instant now, Instant until, int perTarget) {
        Instant renewBefore = now.plus(Duration.between(now, until).dividedBy(2));
        sql.update("UPDATE outbox SET lease_until = ? WHERE lease_holder = ? AND status IN ('pending', 'sending')"
                + " AND lease_until < ?", until, holder, renewBefore);
        List<Leased> due = sql.list("SELECT o.id, o.kind, o.payload, o.target, o.idem_key, o.attempts, o.status,"
                        + " o.created_at, o.unconfirmed_since, o.lease_holder FROM outbox o WHERE o.id IN"
                        + " (SELECT id FROM (" + DUE + " AND NOT EXISTS (SELECT 1 FROM outbox h"
                        + " WHERE h.target = o.target AND h.lease_holder <> ? AND h.lease_until > ?"
                        + " AND h.status IN ('pending', 'sending'))) AS due WHERE place <= ?)"
                        + " ORDER BY o.id" + sql.skipLocked("o"),
                rs -> new Leased(map(rs), rs.getString("lease_holder")), now, now, holder, now, perTarget);
        List<OutboxRow> mine = new ArrayList<>();
        Set<Target> lost = new HashSet<>();
        for (Leased row : due) {
            if (lost.contains(row.row().target())) {
                continue; // a row of this target went to another instance: the rows behind it wait
            }
            if (holder.equals(row.holder()) || sql.update("UPDATE outbox SET lease_holder = ?, lease_until = ?"
                    + " WHERE id = ? AND (lease_holder IS NULL OR lease_holder = ? OR lease_until <= ?)",
                    holder, until, row.row().id(), holder, now) == 1) {
                mine.add(row.row());
            } else {
                lost.add(row.row().target());
            }
        }
        return mine;
    }

    void release(String holder) {
        sql.update("UPDATE outbox SET lease_holder = NULL, lease_until = NULL WHERE lease_holder = ?"
                + " AND status = 'pending'", holder);
    }

    /** Whether {@code holder} may still send the row: no other instance took it over. */
    boolean holds(long rowId, String holder) {
        return sql.one("SELECT 1 FROM outbox WHERE id = ? AND (lease_holder IS NULL OR lease_holder = ?)",
                rs -> true, rowId, holder).isPresent();
    }

    int backlog() {
        return sql.one("SELECT COUNT(*) FROM outbox WHERE status IN ('pending', 'sending')", rs -> rs.getInt(1))
                .orElse(0);
    }

    boolean replyPending(long conversationId) {
        return sql.one("SELECT 1 FROM outbox WHERE conversation_id = ? AND kind = ?"
                        + " AND status IN ('pending', 'sending') LIMIT 1",
                rs -> true, conversationId, CUSTOMER_REPLY).isPresent();
    }

    void postponeTarget(Target target, Instant until) {
        sql.update("UPDATE outbox SET next_attempt_at = ? WHERE target = ? AND status IN ('pending', 'sending')"
                + " AND next_attempt_at < ?", until, target.encoded(), until);
    }

    boolean cardPending(long conversationId) {
        return sql.one("SELECT 1 FROM outbox WHERE conversation_id = ? AND kind = ?"
                        + " AND status IN ('pending', 'sending') LIMIT 1",
                rs -> true, conversationId, POST_CARD).isPresent();
    }

    // The port passes the time a send started; no column needs it yet.
    void markSending(long rowId) {
        change(rowId, "UPDATE outbox SET status = 'sending' WHERE id = ?", rowId);
    }

    void markDone(long rowId, Instant at) {
        change(rowId, "UPDATE outbox SET status = 'done', done_at = ? WHERE id = ?", at, rowId);
    }

    void markRetry(long rowId, Instant next, String error) {
        change(rowId, "UPDATE outbox SET status = 'pending', attempts = attempts + 1, next_attempt_at = ?,"
                + " last_error = ? WHERE id = ?", next, error, rowId);
    }

    /** Moves the time only: a row left 'sending' stays so, its unknown outcome still to be settled. */
    void postpone(long rowId, Instant next) {
        change(rowId, "UPDATE outbox SET next_attempt_at = ? WHERE id = ?", next, rowId);
    }

    void markRefused(long rowId, Instant next) {
        change(rowId, "UPDATE outbox SET status = 'pending', next_attempt_at = ? WHERE id = ?", next, rowId);
    }

    void markFailed(long rowId, Instant at, String error) {
        change(rowId, "UPDATE outbox SET status = 'failed', done_at = ?, last_error = ? WHERE id = ?",
                at, error, rowId);
    }

    void markUnconfirmed(long rowId, Instant since, Instant next, String error) {
        change(rowId, "UPDATE outbox SET status = 'sending', unconfirmed_since = COALESCE(unconfirmed_since, ?),"
                + " next_attempt_at = ?, last_error = ? WHERE id = ?", since, next, error, rowId);
    }

    private void change(long rowId, String statement, Object... params) {
        if (sql.update(statement, params) != 1) {
            throw new IllegalArgumentException("no outbox row " + rowId);
        }
    }

    private static OutboxRow map(ResultSet rs) throws SQLException {
        return new OutboxRow(rs.getLong("id"), EffectCodec.decode(rs.getString("kind"), rs.getString("payload")),
                Target.decode(rs.getString("target")), rs.getString("idem_key"), rs.getInt("attempts"),
                "sending".equals(rs.getString("status")), Sql.instant(rs, "created_at"),
                Sql.instant(rs, "unconfirmed_since"));
    }
}
