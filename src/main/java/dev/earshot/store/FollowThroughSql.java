package dev.earshot.store;

import dev.earshot.core.FollowUp;
import dev.earshot.core.OnCallShift;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The follow-through tables: nudges sent, follow-ups, hand-set on-call shifts (V2__followthrough.sql). */
final class FollowThroughSql {
    private static final String FOLLOW_UP_COLUMNS =
            "id, conversation_id, due_at, note, set_by, created_at, reminded_at";

    private final Sql sql;

    FollowThroughSql(Sql sql) {
        this.sql = sql;
    }

    /** One statement that the unique key settles, so two ticks at once still send one nudge. */
    boolean recordNudge(long conversationId, String step, Instant at) {
        return sql.update("INSERT INTO nudges (conversation_id, step, sent_at) VALUES (?, ?, ?)"
                + " ON CONFLICT (conversation_id, step) DO NOTHING", conversationId, step, at) == 1;
    }

    Set<String> nudgesSent(long conversationId) {
        return new HashSet<>(sql.list("SELECT step FROM nudges WHERE conversation_id = ?",
                rs -> rs.getString(1), conversationId));
    }

    FollowUp addFollowUp(FollowUp f) {
        long id = sql.insertReturningId("INSERT INTO follow_ups (conversation_id, due_at, note, set_by, created_at,"
                        + " reminded_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                f.conversationId(), f.dueAt(), f.note(), f.setBy(), f.createdAt(), f.remindedAt());
        return new FollowUp(id, f.conversationId(), f.dueAt(), f.note(), f.setBy(), f.createdAt(), f.remindedAt());
    }

    List<FollowUp> due(Instant from, Instant to) {
        return sql.list("SELECT " + FOLLOW_UP_COLUMNS + " FROM follow_ups WHERE due_at >= ? AND due_at < ?"
                + " ORDER BY due_at, id", FollowThroughSql::followUp, from, to);
    }

    List<FollowUp> toRemind(Instant now) {
        return sql.list("SELECT " + FOLLOW_UP_COLUMNS + " FROM follow_ups WHERE reminded_at IS NULL AND due_at <= ?"
                + " ORDER BY due_at, id", FollowThroughSql::followUp, now);
    }

    boolean markReminded(long id, Instant at) {
        return sql.update("UPDATE follow_ups SET reminded_at = ? WHERE id = ? AND reminded_at IS NULL", at, id) == 1;
    }

    void setOnCall(OnCallShift shift) {
        sql.update("INSERT INTO oncall_shifts (member, set_by, from_at, until_at) VALUES (?, ?, ?, ?)",
                shift.member(), shift.setBy(), shift.from(), shift.until());
    }

    Optional<OnCallShift> onCallOverride() {
        return sql.one("SELECT member, set_by, from_at, until_at FROM oncall_shifts ORDER BY id DESC LIMIT 1",
                rs -> new OnCallShift(rs.getString("member"), Sql.instant(rs, "from_at"),
                        Sql.instant(rs, "until_at"), rs.getString("set_by")));
    }

    private static FollowUp followUp(ResultSet rs) throws SQLException {
        return new FollowUp(rs.getLong("id"), rs.getLong("conversation_id"), Sql.instant(rs, "due_at"),
                rs.getString("note"), rs.getString("set_by"), Sql.instant(rs, "created_at"),
                Sql.instant(rs, "reminded_at"));
    }
}
