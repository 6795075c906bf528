package dev.earshot.store;

import dev.earshot.core.Dialogue;
import dev.earshot.core.Platform;
import dev.earshot.core.ReplyDraft;
import dev.earshot.port.BrandPosts;
import dev.earshot.port.ReplyDrafts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The reply drafts and the brand's posts (V12__care_explained.sql), the part of {@link SqlTx} that
 * {@link ReplyDrafts} and {@link BrandPosts} name; a base class so that SqlTx stays one screen.
 */
abstract class DraftAndPostSql implements ReplyDrafts, BrandPosts {
    private static final String DRAFT_COLUMNS = "id, conversation_id, member, text, created_at, state";

    private final Sql sql;

    DraftAndPostSql(Sql sql) {
        this.sql = sql;
    }

    @Override
    public ReplyDraft addReplyDraft(ReplyDraft d) {
        long id = sql.insertReturningId("INSERT INTO reply_drafts (conversation_id, member, text, created_at, state)"
                + " VALUES (?, ?, ?, ?, ?) RETURNING id", d.conversationId(), d.member(), d.text(), d.createdAt(), d.state());
        return new ReplyDraft(id, d.conversationId(), d.member(), d.text(), d.createdAt(), d.state());
    }

    @Override
    public Optional<ReplyDraft> replyDraft(long id) {
        return sql.one("SELECT " + DRAFT_COLUMNS + " FROM reply_drafts WHERE id = ?", DraftAndPostSql::draft, id);
    }

    @Override
    public boolean settleReplyDraft(long id, ReplyDraft.State to) {
        return sql.update("UPDATE reply_drafts SET state = ? WHERE id = ? AND state = ?",
                to, id, ReplyDraft.State.PENDING) == 1;
    }

    @Override
    public boolean addBrandPost(Platform platform, String account, String externalId, Instant at, boolean toCustomer) {
        return sql.update("INSERT INTO brand_posts (platform, account, external_id, posted_at, to_customer)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (account, external_id) DO NOTHING",
                platform, account, externalId, at, toCustomer ? 1 : 0) == 1;
    }

    @Override
    public List<Dialogue.Counts> dialogueCounts(Instant from, Instant to) {
        List<Dialogue.Counts> counts = new ArrayList<>(sql.list("SELECT platform,"
                        + " COALESCE(SUM(to_customer), 0), COALESCE(SUM(1 - to_customer), 0)"
                        + " FROM brand_posts WHERE posted_at >= ? AND posted_at < ? GROUP BY platform",
                rs -> new Dialogue.Counts(Platform.fromId(rs.getString(1)), rs.getInt(2), rs.getInt(3), 0, 0),
                from, to));
        counts.addAll(sql.list("SELECT platform, COUNT(*), COUNT(first_reply_at) FROM conversations"
                        + " WHERE opened_at >= ? AND opened_at < ? GROUP BY platform",
                rs -> new Dialogue.Counts(Platform.fromId(rs.getString(1)), 0, 0, rs.getInt(2), rs.getInt(3)),
                from, to));
        return counts;
    }

    private static ReplyDraft draft(ResultSet rs) throws SQLException {
        return new ReplyDraft(rs.getLong("id"), rs.getLong("conversation_id"), rs.getString("member"),
                rs.getString("text"), Sql.instant(rs, "created_at"), ReplyDraft.State.valueOf(rs.getString("state")));
    }
}
