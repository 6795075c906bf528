package dev.earshot.store;

import dev.earshot.port.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConfig.JournalMode;
import org.sqlite.SQLiteConfig.SynchronousMode;
import org.sqlite.SQLiteConfig.TransactionMode;
import org.sqlite.SQLiteDataSource;

/**
 * The store in one SQLite file, set for durability (RELIABILITY.md, promise 8): WAL,
 * {@code synchronous=FULL}, a 10 s busy timeout, foreign keys on, IMMEDIATE write transactions.
 *
 * <p>One writer connection behind a fair lock serializes this process's writes; each write begins
 * with {@code BEGIN IMMEDIATE}, so a read-modify-write never has to upgrade its lock (the DEFERRED
 * trap) and another process on the same file waits on the busy timeout instead of failing.
 * Reads use a second, read-only connection, so they never wait behind a write and cannot write.
 *
 * <p>Instants are stored as epoch milliseconds: what comes back is truncated to the millisecond.
 */
public final class SqliteStore implements Store {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteStore.class);
    static final int BUSY_TIMEOUT_MILLIS = 10_000;
    private static final String MIGRATIONS = "classpath:db/migration/sqlite";

    private final Path file;
    private final Connection writer;
    private final Connection reader;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final ReentrantLock readLock = new ReentrantLock(true);

    private final Statements writerStatements;
    private final Statements readerStatements;

    private SqliteStore(Path file, Connection writer, Connection reader) {
        this.file = file;
        this.writer = writer;
        this.reader = reader;
        this.writerStatements = new Statements(writer);
        this.readerStatements = new Statements(reader);
    }

    /** Opens (or creates) the database at {@code file}, brings its schema up to date and checks its settings. */
    public static SqliteStore open(Path file) {
        Path path = file.toAbsolutePath();
        try {
            Files.createDirectories(path.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder for " + path, e);
        }
        String url = "jdbc:sqlite:" + path;
        Connection writer = null;
        try {
            writer = writerConfig().createConnection(url);
            Settings settings = Settings.of(writer).requireDurable();
            migrate(url);
            Connection reader = readerConfig().createConnection(url);
            LOG.info("Store open at {} (journal_mode={})", path, settings.journalMode());
            return new SqliteStore(path, writer, reader);
        } catch (SQLException e) {
            closeQuietly(writer, e);
            throw new StoreException("cannot open " + path + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(writer, e);
            throw e;
        }
    }

    @Override
    public <T> T write(Function<Tx, T> work) {
        return inTransaction(writeLock, writer, writerStatements, work);
    }

    @Override
    public <T> T read(Function<Tx, T> work) {
        return inTransaction(readLock, reader, readerStatements, work);
    }

    /** The settings of the writer connection as SQLite reports them now. */
    Settings settings() {
        writeLock.lock();
        try {
            return Settings.of(writer);
        } catch (SQLException e) {
            throw new StoreException("cannot read the settings of " + file, e);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void close() {
        writeLock.lock();
        readLock.lock();
        try {
            readerStatements.close();
            writerStatements.close();
            closeQuietly(reader, null);
            closeQuietly(writer, null);
        } finally {
            readLock.unlock();
            writeLock.unlock();
        }
    }

    /**
     * Leaving the driver's manual-commit mode is how we begin and commit: {@code setAutoCommit(false)}
     * runs the configured BEGIN, {@code setAutoCommit(true)} runs COMMIT. The driver's own
     * {@code commit()} would begin the next transaction at once and hold the write lock between ours.
     */
    private <T> T inTransaction(ReentrantLock lock, Connection connection, Statements statements,
                                Function<Tx, T> work) {
        if (lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("transactions do not nest: pass the Tx you already have");
        }
        lock.lock();
        try {
            begin(connection);
            Sql sql = new Sql(statements, Sql.Dialect.SQLITE);
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
        } finally {
            lock.unlock();
        }
    }

    private void begin(Connection connection) {
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            StoreException failure = new StoreException("cannot begin a transaction on " + file, e);
            leaveManualMode(connection, failure);
            throw failure;
        }
    }

    private void commit(Connection connection) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            StoreException failure = new StoreException("commit failed on " + file, e);
            rollback(connection, failure);
            throw failure;
        }
    }

    /** Rolls back; adds its own failures to {@code cause}, which the caller rethrows unchanged. */
    private static void rollback(Connection connection, Throwable cause) {
        try {
            // The driver begins again at once (for the writer, BEGIN IMMEDIATE, which may wait on
            // another process); leaveManualMode ends that empty transaction.
            connection.rollback();
        } catch (SQLException e) {
            // A store that cannot roll back must not commit half a transaction later: closing the
            // connection makes SQLite discard what is open, and every later call fails loudly.
            cause.addSuppressed(e);
            closeQuietly(connection, cause);
            return;
        }
        leaveManualMode(connection, cause);
    }

    private static void leaveManualMode(Connection connection, Throwable cause) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void closeQuietly(Connection connection, Throwable cause) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            if (cause != null) {
                cause.addSuppressed(e);
            } else {
                LOG.warn("Closing the store's connection failed: {}", e.getMessage());
            }
        }
    }

    private static void migrate(String url) {
        SQLiteDataSource dataSource = new SQLiteDataSource(writerConfig());
        dataSource.setUrl(url);
        Flyway.configure().dataSource(dataSource).locations(MIGRATIONS).load().migrate();
    }

    private static SQLiteConfig writerConfig() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(JournalMode.WAL);
        config.setSynchronous(SynchronousMode.FULL);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.enforceForeignKeys(true);
        config.setTransactionMode(TransactionMode.IMMEDIATE);
        return config;
    }

    private static SQLiteConfig readerConfig() {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.setTransactionMode(TransactionMode.DEFERRED); // a snapshot, no lock until the first read
        return config;
    }
}
