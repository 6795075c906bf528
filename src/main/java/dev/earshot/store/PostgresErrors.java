package dev.earshot.store;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Predicate;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;

/**
 * What PostgreSQL's answers mean for Earshot: which failures a retry settles, and, for an operator,
 * which config key a failure to connect points at. Sentences never quote a password or a URL's
 * parameters (they may hold one).
 */
final class PostgresErrors {
    private static final String SERIALIZATION_FAILURE = "40001";
    private static final String DEADLOCK = "40P01";

    /** A problem for check-config and for the refusal to start: the config key, and what is wrong. */
    record Problem(String path, String sentence) {
        @Override
        public String toString() {
            return path + ": " + sentence;
        }
    }

    private PostgresErrors() {
    }

    /** A serialization failure or a deadlock: the transaction lost to a concurrent one and may run again. */
    static boolean mustRetry(Throwable failure) {
        return sqlException(failure)
                .map(SQLException::getSQLState)
                .filter(state -> SERIALIZATION_FAILURE.equals(state) || DEADLOCK.equals(state))
                .isPresent();
    }

    /** Why connecting failed, as the key to fix and a sentence. */
    static Problem explain(Throwable failure) {
        Optional<SQLException> sql = sqlException(failure);
        String state = sql.map(SQLException::getSQLState).orElse("");
        if ("28P01".equals(state)) {
            return new Problem("store.password", "the server refused this password for store.user");
        }
        if (state.startsWith("28")) {
            return new Problem("store.user", "the server refused this user: " + serverSays(sql.get()));
        }
        if ("3D000".equals(state)) {
            return new Problem("store.url", "the server has no such database; create it, or fix the name after"
                    + " the port");
        }
        if (state.startsWith("08") || cause(failure, ConnectException.class).isPresent()) {
            return new Problem("store.url", "no PostgreSQL server answers at this host and port ("
                    + networkReason(failure) + "): is it running, and is the address right?");
        }
        if ("53300".equals(state)) {
            return new Problem("store.url", "the server has no connection left for Earshot (max_connections)");
        }
        return new Problem("store.url", "cannot connect" + (state.isEmpty() ? "" : " (SQLSTATE " + state + ")")
                + ": " + sql.map(PostgresErrors::serverSays).orElse(String.valueOf(failure.getMessage())));
    }

    /**
     * When the database was migrated by a newer Earshot: its schema may mean things this version
     * does not know, so it must not run on it. Flyway itself would only skip the unknown migrations.
     */
    static Optional<String> newerSchema(Flyway flyway) {
        MigrationInfo[] all = flyway.info().all();
        Predicate<MigrationInfo> future = i -> i.getState() == MigrationState.FUTURE_SUCCESS
                || i.getState() == MigrationState.FUTURE_FAILED;
        Optional<MigrationVersion> newest = Arrays.stream(all).filter(future).map(MigrationInfo::getVersion)
                .reduce((a, b) -> a.compareTo(b) >= 0 ? a : b);
        Optional<MigrationVersion> known = Arrays.stream(all).filter(future.negate())
                .map(MigrationInfo::getVersion).reduce((a, b) -> a.compareTo(b) >= 0 ? a : b);
        return newest.map(v -> "the database's schema is at version " + v + ", newer than this Earshot knows (up to "
                + known.map(MigrationVersion::toString).orElse("none") + "): run the Earshot that upgraded it,"
                + " or a newer one");
    }

    /** The URL without its parameters, which may hold a password: {@code jdbc:postgresql://db:5432/earshot}. */
    static String withoutParameters(String url) {
        return url == null ? "" : url.replaceFirst("[?;].*$", "");
    }

    private static String networkReason(Throwable failure) {
        if (cause(failure, UnknownHostException.class).isPresent()) {
            return "unknown host";
        }
        if (cause(failure, SocketTimeoutException.class).isPresent()) {
            return "timed out";
        }
        if (cause(failure, ConnectException.class).isPresent()) {
            return "connection refused";
        }
        return "the connection failed";
    }

    /** The server's first line; PostgreSQL's messages name users and databases, never passwords. */
    private static String serverSays(SQLException e) {
        String message = String.valueOf(e.getMessage());
        int line = message.indexOf('\n');
        return line < 0 ? message : message.substring(0, line);
    }

    private static Optional<SQLException> sqlException(Throwable failure) {
        return cause(failure, SQLException.class);
    }

    private static <T extends Throwable> Optional<T> cause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }
}
