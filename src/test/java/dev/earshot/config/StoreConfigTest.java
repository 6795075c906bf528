package dev.earshot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** store.type: postgresql, its keys and what is said when they are wrong. */
class StoreConfigTest {
    private static final Map<String, String> ENV = Map.of("EARSHOT_DB_PASSWORD", "s3cret");

    @Test
    void a_postgresql_store_binds_its_url_user_and_password_from_the_environment() throws ConfigException {
        EarshotConfig config = Yaml.load(Yaml.TEAM + Yaml.DEMO + """
                store:
                  type: postgresql
                  url: jdbc:postgresql://db.internal:5432/earshot?sslmode=require&password=inline
                  user: earshot
                  password: ${EARSHOT_DB_PASSWORD}
                """, ENV);

        StoreConfig store = config.store();
        assertEquals(StoreConfig.Type.POSTGRESQL, store.type());
        assertEquals("jdbc:postgresql://db.internal:5432/earshot?sslmode=require&password=inline", store.url());
        assertEquals("earshot", store.user());
        assertEquals("s3cret", store.password().reveal());
        // check-config's summary names the server and the database, never a parameter that may hold a password
        assertTrue(config.describe().contains("store: postgresql jdbc:postgresql://db.internal:5432/earshot ·"),
                config::describe);
        assertFalse(config.describe().contains("inline"), config::describe);
        assertFalse(store.toString().contains("s3cret"), store::toString);
    }

    @Test
    void a_postgresql_store_needs_a_url_a_user_and_a_password() {
        List<String> problems = Yaml.problems(Yaml.TEAM + Yaml.DEMO + """
                store:
                  type: postgresql
                """);

        assertEquals(List.of("store.url: must be set in postgresql mode",
                "store.user: must be set in postgresql mode",
                "store.password: must be set in postgresql mode"), problems);
    }

    @Test
    void a_url_that_is_not_a_postgresql_jdbc_url_is_named_by_path_without_quoting_it() {
        for (String wrong : List.of("postgres://db:5432/earshot", "jdbc:postgresql://db:5432",
                "jdbc:mysql://db/earshot", "jdbc:postgresql:earshot")) {
            List<String> problems = Yaml.problems(Yaml.TEAM + Yaml.DEMO + """
                    store:
                      type: postgresql
                      url: %s
                      user: earshot
                      password: x
                    """.formatted(wrong));

            assertEquals(List.of("store.url: not a PostgreSQL JDBC URL; write it like"
                    + " jdbc:postgresql://db.example.com:5432/earshot"), problems, wrong);
        }
    }

    @Test
    void sqlite_stays_the_default_and_needs_none_of_the_postgresql_keys() throws ConfigException {
        EarshotConfig config = Yaml.load(Yaml.TEAM + Yaml.DEMO);

        assertEquals(new StoreConfig(StoreConfig.Type.SQLITE, StoreConfig.DEFAULT_PATH), config.store());
        assertTrue(config.describe().contains("store: sqlite ./data/earshot.db"), config::describe);
    }
}
