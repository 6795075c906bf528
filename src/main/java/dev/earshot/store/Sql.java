package dev.earshot.store;

import dev.earshot.core.Platform;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs one statement on one connection with the store's conventions for values: instants as
 * epoch milliseconds, platforms by id, other enums by name. Turns SQLException into
 * {@link StoreException} so the port's callers see no JDBC types.
 */
final class Sql {

    /** Maps the current row of a result set. */
    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Where the two dialects differ in what a transaction says (only row locking, so far). */
    enum Dialect { SQLITE, POSTGRESQL }

    private final Statements statements;
    private final Dialect dialect;
    private boolean over;

    Sql(Statements statements, Dialect dialect) {
        this.statements = statements;
        this.dialect = dialect;
    }

    /**
     * What ends a SELECT that claims rows of {@code table}: on PostgreSQL the rows are locked and rows
     * another transaction is claiming are skipped, not waited for; SQLite has one writer, nothing to add.
     */
    String skipLocked(String table) {
        return dialect == Dialect.POSTGRESQL ? " FOR UPDATE OF " + table + " SKIP LOCKED" : "";
    }

    /** After this, a Tx that escaped its transaction fails instead of writing outside the lock. */
    void end() {
        over = true;
    }

    int update(String sql, Object... params) {
        try {
            return prepare(sql, params).executeUpdate();
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /** Runs an {@code INSERT ... RETURNING id} (SQLite 3.35+ and PostgreSQL alike). */
    long insertReturningId(String sql, Object... params) {
        return one(sql, rs -> rs.getLong(1), params)
                .orElseThrow(() -> new StoreException("no id returned by: " + sql, null));
    }

    <T> List<T> list(String sql, Row<T> row, Object... params) {
        try (ResultSet rs = prepare(sql, params).executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(row.map(rs));
            }
            return out;
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    <T> Optional<T> one(String sql, Row<T> row, Object... params) {
        List<T> rows = list(sql, row, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** Reads a nullable epoch-milliseconds column. */
    static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private PreparedStatement prepare(String sql, Object[] params) throws SQLException {
        if (over) {
            throw new IllegalStateException("this transaction is over; use the Tx only inside write() or read()");
        }
        PreparedStatement ps = statements.get(sql);
        try {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, value(params[i]));
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            statements.discard(sql);
            throw e;
        }
    }

    private static Object value(Object param) {
        if (param instanceof Instant instant) {
            return instant.toEpochMilli();
        }
        if (param instanceof Platform platform) {
            return platform.id();
        }
        if (param instanceof Enum<?> e) {
            return e.name();
        }
        return param;
    }

    private StoreException failed(String sql, SQLException e) {
        statements.discard(sql);
        return new StoreException(e.getMessage() + " (in: " + sql.strip() + ")", e);
    }
}
