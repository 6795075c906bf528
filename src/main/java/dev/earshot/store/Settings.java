package dev.earshot.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConfig.TransactionMode;
import org.sqlite.SQLiteConnection;

/**
 * The connection settings durability rests on (RELIABILITY.md, promise 8), read back from the
 * open connection rather than trusted from the configuration.
 *
 * @param synchronous 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA
 * @param beginMode how the driver begins a transaction; not a pragma, the driver holds it
 */
record Settings(String journalMode, int synchronous, int busyTimeoutMillis, boolean foreignKeys,
                TransactionMode beginMode) {
    static final int FULL = 2;
    static final int MIN_BUSY_TIMEOUT_MILLIS = 5_000;

    static Settings of(Connection connection) throws SQLException {
        return new Settings(pragma(connection, "journal_mode"), number(connection, "synchronous"),
                number(connection, "busy_timeout"), number(connection, "foreign_keys") == 1,
                connection.unwrap(SQLiteConnection.class).getConnectionConfig().getTransactionMode());
    }

    /** Throws when any setting is weaker than the store promises. */
    Settings requireDurable() {
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
        if (beginMode != TransactionMode.IMMEDIATE) {
            wrong.add("transactions begin " + beginMode + " (want IMMEDIATE)");
        }
        if (!wrong.isEmpty()) {
            throw new IllegalStateException("SQLite is not set for durability: " + String.join(", ", wrong));
        }
        return this;
    }

    private static String pragma(Connection connection, String name) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static int number(Connection connection, String name) throws SQLException {
        return Integer.parseInt(pragma(connection, name));
    }
}
