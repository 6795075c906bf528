package dev.earshot.store;

import dev.earshot.core.ChatRef;
import dev.earshot.core.Conversation;
import dev.earshot.core.HistoryEntry;
import dev.earshot.core.Platform;
import dev.earshot.core.Priority;
import dev.earshot.core.ResponseFigures;
import dev.earshot.core.State;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The conversations table: reads, the conditional write, the queue and the figures. */
final class ConversationSql {
    private static final String COLUMNS = "id, platform, account, author_handle, thread_key, channel, state, owner,"
            + " priority, opened_at, last_customer_at, first_reply_at, snoozed_until, state_by, state_note,"
            + " chat_ref, version, priority_parts";

    // Derived from the core's own definitions so the SQL cannot drift from them.
    private static final String OPEN = inList(State::isOpen);
    private static final String WAITING = inList(State::isWaiting);

    private final Sql sql;

    ConversationSql(Sql sql) {
        this.sql = sql;
    }

    Optional<Conversation> byId(long id) {
        return sql.one("SELECT " + COLUMNS + " FROM conversations WHERE id = ?", ConversationSql::map, id);
    }

    Optional<Conversation> open(Platform platform, String account, String authorHandle, String threadKey) {
        return sql.one("SELECT " + COLUMNS + " FROM conversations"
                        + " WHERE platform = ? AND account = ? AND author_handle = ? AND thread_key = ?"
                        + " AND state IN " + OPEN + " ORDER BY id DESC LIMIT 1",
                ConversationSql::map, platform, account, authorHandle, threadKey);
    }

    /** The author's latest conversation with an owner in which they wrote at or after {@code since}. */
    Optional<Conversation> latestOwned(Platform platform, String authorHandle, Instant since) {
        return sql.one("SELECT " + COLUMNS + " FROM conversations"
                        + " WHERE platform = ? AND author_handle = ? AND owner IS NOT NULL"
                        + " AND COALESCE(last_customer_at, opened_at) >= ? ORDER BY id DESC LIMIT 1",
                ConversationSql::map, platform, authorHandle, since);
    }

    /** Inserts with version 1; the id comes from the table, whatever {@code c.id()} says. */
    Conversation insert(Conversation c) {
        long id = sql.insertReturningId("INSERT INTO conversations (platform, account, author_handle, thread_key,"
                        + " channel, state, owner, priority, opened_at, last_customer_at, first_reply_at,"
                        + " snoozed_until, state_by, state_note, chat_ref, version, priority_parts)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?) RETURNING id",
                c.platform(), c.account(), c.authorHandle(), c.threadKey(), c.channel(), c.state(), c.owner(),
                c.priority().score(), c.openedAt(), c.lastCustomerAt(), c.firstReplyAt(), c.snoozedUntil(),
                c.stateBy(), c.stateNote(), chatRef(c.chatRef()), PriorityParts.encode(c.priority()));
        return byId(id).orElseThrow();
    }

    /**
     * One conditional statement, so two writers can never both win. chat_ref is left out on
     * purpose: only {@link #setChatRef} writes it, without a version bump, so a record read before
     * the card was posted must not wipe the reference.
     */
    boolean update(Conversation c) {
        return sql.update("UPDATE conversations SET platform = ?, account = ?, author_handle = ?, thread_key = ?,"
                        + " channel = ?, state = ?, owner = ?, priority = ?, opened_at = ?, last_customer_at = ?,"
                        + " first_reply_at = ?, snoozed_until = ?, state_by = ?, state_note = ?,"
                        + " version = version + 1"
                        + " WHERE id = ? AND version = ?",
                c.platform(), c.account(), c.authorHandle(), c.threadKey(), c.channel(), c.state(), c.owner(),
                c.priority().score(), c.openedAt(), c.lastCustomerAt(), c.firstReplyAt(), c.snoozedUntil(),
                c.stateBy(), c.stateNote(), c.id(), c.version()) == 1;
    }

    void setChatRef(long id, ChatRef ref) {
        if (sql.update("UPDATE conversations SET chat_ref = ? WHERE id = ?", chatRef(ref), id) != 1) {
            throw new IllegalArgumentException("no conversation #" + id);
        }
    }

    List<Conversation> queue(int limit) {
        return sql.list("SELECT " + COLUMNS + " FROM conversations WHERE state IN " + WAITING
                + " ORDER BY priority DESC, opened_at ASC, id ASC LIMIT ?", ConversationSql::map, limit);
    }

    List<Conversation> snoozesEndingBy(Instant now) {
        return sql.list("SELECT " + COLUMNS + " FROM conversations WHERE state = ? AND snoozed_until <= ?"
                + " ORDER BY snoozed_until, id", ConversationSql::map, State.SNOOZED, now);
    }

    ResponseFigures figures(Instant from, Instant to) {
        record Counts(int received, int answered, int dismissed) {
        }
        Counts counts = sql.one("SELECT COUNT(*), COUNT(first_reply_at),"
                        + " COALESCE(SUM(CASE WHEN state = ? THEN 1 ELSE 0 END), 0)"
                        + " FROM conversations WHERE opened_at >= ? AND opened_at < ?",
                rs -> new Counts(rs.getInt(1), rs.getInt(2), rs.getInt(3)), State.DISMISSED, from, to)
                .orElseThrow();
        int waiting = sql.one("SELECT COUNT(*) FROM conversations WHERE state IN " + WAITING,
                rs -> rs.getInt(1)).orElseThrow();
        long[] firstResponses = sql.list("SELECT first_reply_at - opened_at FROM conversations"
                        + " WHERE opened_at >= ? AND opened_at < ? AND first_reply_at IS NOT NULL",
                rs -> rs.getLong(1), from, to).stream().mapToLong(Long::longValue).toArray();
        return ResponseFigures.ofMillis(counts.received(), counts.answered(), counts.dismissed(), waiting,
                firstResponses);
    }

    private static Conversation map(ResultSet rs) throws SQLException {
        String ref = rs.getString("chat_ref");
        return new Conversation(
                rs.getLong("id"),
                Platform.fromId(rs.getString("platform")),
                rs.getString("account"),
                rs.getString("author_handle"),
                rs.getString("thread_key"),
                rs.getString("channel"),
                State.valueOf(rs.getString("state")),
                rs.getString("owner"),
                new Priority(rs.getInt("priority"), PriorityParts.decode(rs.getString("priority_parts"))),
                Sql.instant(rs, "opened_at"),
                Sql.instant(rs, "last_customer_at"),
                Sql.instant(rs, "first_reply_at"),
                Sql.instant(rs, "snoozed_until"),
                rs.getString("state_by"),
                rs.getString("state_note"),
                ref == null ? null : new ChatRef(ref),
                rs.getLong("version"));
    }

    private static String chatRef(ChatRef ref) {
        return ref == null ? null : ref.value();
    }

    private static String inList(Predicate<State> which) {
        return Arrays.stream(State.values()).filter(which).map(s -> "'" + s.name() + "'")
                .collect(Collectors.joining(", ", "(", ")"));
    }

    void record(HistoryEntry e) {
        sql.update("INSERT INTO history (conversation_id, at, actor, action, detail) VALUES (?, ?, ?, ?, ?)",
                e.conversationId(), e.at(), e.actor(), e.action(), e.detail());
    }

    List<HistoryEntry> history(long conversationId) {
        return sql.list("SELECT conversation_id, at, actor, action, detail FROM history"
                        + " WHERE conversation_id = ? ORDER BY at, id",
                rs -> new HistoryEntry(rs.getLong("conversation_id"), Sql.instant(rs, "at"), rs.getString("actor"),
                        rs.getString("action"), rs.getString("detail")),
                conversationId);
    }
}
