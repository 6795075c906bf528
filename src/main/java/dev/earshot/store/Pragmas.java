package dev.earshot.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The connection settings durability rests on (RELIABILITY.md, promise 8), as SQLite reports
 * them, read back after opening rather than trusted from the configuration.
 *
 * @param synchronous 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA
 */
record Pragmas(String journalMode, int synchronous, int busyTimeoutMillis, boolean foreignKeys) {
    static final int FULL = 2;
    static final int MIN_BUSY_TIMEOUT_MILLIS = 5_000;

    static Pragmas of(Connection connection) throws SQLException {
        return new Pragmas(text(connection, "journal_mode"), number(connection, "synchronous"),
                number(connection, "busy_timeout"), number(connection, "foreign_keys") == 1);
    }

    /** Throws when any setting is weaker than the store promises. */
    Pragmas requireDurable() {
        List<String> wrong = new ArrayList<>();
        if (!"wal".equalsIgnoreCase(journalMode)) {
            wrong.add("journal_mode=" + journalMode + " (want wal)");
        }
        if (synchronous < FULL) {
            wrong.add("synchronous=" + synchronous + " (want 2, FULL)");
        }
        if (busyTimeoutMillis < MIN_BUSY_TIMEOUT_MILLIS) {
            wrong.add("busy_timeout=" + busyTimeoutMillis + " (want at least " + MIN_BUSY_TIMEOUT_MILLIS + ")");
        }
        if (!foreignKeys) {
            wrong.add("foreign_keys=0 (want 1)");
        }
        if (!wrong.isEmpty()) {
            throw new IllegalStateException("SQLite is not set for durability: " + String.join(", ", wrong));
        }
        return this;
    }

    private static String text(Connection connection, String pragma) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("PRAGMA " + pragma)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static int number(Connection connection, String pragma) throws SQLException {
        return Integer.parseInt(text(connection, pragma));
    }
}
