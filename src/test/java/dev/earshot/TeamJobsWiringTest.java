package dev.earshot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.earshot.config.ConfigLoader;
import dev.earshot.config.EarshotConfig;
import dev.earshot.store.TestPostgres;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The composition root on PostgreSQL puts the team's jobs (the tick, the digest) in Quartz's
 * clustered job store in the same database, and takes the digest out again once it is turned off.
 */
class TeamJobsWiringTest {
    @TempDir
    Path dir;

    @Test
    void onPostgresqlTheTickAndTheDigestLiveInTheClusteredJobStore() throws Exception {
        String url = TestPostgres.migratedDatabase();

        start(url, true);
        assertEquals(List.of("digest:daily", "digest:hourly-check", "tick"), triggers(url));
        assertEquals(1, count(url, "SELECT COUNT(*) FROM qrtz_scheduler_state"), "this instance checked in");

        start(url, false);
        assertEquals(List.of("tick"), triggers(url), "the digest is off: its triggers are gone");
    }

    /** Starts Earshot on the database at {@code url} with the demo source and the terminal chat, then stops it. */
    private void start(String url, boolean digest) throws Exception {
        Path config = dir.resolve("earshot.yml");
        Files.writeString(config, """
                team:
                  members: [{ name: alice }]
                store:
                  type: postgresql
                  url: %s
                  user: %s
                  password: ${DB_PASSWORD}
                  path: %s
                sources:
                  - { type: demo, name: demo }
                ops:
                  port: 0
                digest:
                  enabled: %s
                """.formatted(url, TestPostgres.USER, dir.resolve("data/earshot.db"), digest));
        EarshotConfig loaded = ConfigLoader.load(config, name -> name.equals("DB_PASSWORD") ? TestPostgres.PASSWORD : null);
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        try (Earshot earshot = Earshot.start(loaded, Clock.systemUTC(),
                new Earshot.Terminal(new BufferedReader(new StringReader("")), out))) {
            earshot.runConsole();
        }
    }

    private static List<String> triggers(String url) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, TestPostgres.USER, TestPostgres.PASSWORD);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT trigger_name FROM qrtz_triggers WHERE sched_name = 'earshot'"
                     + " ORDER BY trigger_name")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static long count(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, TestPostgres.USER, TestPostgres.PASSWORD);
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
