package dev.earshot.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.earshot.port.Store;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.pattern.ValidatePattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store in a PostgreSQL database, through a HikariCP pool. The SQL is SQLite's ({@link SqlTx}):
 * the two dialects agree on everything a transaction does; they differ only in the schema (ids are
 * identity columns: {@code db/migration/postgresql}) and in how a transaction is run, which is here.
 *
 * <p><b>Isolation.</b> Write transactions run SERIALIZABLE and are retried, whole, when PostgreSQL
 * reports a serialization failure (SQLSTATE 40001) or a deadlock (40P01). The use cases were written
 * for SQLite, which runs one write transaction at a time, and some rely on it: ingest looks for the
 * author's open conversation and opens one if there is none, and no constraint could say "one open
 * conversation per author and thread". READ COMMITTED would let two instances both open one;
 * SERIALIZABLE guarantees that every commit is as if the transactions had run one by one, as in SQLite,
 * so the same code is right on both. The single-statement guards hold besides: the claim is
 * {@code UPDATE ... WHERE version = ?}, nudges, runs and cursors are unique keys written with
 * {@code ON CONFLICT}, a duplicate message breaks a unique key. A retried transaction runs
 * {@code work} again on a fresh snapshot, so {@code work} must not act outside the transaction
 * (the use cases only log, and a retry is rare). Retrying at once could lose again and again on a
 * hot row (16 writers on one conversation lose a third of their first tries); a transaction that lost
 * {@value #ALONE_AFTER} times therefore runs alone, through the write gate ({@code V5_1__write_gate.sql}):
 * no sleeping, no starving. Reads run REPEATABLE READ, READ ONLY: one snapshot, no lock, never a
 * serialization failure.
 *
 * <p>Instants are stored as epoch milliseconds, as in SQLite.
 */
public final class PostgresStore implements Store {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresStore.class);
    static final String MIGRATIONS = "classpath:db/migration/postgresql";
    /** Failed attempts after which a write transaction runs alone. */
    static final int ALONE_AFTER = 3;
    /** Running alone cannot lose to a concurrent writer; the bound is there should anything else fail so. */
    static final int MAX_ATTEMPTS = ALONE_AFTER + 2;
    private static final String WRITE_WITH_OTHERS = "LOCK TABLE write_gate IN ROW EXCLUSIVE MODE";
    private static final String WRITE_ALONE = "LOCK TABLE write_gate IN EXCLUSIVE MODE";
    private static final int POOL_SIZE = 10;

    private final HikariDataSource pool;
    private final String where;
    private final ThreadLocal<Boolean> inTransaction = ThreadLocal.withInitial(() -> false);

    private PostgresStore(HikariDataSource pool, String where) {
        this.pool = pool;
        this.where = where;
    }

    /**
     * Connects, brings the schema up to date and refuses a schema newer than this version knows.
     *
     * @param url a JDBC URL, {@code jdbc:postgresql://host:5432/earshot}
     */
    public static PostgresStore open(String url, String user, String password) {
        String where = PostgresErrors.withoutParameters(url);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(poolConfig(url, user, password));
        } catch (RuntimeException e) { // Hikari tries one connection at once and wraps what went wrong
            throw new StoreException("cannot open " + where + ": " + PostgresErrors.explain(e), e);
        }
        try {
            migrate(pool, where);
            LOG.info("Store open at {} (PostgreSQL, pool of {})", where, POOL_SIZE);
            return new PostgresStore(pool, where);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    @Override
    public <T> T write(Function<Tx, T> work) {
        return inTransaction(false, work);
    }

    @Override
    public <T> T read(Function<Tx, T> work) {
        return inTransaction(true, work);
    }

    @Override
    public void close() {
        pool.close();
    }

    /** The pool, for the tools that copy a store (migrate-store) and for tests. */
    DataSource dataSource() {
        return pool;
    }

    private <T> T inTransaction(boolean readOnly, Function<Tx, T> work) {
        if (inTransaction.get()) {
            throw new IllegalStateException("transactions do not nest: pass the Tx you already have");
        }
        inTransaction.set(true);
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    return once(readOnly, attempt > ALONE_AFTER, work);
                } catch (StoreException e) {
                    if (!PostgresErrors.mustRetry(e) || attempt == MAX_ATTEMPTS) {
                        throw e;
                    }
                    LOG.debug("Transaction on {} met a concurrent one; attempt {} again", where, attempt + 1);
                }
            }
        } finally {
            inTransaction.remove();
        }
    }

    private <T> T once(boolean readOnly, boolean alone, Function<Tx, T> work) {
        Connection connection;
        try {
            connection = pool.getConnection();
            connection.setReadOnly(readOnly);
            connection.setTransactionIsolation(readOnly
                    ? Connection.TRANSACTION_REPEATABLE_READ : Connection.TRANSACTION_SERIALIZABLE);
            if (!readOnly) {
                try (Statement gate = connection.createStatement()) {
                    gate.execute(alone ? WRITE_ALONE : WRITE_WITH_OTHERS);
                } catch (SQLException e) {
                    rollback(connection, e);
                    connection.close();
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot begin a transaction on " + where + ": " + e.getMessage(), e);
        }
        // The pool hands the connection back with autocommit off, its isolation and read-only reset.
        try (connection; Statements statements = new Statements(connection)) {
            Sql sql = new Sql(statements, Sql.Dialect.POSTGRESQL);
            T result;
            try {
                result = work.apply(new SqlTx(sql));
            } catch (Throwable e) { // even a sneaky checked one must not leave the transaction open
                rollback(connection, e);
                throw e;
            } finally {
                sql.end();
            }
            commit(connection);
            return result;
        } catch (SQLException e) { // from closing: the transaction was already settled
            LOG.warn("Returning a connection to the pool of {} failed: {}", where, e.getMessage());
            throw new StoreException("cannot return a connection to the pool of " + where, e);
        }
    }

    private void commit(Connection connection) {
        try {
            connection.commit();
        } catch (SQLException e) {
            StoreException failure = new StoreException("commit failed on " + where + ": " + e.getMessage(), e);
            rollback(connection, failure);
            throw failure;
        }
    }

    /** Rolls back; adds its own failure to {@code cause}, which the caller rethrows unchanged. */
    private static void rollback(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // The pool evicts a broken connection; PostgreSQL discards what was open on it.
            cause.addSuppressed(e);
        }
    }

    private static HikariConfig poolConfig(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("earshot-store");
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setAutoCommit(false);
        config.setTransactionIsolation("TRANSACTION_SERIALIZABLE");
        config.setConnectionTimeout(10_000);
        config.addDataSourceProperty("ApplicationName", "earshot");
        config.addDataSourceProperty("connectTimeout", "10");
        config.addDataSourceProperty("tcpKeepAlive", "true");
        return config;
    }

    private static void migrate(DataSource pool, String where) {
        // No ignore patterns: by default Flyway skips migrations it does not know (a newer Earshot's),
        // and this version would then run on a schema it does not understand. Validation refuses them.
        Flyway flyway = Flyway.configure().dataSource(pool).locations(MIGRATIONS)
                .ignoreMigrationPatterns(new ValidatePattern[0]).load();
        try {
            flyway.migrate();
        } catch (FlywayException e) {
            throw new StoreException(where + ": " + PostgresErrors.newerSchema(flyway).orElse(e.getMessage()), e);
        }
    }
}
