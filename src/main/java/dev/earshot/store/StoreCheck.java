package dev.earshot.store;

import dev.earshot.config.ConfigException;
import dev.earshot.config.StoreConfig;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.postgresql.Driver;

/**
 * What {@code earshot check-config} learns by trying the store: for PostgreSQL, that the URL reads,
 * that the server answers, that it takes the user and password, and that its schema is not newer
 * than this version. Each problem is a line {@code key: sentence}, like the config's own. SQLite has
 * nothing to ask: its file is created on start.
 */
public final class StoreCheck {
    private static final String TIMEOUT_SECONDS = "5";

    private StoreCheck() {
    }

    /**
     * For check-config: prints the problems to {@code err} as the config's own are printed and says
     * whether there were none. {@code source} names the config file.
     */
    public static boolean passes(String source, StoreConfig config, PrintStream err) {
        List<String> problems = problems(config);
        if (!problems.isEmpty()) {
            err.println(new ConfigException(source, problems).getMessage());
        }
        return problems.isEmpty();
    }

    /** The problems found; empty when the store can be opened. Connects once and changes nothing. */
    public static List<String> problems(StoreConfig config) {
        if (config.type() != StoreConfig.Type.POSTGRESQL) {
            return List.of();
        }
        Properties props = new Properties();
        props.setProperty("user", config.user());
        props.setProperty("password", config.passwordOrEmpty());
        props.setProperty("connectTimeout", TIMEOUT_SECONDS);
        props.setProperty("loginTimeout", TIMEOUT_SECONDS);
        props.setProperty("ApplicationName", "earshot check-config");
        if (Driver.parseURL(config.url(), props) == null) {
            return List.of(new PostgresErrors.Problem("store.url", "not a PostgreSQL JDBC URL; write it like "
                    + StoreConfig.URL_PREFIX + "db.example.com:5432/earshot").toString());
        }
        try (Connection ignored = new Driver().connect(config.url(), props)) {
            // reached, and the user and password were taken
        } catch (SQLException e) {
            return List.of(PostgresErrors.explain(e).toString());
        }
        Flyway flyway = Flyway.configure()
                .dataSource(config.url(), config.user(), props.getProperty("password"))
                .locations(PostgresStore.MIGRATIONS).load();
        return PostgresErrors.newerSchema(flyway).map(s -> List.of("store.url: " + s)).orElse(List.of());
    }
}
