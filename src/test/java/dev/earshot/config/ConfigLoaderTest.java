package dev.earshot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.core.Author;
import dev.earshot.core.Member;
import dev.earshot.core.Message;
import dev.earshot.core.MessageKind;
import dev.earshot.core.Platform;
import dev.earshot.core.PriorityRules;
import dev.earshot.core.Team;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private static final Map<String, String> ENV = Map.of(
            "SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1",
            "MASTODON_TOKEN", "m-1", "BLUESKY_APP_PASSWORD", "b-1",
            "X_KEY", "k", "X_SECRET", "s", "X_TOKEN", "t", "X_TOKEN_SECRET", "ts");

    private static final String FULL = """
            team:
              timezone: Europe/Paris
              members:
                - name: alice
                  slack: U012AB3CD
                  discord: "1122"
                  admin: true
                - name: bob
            store:
              type: sqlite
              path: /data/e.db
            chat:
              slack:
                mode: http
                botToken: ${SLACK_BOT_TOKEN}
                appToken: ${SLACK_APP_TOKEN}
                signingSecret: literal-signing
                port: 3100
                apiUrl: http://127.0.0.1:9999/api/
                channel: C0123456789
            sources:
              - type: demo
                name: demo
                seed: 7
                pollEvery: 2s
                account: globex
              - type: mastodon
                name: acme-mastodon
                instance: https://mastodon.social
                accessToken: ${MASTODON_TOKEN}
                pollEvery: 1h30m
                backfill: 2d
                backfillMax: 50
              - type: bluesky
                name: acme-bsky
                handle: acme.bsky.social
                appPassword: ${BLUESKY_APP_PASSWORD}
                service: https://pds.example.org
              - type: x
                name: acme-x
                apiKey: ${X_KEY}
                apiSecret: ${X_SECRET}
                accessToken: ${X_TOKEN}
                accessTokenSecret: ${X_TOKEN_SECRET}
                baseUrl: http://localhost:8081
                backfill: 0s
                pageSize: 20
            ops:
              port: 0
              bind: 127.0.0.1
            priority:
              urgentWords: [refund, "on fire"]
            """;

    @Test
    void aFullConfigBindsEveryValue() throws ConfigException {
        EarshotConfig config = Yaml.load(FULL, ENV);

        assertEquals(ZoneId.of("Europe/Paris"), config.team().timezone());
        assertEquals(List.of(new MemberConfig("alice", "U012AB3CD", "1122", true),
                new MemberConfig("bob", null, null, false)), config.team().members());
        assertEquals(new StoreConfig(StoreConfig.Type.SQLITE, "/data/e.db"), config.store());

        SlackChatConfig slack = config.chat().slack();
        assertNull(config.chat().shell());
        assertEquals(SlackChatConfig.Mode.HTTP, slack.mode());
        assertEquals("xoxb-1", slack.botToken().reveal());
        assertEquals("xapp-1", slack.appToken().reveal());
        assertEquals("literal-signing", slack.signingSecret().reveal());
        assertEquals(3100, slack.port());
        assertEquals(URI.create("http://127.0.0.1:9999/api/"), slack.apiUrl());
        assertEquals("C0123456789", slack.channel());

        assertEquals(new DemoSourceConfig("demo", 7L, Duration.ofSeconds(2), "globex"), config.sources().get(0));
        assertEquals(new MastodonSourceConfig("acme-mastodon", URI.create("https://mastodon.social"),
                new Secret("m-1"), Duration.ofMinutes(90), Duration.ofDays(2), 50), config.sources().get(1));
        assertEquals(new BlueskySourceConfig("acme-bsky", "acme.bsky.social", new Secret("b-1"),
                URI.create("https://pds.example.org"), Duration.ofSeconds(30), Duration.ofHours(24), 200),
                config.sources().get(2));
        XSourceConfig x = assertInstanceOf(XSourceConfig.class, config.sources().get(3));
        assertEquals(List.of("k", "s", "t", "ts"), List.of(x.apiKey().reveal(), x.apiSecret().reveal(),
                x.accessToken().reveal(), x.accessTokenSecret().reveal()));
        assertEquals(URI.create("http://localhost:8081"), x.baseUrl());
        assertEquals(Duration.ofSeconds(60), x.pollEvery());
        assertEquals(Duration.ZERO, x.backfill());
        assertEquals(20, x.pageSize());
        assertEquals(List.of(Platform.DEMO, Platform.MASTODON, Platform.BLUESKY, Platform.X),
                config.sources().stream().map(SourceConfig::platform).toList());

        assertEquals(new OpsConfig(0, "127.0.0.1"), config.ops());
        assertEquals(false, config.ops().enabled());
        assertEquals(List.of("refund", "on fire"), config.priority().urgentWords());
    }

    @Test
    void aMinimalConfigGetsTheDefaults() throws ConfigException {
        EarshotConfig config = Yaml.load(Yaml.TEAM + Yaml.DEMO);

        assertEquals(ZoneId.of("UTC"), config.team().timezone());
        assertEquals(new StoreConfig(StoreConfig.Type.SQLITE, "./data/earshot.db"), config.store());
        assertEquals(new ChatConfig(new ShellChatConfig("support"), null, null), config.chat());
        assertEquals(List.of(new DemoSourceConfig("demo", 42L, Duration.ofSeconds(8), "acme")), config.sources());
        assertEquals(new OpsConfig(8080, "0.0.0.0"), config.ops());
        assertEquals(PriorityRules.DEFAULT_URGENT_WORDS, config.priority().urgentWords());
    }

    @Test
    void realSourcesGetTheirDefaults() throws ConfigException {
        EarshotConfig config = Yaml.load(Yaml.TEAM + """
                sources:
                  - { type: mastodon, name: m, instance: "https://m.example", accessToken: t }
                  - { type: bluesky, name: b, handle: b.example, appPassword: p }
                  - { type: x, name: x, apiKey: a, apiSecret: b, accessToken: c, accessTokenSecret: d }
                """);
        MastodonSourceConfig m = (MastodonSourceConfig) config.sources().get(0);
        BlueskySourceConfig b = (BlueskySourceConfig) config.sources().get(1);
        XSourceConfig x = (XSourceConfig) config.sources().get(2);
        assertEquals(List.of(Duration.ofSeconds(30), Duration.ofHours(24)), List.of(m.pollEvery(), m.backfill()));
        assertEquals(200, m.backfillMax());
        assertEquals(URI.create("https://bsky.social"), b.service());
        assertEquals(List.of(Duration.ofSeconds(30), Duration.ofHours(24)), List.of(b.pollEvery(), b.backfill()));
        assertEquals(URI.create("https://api.x.com"), x.baseUrl());
        assertEquals(List.of(Duration.ofSeconds(60), Duration.ofHours(24)), List.of(x.pollEvery(), x.backfill()));
        assertEquals(200, x.backfillMax());
        assertEquals(100, x.pageSize());
        assertEquals(List.of(), m.keywords(), "no keyword search unless configured");
        assertEquals(List.of(), b.keywords());
        assertFalse(b.directMessages(), "DMs are read only when asked for");
        assertEquals(List.of(), x.keywords());
        assertFalse(x.directMessages(), "X DMs are billed: read only when asked for");
    }

    @Test
    void slackDefaultsToSocketModeAndTheRealApi() throws ConfigException {
        EarshotConfig config = Yaml.load(Yaml.TEAM + Yaml.DEMO + """
                chat:
                  slack: { botToken: b, appToken: a, channel: C1 }
                """);
        SlackChatConfig slack = config.chat().slack();
        assertEquals(SlackChatConfig.Mode.SOCKET, slack.mode());
        assertEquals(3000, slack.port());
        assertEquals(URI.create("https://slack.com/api/"), slack.apiUrl());
    }

    @Test
    void discordBinds() throws ConfigException {
        EarshotConfig config = Yaml.load(Yaml.TEAM + Yaml.DEMO + """
                chat:
                  discord: { token: d, guild: "1", channel: "2" }
                """);
        assertEquals(new DiscordChatConfig(new Secret("d"), "1", "2"), config.chat().discord());
        assertEquals("discord #2", config.chat().describe());
    }

    @Test
    void theTeamActsInEveryChatItHasAnIdFor() throws ConfigException {
        Team team = Yaml.load(FULL, ENV).toTeam();

        Member alice = team.require("@alice");
        assertEquals(Map.of("shell", "alice", "slack", "U012AB3CD", "discord", "1122"), alice.chatIds());
        assertTrue(alice.admin());
        assertEquals(Map.of("shell", "bob"), team.require("bob").chatIds());
        assertEquals("bob", team.byChatId("shell", "bob").orElseThrow().name());
        assertEquals("alice", team.byChatId("slack", "U012AB3CD").orElseThrow().name());
    }

    @Test
    void priorityConfigBuildsTheRules() throws ConfigException {
        PriorityRules rules = Yaml.load(Yaml.TEAM + Yaml.DEMO + "priority:\n  urgentWords: [meltdown]\n")
                .priority().toRules();
        // A mention from an author without followers: 15 for the kind, 20 more when urgent.
        assertEquals(35, rules.score(mention("a total meltdown here")).score());
        assertEquals(15, rules.score(mention("refund please")).score());
    }

    private static Message mention(String text) {
        Author author = new Author(Platform.DEMO, "carol", "Carol", 0, null);
        return new Message(Platform.DEMO, "acme", "1", author, text, null, Instant.EPOCH,
                MessageKind.MENTION, null, null);
    }

    @Test
    void describesTheConfigOnOneLine() throws ConfigException {
        EarshotConfig config = Yaml.load(Yaml.of(
                "team:",
                "  members: [{ name: alice }, { name: bob }]",
                Yaml.DEMO));
        assertEquals("chat: shell #support · sources: demo (demo) · team: alice, bob"
                + " · store: sqlite ./data/earshot.db · timezone: UTC · ops: 0.0.0.0:8080", config.describe());
    }

    @Test
    void describesSlackSourcesAndAdmins() throws ConfigException {
        assertEquals("chat: slack #C0123456789 (http) · sources: demo (demo), acme-mastodon (mastodon),"
                + " acme-bsky (bluesky), acme-x (x) · team: alice (admin), bob · store: sqlite /data/e.db"
                + " · timezone: Europe/Paris · ops: off", Yaml.load(FULL, ENV).describe());
    }

    @Test
    void loadsAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("earshot.yml");
        Files.writeString(file, Yaml.TEAM + Yaml.DEMO);
        assertEquals("alice", ConfigLoader.load(file, name -> null).team().members().get(0).name());
    }

    @Test
    void aMissingFileIsAProblem(@TempDir Path dir) {
        Path file = dir.resolve("nope.yml");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, name -> null));
        assertEquals(List.of(file + ": no such file"), e.problems());
    }

    @Test
    void anEmptyFileListsWhatIsMissing() {
        assertEquals(List.of("team.members: name at least one teammate",
                "sources: name at least one source (demo, mastodon, bluesky, x, reddit, feed)"), Yaml.problems(""));
    }

    @Test
    void theExceptionMessageListsEveryProblem() {
        ConfigException e = assertThrows(ConfigException.class, () -> Yaml.load(""));
        String nl = System.lineSeparator();
        assertEquals("test.yml has 2 problems:" + nl
                + "  - team.members: name at least one teammate" + nl
                + "  - sources: name at least one source (demo, mastodon, bluesky, x, reddit, feed)", e.getMessage());
    }

    @Test
    void keywordsAreBoundPerSourceAndStripped() throws ConfigException {
        EarshotConfig config = Yaml.load(Yaml.TEAM + """
                sources:
                  - { type: mastodon, name: m, instance: https://m.example, accessToken: t, keywords: [acme, " acme app "] }
                  - { type: bluesky, name: b, handle: b.example, appPassword: p, keywords: [acme], directMessages: true }
                  - { type: x, name: x, apiKey: a, apiSecret: b, accessToken: c, accessTokenSecret: d, keywords: ["#acme"] }
                """);
        assertEquals(List.of("acme", "acme app"), config.sources().get(0).keywords());
        assertEquals(List.of("acme"), config.sources().get(1).keywords());
        assertTrue(((BlueskySourceConfig) config.sources().get(1)).directMessages());
        assertEquals(List.of("#acme"), config.sources().get(2).keywords());
    }
}
