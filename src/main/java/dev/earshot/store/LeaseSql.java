package dev.earshot.store;

import java.time.Instant;

/**
 * The leases table: a named lease (a source to poll, the Discord gateway session) held by one
 * instance until it expires. Taking and renewing are one conditional upsert, so two instances
 * racing for a free lease cannot both win: the second's insert meets the first's row, and its
 * update applies only where the row is its own or expired.
 */
final class LeaseSql {
    private final Sql sql;

    LeaseSql(Sql sql) {
        this.sql = sql;
    }

    boolean take(String name, String holder, Instant now, Instant until) {
        return sql.update("INSERT INTO leases (name, holder, expires_at, acquired_at) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (name) DO UPDATE SET expires_at = excluded.expires_at,"
                + " acquired_at = CASE WHEN leases.holder = excluded.holder THEN leases.acquired_at"
                + " ELSE excluded.acquired_at END, holder = excluded.holder"
                + " WHERE leases.holder = excluded.holder OR leases.expires_at <= ?",
                name, holder, until, now, now) == 1;
    }

    void release(String name, String holder) {
        sql.update("DELETE FROM leases WHERE name = ? AND holder = ?", name, holder);
    }
}
