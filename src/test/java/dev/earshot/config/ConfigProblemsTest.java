package dev.earshot.config;

import static dev.earshot.config.Yaml.DEMO;
import static dev.earshot.config.Yaml.TEAM;
import static dev.earshot.config.Yaml.problems;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each kind of problem, with the exact {@code path: sentence} a user reads. */
class ConfigProblemsTest {
    private static final String HTTPS_ONLY =
            "must start with https:// (http:// is accepted only on 127.0.0.1, ::1 and localhost)";

    @Test
    void brokenYamlSaysLineAndColumn() {
        assertEquals(List.of("test.yml: line 3, column 11: not valid YAML: mapping values are not allowed here"),
                problems("team:\n  members:\n    - a: b: c\n"));
    }

    @Test
    void aKeyWrittenTwice() {
        assertEquals(List.of("test.yml: line 3, column 5: a key is written twice: 'team'"),
                problems("team: {}\nops: {}\nteam: {}\n"));
    }

    @Test
    void aFileThatIsNotASection() {
        assertEquals(List.of("test.yml: must be a section of keys and values (team:, chat:, sources:, ...)"),
                problems("- just\n- a list\n"));
    }

    @Test
    void unknownKeysAreNamedWithTheirPathAndTheKnownKeys() {
        assertEquals(List.of(
                "ops.prot: unknown key; known keys here: bind, port",
                "slas: unknown key; known keys here: afterHours, businessHours, chat, continuity, digest, instance,"
                        + " nudges, oncall, ops, priority, routes, sla, sources, spikes, store, team, templates",
                "sources[0].pollevery: unknown key; known keys here: account, name, pollEvery, seed"),
                problems(TEAM + "ops:\n  prot: 9000\nslas: {}\n"
                        + "sources:\n  - type: demo\n    name: d\n    pollevery: 3s\n"));
    }

    @Test
    void wrongTypes() {
        assertEquals(List.of(
                "team.members[0].admin: must be true or false",
                "store.type: must be one of: sqlite, postgresql",
                "ops.port: must be a whole number",
                "priority.urgentWords: must be a list",
                "sources[0].pollEvery: must be a time span like 30s or 1h30m",
                "sources[0].seed: must be a whole number"),
                problems("""
                        team:
                          members: [{ name: alice, admin: maybe }]
                        store: { type: mysql }
                        ops: { port: eighty }
                        priority: { urgentWords: refund }
                        sources:
                          - { type: demo, name: d, pollEvery: often, seed: x }
                        """));
    }

    @Test
    void aBareNumberIsNotATimeSpan() {
        assertEquals(List.of("sources[0].pollEvery: must be a time span like 30s or 1h30m"),
                problems(TEAM + "sources:\n  - { type: demo, name: d, pollEvery: 30 }\n"));
    }

    @Test
    void membersMustExistAndHaveUniqueNames() {
        assertEquals(List.of("team.members: name at least one teammate"), problems("team: { members: [] }\n" + DEMO));
        assertEquals(List.of(
                "team.members[1].name: must be set",
                "team.members[2].name: already used by team.members[0].name",
                "team.members[3].slack: already used by team.members[0].slack"),
                problems("""
                        team:
                          members:
                            - { name: alice, slack: U1 }
                            - { slack: U2 }
                            - { name: "@Alice" }
                            - { name: bob, slack: U1 }
                        """ + DEMO));
    }

    @Test
    void anEmptyListItemIsNamedByItsIndex() {
        assertEquals(List.of("team.members[0]: must not be empty"),
                problems("team:\n  members:\n    -\n    - name: bob\n" + DEMO));
    }

    @Test
    void aMemberWrittenAsTextIsNamed() {
        assertEquals(List.of("team.members[0]: must be a section of keys and values"),
                problems("team:\n  members:\n    - alice\n    - name: bob\n" + DEMO));
    }

    @Test
    void unknownTimeZone() {
        assertEquals(List.of("team.timezone: unknown time zone; use an IANA name like Europe/Paris or UTC"),
                problems("team:\n  timezone: Europe/Pariss\n  members: [{ name: a }]\n" + DEMO));
    }

    @Test
    void exactlyOneChat() {
        assertEquals(List.of("chat: choose exactly one of shell, slack or discord (found 2)"),
                problems(TEAM + DEMO + "chat:\n  shell: {}\n  discord: { token: t, guild: '1', channel: '2' }\n"));
        assertEquals(List.of("chat: choose exactly one of shell, slack or discord (found 0)"),
                problems(TEAM + DEMO + "chat: {}\n"));
    }

    @Test
    void slackNeedsTheTokensOfItsMode() {
        assertEquals(List.of(
                "chat.slack.botToken: must be set",
                "chat.slack.appToken: must be set in socket mode",
                "chat.slack.channel: must be set"),
                problems(TEAM + DEMO + "chat:\n  slack: {}\n"));
        assertEquals(List.of(
                "chat.slack.signingSecret: must be set in http mode",
                "chat.slack.port: must be a port from 0 to 65535",
                "chat.slack.apiUrl: " + HTTPS_ONLY),
                problems(TEAM + DEMO + "chat:\n  slack: { mode: http, botToken: b, port: 70000,"
                        + " apiUrl: 'http://slack.example/api/', channel: C1 }\n"));
    }

    @Test
    void discordNeedsTokenGuildAndChannel() {
        assertEquals(List.of("chat.discord.token: must be set", "chat.discord.guild: must be set",
                "chat.discord.channel: must be set"), problems(TEAM + DEMO + "chat:\n  discord: {}\n"));
    }

    @Test
    void discordIdsAreDigitsAndItsUrlsSecureOffLoopback() {
        assertEquals(List.of(
                "chat.discord.guild: must be a Discord id, digits only (Developer Mode on, then right-click, Copy ID)",
                "chat.discord.apiUrl: " + HTTPS_ONLY,
                "chat.discord.gatewayUrl: must start with wss:// (ws:// is accepted only on 127.0.0.1, ::1 and"
                        + " localhost)"),
                problems(TEAM + DEMO + "chat:\n  discord: { token: t, guild: 'my server', channel: '22',"
                        + " apiUrl: 'http://discord.example/api/', gatewayUrl: 'ws://gateway.example/' }\n"));
        assertDoesNotThrow(() -> Yaml.load(TEAM + DEMO + "chat:\n  discord: { token: t, guild: '11', channel: '22',"
                + " apiUrl: 'http://127.0.0.1:9/api/v10/', gatewayUrl: 'ws://127.0.0.1:9/' }\n"));
    }

    @Test
    void sourcesMustExist() {
        assertEquals(List.of("sources: name at least one source (demo, mastodon, bluesky, x, reddit, feed)"),
                problems(TEAM + "sources: []\n"));
        assertEquals(List.of("sources: must be a list"), problems(TEAM + "sources: demo\n"));
    }

    @Test
    void unknownOrMissingSourceType() {
        assertEquals(List.of(
                "sources[1].type: unknown source type; known types: demo, mastodon, bluesky, x, reddit, feed",
                "sources[2].type: must be set; known types: demo, mastodon, bluesky, x, reddit, feed",
                "sources[3]: must be a section with type: and name:"),
                problems(TEAM + "sources:\n  - { type: demo, name: d }\n  - { type: twitter, name: t }\n"
                        + "  - { name: n }\n  - demo\n"));
    }

    @Test
    void sourceNamesAreSetAndUnique() {
        assertEquals(List.of("sources[0].name: must be set", "sources[2].name: already used by sources[1].name"),
                problems(TEAM + "sources:\n  - { type: demo }\n  - { type: demo, name: a }\n"
                        + "  - { type: demo, name: A }\n"));
    }

    @Test
    void realSourcesNeedTheirKeys() {
        assertEquals(List.of(
                "sources[0].instance: must be set",
                "sources[0].accessToken: must be set",
                "sources[1].handle: must be set",
                "sources[1].appPassword: must be set",
                "sources[2].apiKey: must be set",
                "sources[2].apiSecret: must be set",
                "sources[2].accessToken: must be set",
                "sources[2].accessTokenSecret: must be set"),
                problems(TEAM + "sources:\n  - { type: mastodon, name: m }\n  - { type: bluesky, name: b }\n"
                        + "  - { type: x, name: x }\n"));
    }

    @Test
    void httpUrlsAreRefusedExceptOnLoopback() {
        assertEquals(List.of(
                "sources[0].instance: " + HTTPS_ONLY,
                "sources[1].service: " + HTTPS_ONLY,
                "sources[2].baseUrl: " + HTTPS_ONLY,
                "sources[3].instance: must be a URL like https://example.org"),
                problems(TEAM + """
                        sources:
                          - { type: mastodon, name: m, accessToken: t, instance: "http://mastodon.social" }
                          - { type: bluesky, name: b, handle: h, appPassword: p, service: "http://bsky.social" }
                          - { type: x, name: x, apiKey: a, apiSecret: b, accessToken: c, accessTokenSecret: d,
                              baseUrl: "http://api.x.com" }
                          - { type: mastodon, name: m2, accessToken: t, instance: mastodon.social }
                          - { type: mastodon, name: m3, accessToken: t, instance: "http://127.0.0.1:8080" }
                          - { type: bluesky, name: b2, handle: h, appPassword: p, service: "http://[::1]:2583" }
                          - { type: x, name: x2, apiKey: a, apiSecret: b, accessToken: c, accessTokenSecret: d,
                              baseUrl: "http://localhost:9000" }
                        """));
    }

    @Test
    void aUrlThatCannotBeParsed() {
        assertEquals(List.of("sources[0].instance: must be a URL like https://example.org"),
                problems(TEAM + "sources:\n  - { type: mastodon, name: m, accessToken: t,"
                        + " instance: 'https://bad host' }\n"));
    }

    @Test
    void pollEveryAtLeastOneSecondAndBackfillNotNegative() {
        assertEquals(List.of("sources[0].pollEvery: must be at least 1s",
                "sources[1].backfillMax: must be 0 or more"),
                problems(TEAM + "sources:\n  - { type: demo, name: d, pollEvery: 0s }\n"
                        + "  - { type: mastodon, name: m, instance: 'https://m.example', accessToken: t,"
                        + " backfillMax: -1 }\n"));
    }

    @Test
    void xPageSizeIsWhatXAcceptsPerRequest() {
        String x = "  - { type: x, name: x%d, apiKey: a, apiSecret: b, accessToken: c, accessTokenSecret: d,"
                + " pageSize: %d }\n";
        assertEquals(List.of(
                "sources[0].pageSize: must be from 5 to 100 (what X accepts per request)",
                "sources[3].pageSize: must be from 5 to 100 (what X accepts per request)"),
                problems(TEAM + "sources:\n" + String.format(x, 0, 4) + String.format(x, 1, 5)
                        + String.format(x, 2, 100) + String.format(x, 3, 101)));
    }

    @Test
    void keywordsAreNeitherEmptyNorTwiceAndAHashtagIsOneWord() {
        assertEquals(List.of(
                "sources[0].keywords[1]: must not be empty",
                "sources[0].keywords[2]: already used by sources[0].keywords[0]",
                "sources[0].keywords[3]: a hashtag is # and letters, digits or _ only, without spaces",
                "sources[1].keywords[0]: must be at most 476 characters"),
                problems(TEAM + "sources:\n  - { type: mastodon, name: m, instance: 'https://m.example', accessToken: t,"
                        + " keywords: [acme, ' ', ACME, '#acme app', '#acme_app', 'acme app'] }\n"
                        + "  - { type: x, name: x, apiKey: a, apiSecret: b, accessToken: c, accessTokenSecret: d,"
                        + " keywords: ['" + "a".repeat(477) + "'] }\n"));
    }

    @Test
    void portsFrom0To65535() {
        assertEquals(List.of("ops.port: must be a port from 0 to 65535"), problems(TEAM + DEMO + "ops: { port: -1 }\n"));
        assertEquals(List.of("ops.port: must be a port from 0 to 65535"),
                problems(TEAM + DEMO + "ops: { port: 65536 }\n"));
    }

    @Test
    void emptyUrgentWords() {
        // Binding problems come first, then the rules over what was bound.
        assertEquals(List.of("priority.urgentWords[2]: must be text", "priority.urgentWords[1]: must not be empty"),
                problems(TEAM + DEMO + "priority:\n  urgentWords: [refund, '', [x]]\n"));
    }

    @Test
    void severalProblemsAtOnceAreAllListed() {
        assertEquals(List.of(
                "chat.slack.botToken: environment variable SLACK_BOT_TOKEN is not set",
                "team.timezone: unknown time zone; use an IANA name like Europe/Paris or UTC",
                "team.members[0].nmae: unknown key; known keys here: admin, confirmReplies, discord, name, slack",
                "ops.port: must be a whole number",
                "team.members[0].name: must be set",
                "chat.slack.appToken: must be set in socket mode",
                "chat.slack.channel: must be set",
                "sources[0].instance: " + HTTPS_ONLY,
                "sources[1].type: unknown source type; known types: demo, mastodon, bluesky, x, reddit, feed",
                "sources[2].name: already used by sources[0].name",
                "sources[2].pollEvery: must be at least 1s"),
                problems("""
                        team:
                          timezone: Mars/Olympus
                          members: [{ nmae: alice }]
                        chat:
                          slack: { botToken: "${SLACK_BOT_TOKEN}" }
                        sources:
                          - { type: mastodon, name: m, instance: "http://m.example", accessToken: t }
                          - { type: facebook, name: f }
                          - { type: demo, name: m, pollEvery: 0s }
                        ops: { port: high }
                        """));
    }
}
