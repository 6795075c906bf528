package dev.earshot.proof;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.chat.slack.SlackWorkspace;
import dev.earshot.source.mastodon.MastodonInstance;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RELIABILITY.md promise 20 on the real program: every secret in the config is a canary, some
 * accepted (Slack's two tokens, one with the trailing newline a mounted secret file has; the
 * Mastodon token), some refused with 401 (a revoked Mastodon token, a Bluesky app password, X's
 * four OAuth keys). Earshot runs, cards a mention, sends a reply, finds three sources that need a
 * human and stops; then its whole log, {@code /healthz}, {@code /metrics} and everything it
 * posted to Slack are searched for each canary, as typed and URL-encoded. None may appear.
 */
class CanaryTest {
    private static final Duration SETTLE = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void noConfiguredSecretAppearsInTheLogHealthMetricsOrChat() throws Exception {
        Map<String, String> canaries = new LinkedHashMap<>();
        canaries.put("SLACK_BOT_TOKEN", SlackWorkspace.BOT_TOKEN + "\n");
        canaries.put("SLACK_APP_TOKEN", SlackWorkspace.APP_TOKEN + "\n");
        canaries.put("MASTODON_TOKEN", MastodonInstance.TOKEN);
        canaries.put("REVOKED_MASTODON_TOKEN", "canary-revoked-mastodon-3b9d\n");
        canaries.put("BLUESKY_APP_PASSWORD", "canary-bsky-pass-51c0-77aa\n");
        canaries.put("X_API_KEY", "canary-x-api-key-0e1f");
        canaries.put("X_API_SECRET", "canary-x-api-secret-9a8b\n");
        canaries.put("X_ACCESS_TOKEN", "123-canary-x-access-token-4c4d");
        canaries.put("X_ACCESS_TOKEN_SECRET", "canary-x-token-secret-6e6f");
        try (Gate revoked = new Gate("http://127.0.0.1:9").set(Gate.Mode.UNAUTHORIZED, "/");
             World world = new World(dir, false, refusedSources(revoked))) {
            canaries.forEach(world::env);
            Program earshot = world.start(Program.SHORT_LIVED);
            earshot.awaitReady(SETTLE);
            world.mastodon.mention("my password reset mail never came");
            await().atMost(SETTLE).until(() -> world.slack.shown(SlackWorkspace.CHANNEL).size() == 1);
            long id = world.slack.shown(SlackWorkspace.CHANNEL).keySet().iterator().next();
            String answers = world.slack.slash(SlackWorkspace.ALICE, "reply " + id + " Sent it again, check spam");
            await().atMost(SETTLE).until(() -> world.mastodon.replies().size() == 1
                    && !world.slack.answers(answers).isEmpty());
            await().atMost(SETTLE).until(() -> {
                String health = earshot.get("/healthz");
                return health != null && health.contains("DEGRADED") && health.contains("acme-bsky")
                        && health.contains("acme-x") && health.contains("acme-mastodon-revoked");
            });
            String health = earshot.get("/healthz");
            String metrics = earshot.get("/metrics");
            assertTrue(revoked.turnedAway() >= 2, "the refused sources were really tried");
            assertNotNull(earshot.stop(Duration.ofSeconds(10)));

            Map<String, String> places = new LinkedHashMap<>();
            places.put("the log", Files.readString(world.log));
            places.put("/healthz", health);
            places.put("/metrics", metrics);
            places.put("Slack", world.slack.everything());
            assertTrue(places.get("the log").contains("Earshot stopped"), "a whole run was logged");
            List<String> leaks = new ArrayList<>();
            canaries.forEach((name, value) -> {
                String secret = value.strip();
                for (String form : List.of(secret, URLEncoder.encode(secret, StandardCharsets.UTF_8))) {
                    places.forEach((place, text) -> {
                        if (text.contains(form)) {
                            leaks.add(name + " in " + place);
                        }
                    });
                }
            });
            assertEquals(List.of(), leaks, "secrets found outside the config");
        }
    }

    /** Three sources whose platform refuses the credential with 401, as for a revoked token. */
    private static String refusedSources(Gate revoked) {
        return """
                  - type: mastodon
                    name: acme-mastodon-revoked
                    instance: %1$s
                    accessToken: ${REVOKED_MASTODON_TOKEN}
                    pollEvery: 1s
                  - type: bluesky
                    name: acme-bsky
                    handle: acme.bsky.social
                    appPassword: ${BLUESKY_APP_PASSWORD}
                    service: %1$s
                    pollEvery: 1s
                  - type: x
                    name: acme-x
                    apiKey: ${X_API_KEY}
                    apiSecret: ${X_API_SECRET}
                    accessToken: ${X_ACCESS_TOKEN}
                    accessTokenSecret: ${X_ACCESS_TOKEN_SECRET}
                    baseUrl: %1$s
                    pollEvery: 1s
                """.formatted(revoked.url());
    }
}
