package dev.earshot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Promise 20: a canary token appears in no output of the config package. */
class SecretLeakTest {
    private static final String CANARY = "xoxb-canary-123";
    private static final Map<String, String> ENV = Map.of("TOKEN", CANARY, "TOKEN_NL", CANARY + "\n");

    private static final String EVERY_SECRET = """
            team:
              members: [{ name: alice }]
            chat:
              slack:
                botToken: ${TOKEN}
                appToken: ${TOKEN_NL}
                signingSecret: xoxb-canary-123
                channel: C1
            sources:
              - { type: mastodon, name: m, instance: "https://m.example", accessToken: "${TOKEN}" }
              - { type: bluesky, name: b, handle: h, appPassword: "${TOKEN}" }
              - { type: x, name: x, apiKey: "${TOKEN}", apiSecret: "${TOKEN}", accessToken: "${TOKEN}",
                  accessTokenSecret: "${TOKEN_NL}" }
            """;

    @Test
    void aLoadedConfigNeverPrintsItsSecrets() throws ConfigException {
        EarshotConfig config = Yaml.load(EVERY_SECRET, ENV);
        assertEquals(CANARY, config.chat().slack().appToken().reveal());

        List<String> outputs = List.of(config.toString(), config.describe(), config.chat().toString(),
                config.sources().toString(), config.chat().describe());
        outputs.forEach(SecretLeakTest::assertClean);
    }

    @Test
    void problemsNeverQuoteASecret(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("token");
        Files.writeString(file, CANARY + "\n");
        List<String> broken = List.of(
                // Secrets where another type is expected.
                EVERY_SECRET + "ops:\n  port: ${TOKEN}\n",
                EVERY_SECRET + "store:\n  type: ${TOKEN}\n",
                EVERY_SECRET + "team2: ${TOKEN}\n",
                Yaml.TEAM + "sources:\n  - { type: demo, name: d, pollEvery: '${file:" + file + "}', seed: '${TOKEN}' }\n",
                Yaml.TEAM + "sources:\n  - { type: '${TOKEN}', name: d }\n",
                Yaml.TEAM + "team:\n  timezone: ${TOKEN}\n",
                Yaml.TEAM + Yaml.DEMO + "priority: { urgentWords: { a: '${TOKEN}' } }\n",
                // A token inside a URL.
                Yaml.TEAM + "sources:\n  - { type: mastodon, name: m, accessToken: t,"
                        + " instance: 'https://u:xoxb-canary-123@m.example' }\n",
                Yaml.TEAM + "sources:\n  - { type: mastodon, name: m, accessToken: t,"
                        + " instance: 'https://m.example/xoxb-canary-123 x' }\n",
                // A token written in clear in broken YAML.
                "chat:\n  slack:\n    botToken: xoxb-canary-123: oops\n",
                "chat:\n  slack: [xoxb-canary-123\n",
                "chat:\n  slack:\n    botToken: \"xoxb-canary-123\n",
                "chat:\n\tbotToken: xoxb-canary-123\n");
        List<String> outputs = new ArrayList<>();
        for (String yaml : broken) {
            ConfigException e = assertThrows(ConfigException.class, () -> Yaml.load(yaml, ENV), yaml);
            outputs.add(e.getMessage());
            outputs.addAll(e.problems());
        }
        outputs.forEach(SecretLeakTest::assertClean);
        assertFalse(outputs.isEmpty());
    }

    private static void assertClean(String output) {
        assertFalse(output.contains(CANARY), () -> "the canary leaked: " + output);
        assertFalse(output.contains("canary"), () -> "part of the canary leaked: " + output);
    }
}
