package dev.earshot.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * {@code earshot migrate-store}: copies a SQLite store into an empty PostgreSQL one, every table in
 * the order its foreign keys need, ids kept, in one transaction on the target, and checks the counts
 * before it commits. Both schemas are first brought to this version's migrations, so their columns
 * agree. Earshot must be stopped while it runs: the SQLite file is read as it is.
 */
public final class StoreCopy {
    private static final Logger LOG = LoggerFactory.getLogger(StoreCopy.class);
    /** Every table of the schema, parents first. */
    static final List<String> TABLES = List.of("conversations", "messages", "history", "outbox", "cursors",
            "nudges", "follow_ups", "oncall_shifts", "scheduled_runs", "billable_reads", "care_state",
            "reply_drafts", "brand_posts");
    /**
     * Not data: Flyway's own history is written by the target's migrations; the write gate has no rows;
     * the leases belong to instances that ran on the source; Quartz's tables (V10) hold the schedule,
     * which the instances write again when they start on PostgreSQL.
     */
    private static final List<String> NOT_COPIED = List.of("flyway_schema_history", "write_gate", "leases",
            "qrtz_job_details", "qrtz_triggers", "qrtz_simple_triggers", "qrtz_cron_triggers",
            "qrtz_simprop_triggers", "qrtz_blob_triggers", "qrtz_calendars", "qrtz_paused_trigger_grps",
            "qrtz_fired_triggers", "qrtz_scheduler_state", "qrtz_locks");
    private static final int BATCH = 500;

    private StoreCopy() {
    }

    /** Copies; returns the rows copied per table. Throws, leaving the target as it was, on any problem. */
    public static Map<String, Long> sqliteToPostgres(Path sqliteFile, String url, String user, String password) {
        if (!Files.isRegularFile(sqliteFile)) {
            throw new IllegalArgumentException(sqliteFile + ": no such SQLite file");
        }
        SqliteStore.open(sqliteFile).close(); // brings the source to this version's schema
        SQLiteConfig readOnly = new SQLiteConfig();
        readOnly.setReadOnly(true);
        try (PostgresStore target = PostgresStore.open(url, user, password);
             Connection from = readOnly.createConnection("jdbc:sqlite:" + sqliteFile.toAbsolutePath());
             Connection to = target.dataSource().getConnection()) {
            return copy(from, to, PostgresErrors.withoutParameters(url));
        } catch (SQLException e) {
            throw new StoreException("migrate-store failed: " + e.getMessage(), e);
        }
    }

    private static Map<String, Long> copy(Connection from, Connection to, String where) throws SQLException {
        Map<String, Long> copied = new LinkedHashMap<>();
        try {
            try (Statement st = to.createStatement()) {
                st.execute("LOCK TABLE write_gate IN EXCLUSIVE MODE"); // no Earshot writes meanwhile
            }
            refuseUnknownTables(to);
            refuseNonEmpty(to, where);
            for (String table : TABLES) {
                long rows = copyTable(from, to, table);
                long source = count(from, table);
                long target = count(to, table);
                if (rows != source || target != source) {
                    throw new StoreException(table + ": " + source + " rows in SQLite but " + target
                            + " in PostgreSQL; nothing was copied", null);
                }
                copied.put(table, rows);
                if (hasIdentity(table)) {
                    try (Statement st = to.createStatement()) { // the next id follows the copied ones
                        st.executeQuery("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'),"
                                + " COALESCE(MAX(id), 0) + 1, false) FROM " + table).close();
                    }
                }
            }
            to.commit();
        } catch (SQLException | RuntimeException e) {
            to.rollback();
            throw e;
        }
        LOG.info("Copied the SQLite store to {}: {}", where, copied);
        return copied;
    }

    /** A table added by a migration but not to {@link #TABLES} would be left behind without a word. */
    private static void refuseUnknownTables(Connection to) throws SQLException {
        List<String> unknown = new ArrayList<>();
        try (Statement st = to.createStatement(); ResultSet rs = st.executeQuery("SELECT table_name FROM"
                + " information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")) {
            while (rs.next()) {
                String table = rs.getString(1);
                if (!TABLES.contains(table) && !NOT_COPIED.contains(table)) {
                    unknown.add(table);
                }
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("migrate-store does not know the tables " + unknown + " yet");
        }
    }

    private static void refuseNonEmpty(Connection to, String where) throws SQLException {
        List<String> holding = new ArrayList<>();
        for (String table : TABLES) {
            long rows = count(to, table);
            if (rows > 0) {
                holding.add(table + ": " + rows);
            }
        }
        if (!holding.isEmpty()) {
            throw new StoreException(where + " already holds data (" + String.join(", ", holding)
                    + "); migrate-store copies into an empty database only", null);
        }
    }

    private static long copyTable(Connection from, Connection to, String table) throws SQLException {
        String order = hasIdentity(table) ? "id" : "1";
        try (Statement read = from.createStatement();
             ResultSet rs = read.executeQuery("SELECT * FROM " + table + " ORDER BY " + order)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnName(i));
            }
            String insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ")"
                    + (hasIdentity(table) ? " OVERRIDING SYSTEM VALUE" : "")
                    + " VALUES (" + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
            long rows = 0;
            try (PreparedStatement write = to.prepareStatement(insert)) {
                while (rs.next()) {
                    for (int i = 1; i <= columns.size(); i++) {
                        write.setObject(i, rs.getObject(i));
                    }
                    write.addBatch();
                    if (++rows % BATCH == 0) {
                        write.executeBatch();
                    }
                }
                write.executeBatch();
            }
            return rows;
        }
    }

    /** Tables keyed by what they count or name, not by a generated id. */
    private static final Set<String> NO_IDENTITY = Set.of("cursors", "brand_posts", "billable_reads", "care_state");

    private static boolean hasIdentity(String table) {
        return !NO_IDENTITY.contains(table);
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
