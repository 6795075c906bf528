package dev.earshot.config;

import static dev.earshot.config.Yaml.DEMO;
import static dev.earshot.config.Yaml.TEAM;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterpolationTest {
    private static String slack(String botToken) {
        return TEAM + DEMO + "chat:\n  slack:\n    appToken: a\n    channel: C1\n    botToken: \"" + botToken + "\"\n";
    }

    private static String botToken(String yaml, Map<String, String> env) throws ConfigException {
        return Yaml.load(yaml, env).chat().slack().botToken().reveal();
    }

    @Test
    void readsTheInjectedEnvironment() throws ConfigException {
        assertEquals("xoxb-1", botToken(slack("${SLACK_BOT_TOKEN}"), Map.of("SLACK_BOT_TOKEN", "xoxb-1")));
    }

    @Test
    void interpolatesInsideTextAndNonSecretKeys() throws ConfigException {
        EarshotConfig config = Yaml.load(TEAM + DEMO + "store:\n  path: ${DATA}/earshot-${ENV}.db\n"
                + "ops:\n  port: ${PORT}\n", Map.of("DATA", "/var/lib", "ENV", "prod", "PORT", "9090"));
        assertEquals("/var/lib/earshot-prod.db", config.store().path());
        assertEquals(9090, config.ops().port());
    }

    @Test
    void anUnsetVariableIsNamedWithItsPath() {
        assertEquals(List.of("chat.slack.botToken: environment variable SLACK_BOT_TOKEN is not set"),
                Yaml.problems(slack("${SLACK_BOT_TOKEN}"), Map.of("OTHER", "x")));
    }

    @Test
    void everyUnsetVariableIsListed() {
        assertEquals(List.of("store.path: environment variable DATA is not set",
                "sources[0].accessToken: environment variable MASTODON_TOKEN is not set"),
                Yaml.problems(TEAM + "store: { path: '${DATA}/e.db' }\nsources:\n"
                        + "  - { type: mastodon, name: m, instance: 'https://m.example', accessToken: '${MASTODON_TOKEN}' }\n",
                        Map.of()));
    }

    @Test
    void aFileIsReadAndTrimmed(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("slack_bot_token");
        Files.writeString(secret, "xoxb-from-file\n");
        assertEquals("xoxb-from-file", botToken(slack("${file:" + secret + "}"), Map.of()));
    }

    @Test
    void aMissingFileIsNamedWithItsPath(@TempDir Path dir) {
        Path secret = dir.resolve("absent");
        assertEquals(List.of("chat.slack.botToken: file " + secret + " does not exist"),
                Yaml.problems(slack("${file:" + secret + "}")));
    }

    @Test
    void doubleDollarEscapes() throws ConfigException {
        assertEquals("pa${ss}word", botToken(slack("pa$${ss}word"), Map.of("ss", "no")));
        assertEquals("$x$", botToken(slack("$x$"), Map.of()));
    }

    @Test
    void anUnclosedReferenceIsAProblem() {
        assertEquals(List.of("chat.slack.botToken: ${ is not closed with }; write $${ for a literal ${"),
                Yaml.problems(slack("${SLACK_BOT_TOKEN")));
    }

    @Test
    void anEmptyReferenceIsAProblem() {
        assertEquals(List.of("chat.slack.botToken: ${} names no environment variable"), Yaml.problems(slack("${}")));
    }

    @Test
    void listItemsAreInterpolatedWithTheirIndex() {
        assertEquals(List.of("priority.urgentWords[1]: environment variable WORD is not set"),
                Yaml.problems(TEAM + DEMO + "priority:\n  urgentWords: [refund, '${WORD}']\n"));
    }

    @Test
    void aValueCannotInjectYaml() throws ConfigException {
        EarshotConfig config = Yaml.load(TEAM + DEMO + "store:\n  path: ${P}\n",
                Map.of("P", "x\nops:\n  port: 1"));
        assertEquals("x\nops:\n  port: 1", config.store().path());
        assertEquals(8080, config.ops().port());
    }
}
