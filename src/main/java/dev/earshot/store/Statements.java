package dev.earshot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The prepared statements of one connection, kept for reuse. Preparing is a large share of a
 * small transaction's cost in SQLite (a quarter of ingest, measured), and the store runs the same
 * few dozen statements over and over. Used only under the connection's lock.
 */
final class Statements implements AutoCloseable {
    private final Connection connection;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();

    Statements(Connection connection) {
        this.connection = connection;
    }

    PreparedStatement get(String sql) throws SQLException {
        PreparedStatement ps = prepared.get(sql);
        if (ps == null || ps.isClosed()) {
            ps = connection.prepareStatement(sql);
            prepared.put(sql, ps);
        } else {
            ps.clearParameters();
        }
        return ps;
    }

    /** Forgets a statement that failed, so that a broken one is never reused. */
    void discard(String sql) {
        PreparedStatement ps = prepared.remove(sql);
        if (ps != null) {
            try {
                ps.close();
            } catch (SQLException ignored) {
                // it failed already; the connection reports anything that matters
            }
        }
    }

    @Override
    public void close() {
        prepared.keySet().stream().toList().forEach(this::discard);
    }
}
