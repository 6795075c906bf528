package dev.earshot.bench;

import dev.earshot.core.Message;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * The floor to compare against: messages as plain rows in one table without keys or indexes,
 * written with plain JDBC (one prepared statement, batched) on a connection with the store's own
 * durability settings (WAL, {@code synchronous=FULL}, IMMEDIATE transactions).
 */
final class PlainTable implements AutoCloseable {
    private final Connection connection;
    private final PreparedStatement insert;

    PlainTable(Path file) throws SQLException {
        connection = durable().createConnection("jdbc:sqlite:" + file);
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE plain (platform TEXT, account TEXT, external_id TEXT, author_handle TEXT,"
                    + " author_display_name TEXT, author_followers BIGINT, author_profile_url TEXT, text TEXT,"
                    + " url TEXT, created_at BIGINT, kind TEXT, in_reply_to TEXT, thread_key TEXT,"
                    + " received_at BIGINT)");
        }
        insert = connection.prepareStatement("INSERT INTO plain VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    }

    /** Inserts the messages in one transaction, committed as the store commits. */
    void insert(List<Message> messages, Instant receivedAt) throws SQLException {
        connection.setAutoCommit(false);
        for (Message m : messages) {
            bind(m, receivedAt.toEpochMilli());
            insert.addBatch();
        }
        insert.executeBatch();
        connection.setAutoCommit(true);
    }

    int count() throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM plain")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Override
    public void close() throws SQLException {
        insert.close();
        connection.close();
    }

    /** What SqliteStore's writer connection is set to; the comparison is about work, not settings. */
    private static SQLiteConfig durable() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(10_000);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        return config;
    }

    private void bind(Message m, long receivedAt) throws SQLException {
        insert.setString(1, m.platform().id());
        insert.setString(2, m.account());
        insert.setString(3, m.externalId());
        insert.setString(4, m.author().handle());
        insert.setString(5, m.author().displayName());
        insert.setLong(6, m.author().followers());
        insert.setString(7, m.author().profileUrl());
        insert.setString(8, m.text());
        insert.setString(9, m.url());
        insert.setLong(10, m.createdAt().toEpochMilli());
        insert.setString(11, m.kind().name());
        insert.setString(12, m.inReplyTo());
        insert.setString(13, m.threadKey());
        insert.setLong(14, receivedAt);
    }
}
