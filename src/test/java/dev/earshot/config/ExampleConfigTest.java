package dev.earshot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** config.example.yml at the project top runs as-is and documents every key. */
class ExampleConfigTest {
    private static final Path EXAMPLE = Path.of("config.example.yml");

    @Test
    void runsAsIsWithTheDemoSourceAndTheShellChat() throws ConfigException {
        EarshotConfig config = ConfigLoader.load(EXAMPLE, name -> null);
        assertEquals("shell #support", config.chat().describe());
        assertInstanceOf(DemoSourceConfig.class, config.sources().get(0));
        assertEquals(List.of("alice", "bob"), config.team().members().stream().map(MemberConfig::name).toList());
    }

    @Test
    void everyKeyIsWrittenWithAComment() throws IOException {
        String text = Files.readString(EXAMPLE);
        List<Class<? extends Record>> sections = List.of(EarshotConfig.class, TeamConfig.class,
                MemberConfig.class, StoreConfig.class, ChatConfig.class, ShellChatConfig.class,
                SlackChatConfig.class, DiscordChatConfig.class, DemoSourceConfig.class,
                MastodonSourceConfig.class, BlueskySourceConfig.class, XSourceConfig.class,
                OpsConfig.class, PriorityConfig.class, BusinessHoursConfig.class, SlaConfig.class,
                NudgesConfig.class, NudgesConfig.Step.class, OnCallConfig.class, ContinuityConfig.class,
                RouteConfig.class, TemplateConfig.class, DigestConfig.class);
        for (Class<? extends Record> section : sections) {
            for (RecordComponent key : section.getRecordComponents()) {
                Pattern documented = Pattern.compile("(?m)^[ #-]*" + key.getName() + ":.*#\\s*\\S");
                Pattern nested = Pattern.compile("(?m)^[ #-]*" + key.getName() + ":\\s*(#.*)?$");
                assertTrue(documented.matcher(text).find() || nested.matcher(text).find(),
                        () -> section.getSimpleName() + "." + key.getName() + " is not documented");
            }
        }
        for (String type : SourceConfig.TYPES) {
            assertTrue(text.contains("type: " + type), () -> "source type " + type + " is not shown");
        }
    }

    @Test
    void everySecretComesFromTheEnvironment() throws IOException {
        String text = Files.readString(EXAMPLE);
        List<String> secretKeys = List.of("botToken", "appToken", "signingSecret", "token", "accessToken",
                "appPassword", "apiKey", "apiSecret", "accessTokenSecret", "clientId", "clientSecret", "password");
        for (String key : secretKeys) {
            Matcher m = Pattern.compile("(?m)^[ #-]*" + key + ":\\s*(\\S+)").matcher(text);
            assertTrue(m.find(), () -> key + " is not shown");
            do {
                assertTrue(m.group(1).matches("\\$\\{[A-Z_]+}"), key + " is not ${ENV_VAR}: " + m.group(1));
            } while (m.find());
        }
    }

    @Test
    void theCommentedSlackAndSourcesAreValidWhenUncommented() throws IOException, ConfigException {
        String uncommented = uncomment(Files.readString(EXAMPLE), "slack");
        Map<String, String> env = new java.util.HashMap<>(Map.of("SLACK_BOT_TOKEN", "b", "SLACK_APP_TOKEN", "a",
                "SLACK_SIGNING_SECRET", "s", "MASTODON_TOKEN", "m", "BLUESKY_APP_PASSWORD", "p",
                "X_API_KEY", "k", "X_API_SECRET", "s", "X_ACCESS_TOKEN", "t", "X_ACCESS_TOKEN_SECRET", "ts"));
        env.putAll(Map.of("REDDIT_CLIENT_ID", "i", "REDDIT_CLIENT_SECRET", "rs", "REDDIT_PASSWORD", "rp"));
        EarshotConfig config = ConfigLoader.load(uncommented, "uncommented example", env::get);
        assertEquals("C0123456789", config.chat().slack().channel());
        assertEquals(List.of("demo", "mastodon", "bluesky", "x", "reddit", "feed"),
                config.sources().stream().map(s -> s.platform().id()).toList());
    }

    @Test
    void theCommentedDiscordIsValidWhenUncommented() throws IOException, ConfigException {
        String uncommented = uncomment(Files.readString(EXAMPLE), "discord");
        EarshotConfig config = ConfigLoader.load(uncommented, "uncommented example",
                name -> name.equals("DISCORD_BOT_TOKEN") ? "d" : name.matches("(MASTODON|BLUESKY|X|REDDIT)_[A-Z_]+")
                        ? "s" : null);
        assertEquals("discord #123456789012345678", config.chat().describe());
    }

    /** Drops the shell chat and uncomments the block of {@code chat} and each commented source. */
    private static String uncomment(String text, String chat) {
        StringBuilder out = new StringBuilder();
        boolean inBlock = false;
        for (String line : text.split("\n")) {
            if (line.matches("  # " + chat + ":.*|  # - type: .*")) {
                inBlock = true;
            } else if (!line.startsWith("  #   ")) {
                inBlock = false;
            }
            if (line.matches("  shell:.*|    channel: support.*")) {
                continue;
            }
            out.append(inBlock ? line.replaceFirst("# ", "") : line).append('\n');
        }
        return out.toString();
    }
}
