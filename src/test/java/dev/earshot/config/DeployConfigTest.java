package dev.earshot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** deploy/earshot.yml, the config compose.yml's two instances read, loads with its variables set. */
class DeployConfigTest {
    private static final Map<String, String> ENV = Map.of(
            "EARSHOT_DB_URL", "jdbc:postgresql://postgres:5432/earshot",
            "EARSHOT_DB_USER", "earshot",
            "EARSHOT_DB_PASSWORD", "db-secret",
            "SLACK_BOT_TOKEN", "xoxb-1",
            "SLACK_APP_TOKEN", "xapp-1",
            "SLACK_CHANNEL", "C0123456789",
            "MASTODON_TOKEN", "m-1");

    @Test
    void theComposeConfigReadsTheStoreAndEverySecretFromTheEnvironment() throws Exception {
        EarshotConfig config = ConfigLoader.load(Path.of("deploy", "earshot.yml"), ENV::get);
        assertEquals(StoreConfig.Type.POSTGRESQL, config.store().type());
        assertEquals("jdbc:postgresql://postgres:5432/earshot", config.store().url());
        assertEquals("db-secret", config.store().password().reveal());
        assertEquals("slack #C0123456789 (socket)", config.chat().describe());
    }

    @Test
    void composeHandsEachInstanceTheVariablesTheConfigNames() throws Exception {
        String compose = Files.readString(Path.of("compose.yml"));
        for (String name : ENV.keySet()) {
            assertTrue(compose.contains(name + ":"), () -> "compose.yml does not set " + name);
        }
        assertTrue(compose.contains("image: postgres:16"), "PostgreSQL 16");
    }
}
