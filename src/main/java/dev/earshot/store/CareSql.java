package dev.earshot.store;

import dev.earshot.core.BillableReads;
import dev.earshot.core.Effect;
import dev.earshot.port.CareRecords;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The SQL of social care: billable reads per source and day, alert states, counts of audit actions. */
final class CareSql implements CareRecords {
    private final Sql sql;

    CareSql(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void addReads(String source, LocalDate day, BillableReads reads) {
        sql.update("INSERT INTO billable_reads (source, day, posts, users, dm_events) VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT (source, day) DO UPDATE SET posts = billable_reads.posts + excluded.posts,"
                        + " users = billable_reads.users + excluded.users,"
                        + " dm_events = billable_reads.dm_events + excluded.dm_events",
                source, day.toString(), reads.posts(), reads.users(), reads.dmEvents());
    }

    @Override
    public Map<String, BillableReads> reads(LocalDate from, LocalDate to) {
        Map<String, BillableReads> bySource = new LinkedHashMap<>();
        sql.list("SELECT source, SUM(posts) AS posts, SUM(users) AS users, SUM(dm_events) AS dm_events"
                        + " FROM billable_reads WHERE day >= ? AND day <= ? GROUP BY source ORDER BY source",
                rs -> bySource.put(rs.getString("source"),
                        new BillableReads(rs.getLong("posts"), rs.getLong("users"), rs.getLong("dm_events"))),
                from.toString(), to.toString());
        return bySource;
    }

    @Override
    public Optional<String> state(String key) {
        return sql.one("SELECT value FROM care_state WHERE key = ?", rs -> rs.getString(1), key);
    }

    @Override
    public void setState(String key, String value, Instant at) {
        if (value == null) {
            sql.update("DELETE FROM care_state WHERE key = ?", key);
            return;
        }
        sql.update("INSERT INTO care_state (key, value, updated_at) VALUES (?, ?, ?)"
                + " ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
                key, value, at);
    }

    @Override
    public int countActions(String action, Instant from, Instant to) {
        return sql.one("SELECT COUNT(*) FROM history WHERE action = ? AND at >= ? AND at < ?",
                rs -> rs.getInt(1), action, from, to).orElse(0);
    }

    @Override
    public List<Long> waitingReplies(String target) {
        return sql.list("SELECT DISTINCT conversation_id FROM outbox WHERE target = ? AND kind = ?"
                + " AND status IN ('pending', 'sending') ORDER BY conversation_id", rs -> rs.getLong(1),
                target, EffectCodec.kind(Effect.CustomerReply.class));
    }
}
