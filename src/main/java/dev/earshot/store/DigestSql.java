package dev.earshot.store;

import dev.earshot.core.ConversationSummary;
import dev.earshot.core.CountedConversation;
import dev.earshot.core.HistoryEntry;
import dev.earshot.core.MemberActivity;
import dev.earshot.core.Platform;
import dev.earshot.core.Priority;
import dev.earshot.core.State;
import dev.earshot.core.Timing;
import dev.earshot.core.WaitingItem;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** What the digest, the stats and the CSV export read; and the once-per-period claims of scheduled work. */
final class DigestSql {
    private static final String WAITING = Arrays.stream(State.values()).filter(State::isWaiting)
            .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", ", "(", ")"));

    // The history actions written by Inbox (claim) and the Dispatcher (replied: the customer got it),
    // and by Inbox when the brand answered from the platform's own app.
    private static final String CLAIM = "claim";
    private static final String REPLIED = "replied";
    private static final String ANSWERED_OUTSIDE = "answered-outside";

    private static final List<Platform> PLATFORMS = List.of(Platform.values());
    private static final List<State> STATES = List.of(State.values());
    private static final String PLATFORM_INDEX = indexIn("platform", PLATFORMS.stream().map(Platform::id).toList());
    private static final String STATE_INDEX = indexIn("state", STATES.stream().map(State::name).toList());

    private final Sql sql;

    DigestSql(Sql sql) {
        this.sql = sql;
    }

    boolean claimRun(String job, String period, Instant at) {
        return sql.update("INSERT INTO scheduled_runs (job, period, claimed_at) VALUES (?, ?, ?)"
                + " ON CONFLICT (job, period) DO NOTHING", job, period, at) == 1;
    }

    boolean runClaimed(String job, String period) {
        return sql.one("SELECT 1 FROM scheduled_runs WHERE job = ? AND period = ?", rs -> true, job, period)
                .isPresent();
    }

    /**
     * One page of the period's conversations, for the export. The page's ids are chosen first,
     * from the index on opened_at alone; only those rows are then joined to their first customer
     * message (the messages index: conversation, direction, created_at). Filtering, sorting and
     * limiting the joined rows instead would compute the join for every conversation after the
     * page, again for each page: a month of a busy brand is a dozen pages of 5,000.
     */
    List<ConversationSummary> conversationLog(Instant from, Instant to, long afterId, int limit) {
        return sql.list("SELECT c.id, c.platform, c.account, c.author_handle, c.opened_at, c.first_reply_at,"
                        + " c.state, c.owner, c.priority, COALESCE(c.first_followers, -1) AS first_followers,"
                        + " c.first_responder, m.text, m.url"
                        // "+id" keeps SQLite's planner off the primary key (a scan of every id past the
                        // page) and on the opened_at index; unlike "INDEXED BY", PostgreSQL reads it too.
                        + " FROM (SELECT id FROM conversations"
                        + "   WHERE opened_at >= ? AND opened_at < ? AND +id > ? ORDER BY +id LIMIT ?) page"
                        + " JOIN conversations c ON c.id = page.id"
                        + " LEFT JOIN messages m ON m.id = (SELECT id FROM messages"
                        + "   WHERE conversation_id = c.id AND direction = 'in' ORDER BY created_at, id LIMIT 1)"
                        + " ORDER BY c.id",
                DigestSql::summary, from, to, afterId, limit);
    }

    /**
     * The period's conversations from their own row alone: the first answer is kept on it. In the
     * order of the opened_at index: the figures do not depend on it, and sorting a month by id
     * would cost a fifth of the read. The platform and the state come as their position in the
     * enum: the driver makes a Java string of every text cell, and for a month of a busy brand
     * (60,000 rows) those two columns cost as much as the rest of the read. Missing times and
     * follower counts come as -1, not as NULL: every cell read is a call into the driver, and
     * asking whether it was NULL is one more. For the same reason only the columns the figures
     * use are read, by position.
     */
    List<CountedConversation> conversationsOpened(Instant from, Instant to) {
        return sql.list("SELECT " + PLATFORM_INDEX + ", author_handle, COALESCE(first_followers, -1), opened_at,"
                        + " COALESCE(first_reply_at, -1), " + STATE_INDEX + ", first_responder"
                        + " FROM conversations WHERE opened_at >= ? AND opened_at < ?",
                rs -> new CountedConversation(PLATFORMS.get(rs.getInt(1)), rs.getString(2), rs.getLong(3),
                        Instant.ofEpochMilli(rs.getLong(4)), orNull(rs.getLong(5)), STATES.get(rs.getInt(6)),
                        rs.getString(7)),
                from, to);
    }

    /** A time read as -1 when it was NULL. */
    private static Instant orNull(long millis) {
        return millis < 0 ? null : Instant.ofEpochMilli(millis);
    }

    /**
     * Keeps the conversation's first answer (a reply sent through Earshot, or one seen given from
     * the platform's own app) on its row: the earliest by time, the first recorded on a tie.
     */
    void firstAnswer(HistoryEntry e) {
        if (!e.action().equals(REPLIED) && !e.action().equals(ANSWERED_OUTSIDE)) {
            return;
        }
        sql.update("UPDATE conversations SET first_answer_at = ?, first_responder = ?"
                        + " WHERE id = ? AND (first_answer_at IS NULL OR first_answer_at > ?)",
                e.at(), e.action().equals(REPLIED) ? e.actor() : null, e.conversationId(), e.at());
    }

    List<Timing> timings(Instant from, Instant to) {
        return sql.list("SELECT opened_at, first_reply_at FROM conversations WHERE opened_at >= ? AND opened_at < ?",
                rs -> new Timing(Sql.instant(rs, "opened_at"), Sql.instant(rs, "first_reply_at")), from, to);
    }

    /** The oldest are picked first, then joined to their first message: a long queue costs no joins. */
    List<WaitingItem> oldestWaiting(int limit) {
        return sql.list("SELECT c.id, c.platform, c.author_handle, c.opened_at, m.url FROM"
                        + " (SELECT id, platform, author_handle, opened_at FROM conversations"
                        + "   WHERE state IN " + WAITING + " ORDER BY opened_at, id LIMIT ?) c"
                        + " LEFT JOIN messages m ON m.id = (SELECT id FROM messages"
                        + "   WHERE conversation_id = c.id AND direction = 'in' ORDER BY created_at, id LIMIT 1)"
                        + " ORDER BY c.opened_at, c.id",
                rs -> new WaitingItem(rs.getLong("id"), Platform.fromId(rs.getString("platform")),
                        rs.getString("author_handle"), Sql.instant(rs, "opened_at"), rs.getString("url")),
                limit);
    }

    int waitingCount() {
        return sql.one("SELECT COUNT(*) FROM conversations WHERE state IN " + WAITING, rs -> rs.getInt(1))
                .orElse(0);
    }

    /**
     * Claims and replies per member. The members come from {@link #actorsEver} and each count is one
     * range of the history_by_actor index: grouping the month's rows by name instead sorted some
     * 100,000 of them for five names.
     */
    List<MemberActivity> memberActivity(Instant from, Instant to) {
        SortedSet<String> actors = new TreeSet<>(actorsEver(CLAIM));
        actors.addAll(actorsEver(REPLIED));
        actors.remove(HistoryEntry.EARSHOT);
        List<MemberActivity> out = new ArrayList<>();
        for (String actor : actors) {
            int claimed = count(CLAIM, actor, from, to);
            int replied = count(REPLIED, actor, from, to);
            if (claimed + replied > 0) {
                out.add(new MemberActivity(actor, claimed, replied));
            }
        }
        return out;
    }

    /**
     * Everyone who ever took {@code action}, in name order: a loose index scan, each step one seek
     * to the next name in history_by_actor, so years of history cost one step per name.
     */
    private List<String> actorsEver(String action) {
        return sql.list("WITH RECURSIVE actors (actor) AS ("
                        + " SELECT MIN(actor) FROM history WHERE action = ?"
                        + " UNION ALL SELECT (SELECT MIN(h.actor) FROM history h"
                        + "   WHERE h.action = ? AND h.actor > actors.actor) FROM actors WHERE actors.actor IS NOT NULL)"
                        + " SELECT actor FROM actors WHERE actor IS NOT NULL",
                rs -> rs.getString(1), action, action);
    }

    private int count(String action, String actor, Instant from, Instant to) {
        return sql.one("SELECT COUNT(*) FROM history WHERE action = ? AND actor = ? AND at >= ? AND at < ?",
                rs -> rs.getInt(1), action, actor, from, to).orElse(0);
    }

    /**
     * {@code CASE column WHEN 'first' THEN 0 WHEN 'second' THEN 1 ... ELSE -1 END}: a stored name as
     * its position in the list; a name this version does not know gives -1, which no list accepts.
     */
    private static String indexIn(String column, List<String> names) {
        StringBuilder out = new StringBuilder("CASE ").append(column);
        for (int i = 0; i < names.size(); i++) {
            out.append(" WHEN '").append(names.get(i)).append("' THEN ").append(i);
        }
        return out.append(" ELSE -1 END").toString();
    }

    private static ConversationSummary summary(ResultSet rs) throws SQLException {
        return new ConversationSummary(
                rs.getLong("id"),
                Platform.fromId(rs.getString("platform")),
                rs.getString("account"),
                rs.getString("author_handle"),
                rs.getLong("first_followers"),
                rs.getString("text"),
                rs.getString("url"),
                Sql.instant(rs, "opened_at"),
                Sql.instant(rs, "first_reply_at"),
                State.valueOf(rs.getString("state")),
                rs.getString("owner"),
                new Priority(rs.getInt("priority")),
                rs.getString("first_responder"));
    }
}
