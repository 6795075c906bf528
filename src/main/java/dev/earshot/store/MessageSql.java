package dev.earshot.store;

import dev.earshot.core.Author;
import dev.earshot.core.Message;
import dev.earshot.core.MessageKind;
import dev.earshot.core.Platform;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The messages table: the customer's messages ({@code in}) and our replies ({@code out}). The
 * schema's unique key on (platform, account, external_id) refuses a second copy of either.
 */
final class MessageSql {
    private final Sql sql;

    MessageSql(Sql sql) {
        this.sql = sql;
    }

    boolean exists(Platform platform, String account, String externalId) {
        return sql.one("SELECT 1 FROM messages WHERE platform = ? AND account = ? AND external_id = ?",
                rs -> true, platform, account, externalId).isPresent();
    }

    Optional<Long> conversationOf(Platform platform, String account, String externalId) {
        return sql.one("SELECT conversation_id FROM messages WHERE platform = ? AND account = ? AND external_id = ?",
                rs -> rs.getLong(1), platform, account, externalId);
    }

    void addCustomerMessage(long conversationId, Message m, Instant receivedAt) {
        Author a = m.author();
        sql.update("INSERT INTO messages (conversation_id, platform, account, external_id, direction,"
                        + " author_handle, author_display_name, author_followers, author_profile_url,"
                        + " text, url, created_at, kind, in_reply_to, thread_key, received_at)"
                        + " VALUES (?, ?, ?, ?, 'in', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                conversationId, m.platform(), m.account(), m.externalId(),
                a.handle(), a.displayName(), a.followers(), a.profileUrl(),
                m.text(), m.url(), m.createdAt(), m.kind(), m.inReplyTo(), m.threadKey(), receivedAt);
        // The digest reads the first message's followers from the conversation (V8__first_answer.sql).
        sql.update("UPDATE conversations SET first_customer_at = ?, first_followers = ?"
                        + " WHERE id = ? AND (first_customer_at IS NULL OR first_customer_at > ?)",
                m.createdAt(), a.followers(), conversationId, m.createdAt());
    }

    void addBrandReply(long conversationId, Platform platform, String account, String externalId,
                       String text, Instant at) {
        sql.update("INSERT INTO messages (conversation_id, platform, account, external_id, direction,"
                        + " text, created_at, received_at) VALUES (?, ?, ?, ?, 'out', ?, ?, ?)",
                conversationId, platform, account, externalId, text == null ? "" : text, at, at);
    }

    List<Message> customerMessages(long conversationId) {
        return sql.list("SELECT platform, account, external_id, author_handle, author_display_name,"
                        + " author_followers, author_profile_url, text, url, created_at, kind, in_reply_to,"
                        + " thread_key FROM messages WHERE conversation_id = ? AND direction = 'in'"
                        + " ORDER BY created_at, id",
                MessageSql::map, conversationId);
    }

    Optional<String> lastBrandReply(long conversationId) {
        return sql.one("SELECT text FROM messages WHERE conversation_id = ? AND direction = 'out'"
                + " ORDER BY created_at DESC, id DESC LIMIT 1", rs -> rs.getString(1), conversationId);
    }

    private static Message map(ResultSet rs) throws SQLException {
        Platform platform = Platform.fromId(rs.getString("platform"));
        Author author = new Author(platform, rs.getString("author_handle"), rs.getString("author_display_name"),
                rs.getLong("author_followers"), rs.getString("author_profile_url"));
        return new Message(platform, rs.getString("account"), rs.getString("external_id"), author,
                rs.getString("text"), rs.getString("url"), Sql.instant(rs, "created_at"),
                MessageKind.valueOf(rs.getString("kind")), rs.getString("in_reply_to"), rs.getString("thread_key"));
    }
}
