package dev.earshot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.config.Secret;
import dev.earshot.config.StoreConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** check-config tries the PostgreSQL store and names the key to fix; a newer schema stops the store from opening. */
class StoreCheckTest {

    @Test
    void a_store_that_can_be_opened_has_no_problem() {
        assertEquals(List.of(), StoreCheck.problems(config(TestPostgres.migratedDatabase(), TestPostgres.PASSWORD)));
        assertEquals(List.of(), StoreCheck.problems(config(TestPostgres.emptyDatabase(), TestPostgres.PASSWORD)),
                "an empty database is migrated on start");
        assertEquals(List.of(), StoreCheck.problems(StoreConfig.defaults()), "SQLite: nothing to ask");
    }

    @Test
    void a_refused_password_points_at_store_password_without_quoting_it() {
        String url = TestPostgres.migratedDatabase();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        boolean passed = StoreCheck.passes("earshot.yml", config(url, "wrong-password"),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        String said = err.toString(StandardCharsets.UTF_8);
        assertFalse(passed);
        assertTrue(said.startsWith("earshot.yml has 1 problem:"), said);
        assertTrue(said.contains("store.password: the server refused this password for store.user"), said);
        assertFalse(said.contains("wrong-password"), said);
    }

    @Test
    void a_server_that_cannot_be_reached_points_at_store_url() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        List<String> problems = StoreCheck.problems(config("jdbc:postgresql://127.0.0.1:" + closedPort + "/earshot",
                TestPostgres.PASSWORD));

        assertEquals(List.of("store.url: no PostgreSQL server answers at this host and port (connection refused):"
                + " is it running, and is the address right?"), problems);
    }

    @Test
    void a_wrong_database_name_or_a_url_the_driver_cannot_read_points_at_store_url() {
        assertEquals(List.of("store.url: the server has no such database; create it, or fix the name after the port"),
                StoreCheck.problems(config(TestPostgres.url("no_such_database"), TestPostgres.PASSWORD)));
        assertEquals(List.of("store.url: not a PostgreSQL JDBC URL; write it like"
                        + " jdbc:postgresql://db.example.com:5432/earshot"),
                StoreCheck.problems(config("jdbc:postgresql://127.0.0.1:99999/earshot", TestPostgres.PASSWORD)));
    }

    @Test
    void a_schema_newer_than_this_version_is_named_and_the_store_refuses_to_open_on_it() {
        String url = TestPostgres.migratedDatabase();
        TestPostgres.superuser(url, "INSERT INTO flyway_schema_history (installed_rank, version, description, type,"
                + " script, checksum, installed_by, execution_time, success)"
                + " VALUES (100, '99', 'from a newer earshot', 'SQL', 'V99__later.sql', 0, 'earshot', 1, true)");

        List<String> problems = StoreCheck.problems(config(url, TestPostgres.PASSWORD));
        StoreException refused = assertThrows(StoreException.class,
                () -> PostgresStore.open(url, TestPostgres.USER, TestPostgres.PASSWORD));

        // The version this Earshot knows grows with every migration; the sentence around it does not.
        String sentence = "the database's schema is at version 99, newer than this Earshot knows \\(up to [0-9.]+\\):"
                + " run the Earshot that upgraded it, or a newer one";
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).matches("store\\.url: " + sentence), problems.get(0));
        assertTrue(refused.getMessage().matches("(?s).*" + sentence), refused.getMessage());
    }

    private static StoreConfig config(String url, String password) {
        return new StoreConfig(StoreConfig.Type.POSTGRESQL, null, url, TestPostgres.USER, new Secret(password));
    }
}
