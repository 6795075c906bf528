package dev.earshot.source.mastodon;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.earshot.Earshot;
import dev.earshot.config.ConfigLoader;
import dev.earshot.config.EarshotConfig;
import dev.earshot.source.bluesky.BlueskyBench;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code earshot run --config} with a Mastodon and a Bluesky source: the composition root wires both. */
class RunWithFederatedSourcesTest {
    @TempDir
    Path dir;

    @Test
    void cardsFromBothPlatformsReachTheChat() throws Exception {
        try (FakeMastodon mastodon = new FakeMastodon(Clock.systemUTC()); BlueskyBench bluesky = BlueskyBench.create()) {
            String yaml = """
                    team:
                      members:
                        - name: alice
                    store:
                      path: %s
                    chat:
                      shell:
                        channel: support
                    sources:
                      - type: mastodon
                        name: acme-mastodon
                        instance: %s
                        accessToken: ${MASTODON_TOKEN}
                        pollEvery: 1h
                      - type: bluesky
                        name: acme-bsky
                        handle: acme.bsky.social
                        appPassword: ${BLUESKY_APP_PASSWORD}
                        service: %s
                        pollEvery: 1h
                    ops:
                      port: 0
                    """.formatted(dir.resolve("earshot.db"), mastodon.base(), bluesky.uri());
            Map<String, String> env = Map.of("MASTODON_TOKEN", FakeMastodon.TOKEN,
                    "BLUESKY_APP_PASSWORD", bluesky.password());
            EarshotConfig config = ConfigLoader.load(yaml, "earshot.yml", env::get);
            var jane = mastodon.account("200", "jane", "jane", "Jane", 5);
            mastodon.mention(jane, "<p>@acme hello from Mastodon</p>", "public", null);
            bluesky.post("hello from Bluesky");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
            try (Earshot earshot = Earshot.start(config, Clock.systemUTC(),
                    new Earshot.Terminal(new BufferedReader(new StringReader("")), print))) {
                String shown = out.toString(StandardCharsets.UTF_8);
                assertFalse(shown.isEmpty());
                await().atMost(Duration.ofSeconds(5)).until(() -> out.toString(StandardCharsets.UTF_8)
                        .contains("hello from Mastodon") && out.toString(StandardCharsets.UTF_8).contains("hello from Bluesky"));
                // The stream is wired: a new mention arrives long before the hourly poll.
                await().atMost(Duration.ofSeconds(5)).until(() -> mastodon.http.openStreams() == 1);
                mastodon.mention(jane, "<p>@acme streamed in</p>", "public", null);
                await().atMost(Duration.ofSeconds(5)).until(() -> out.toString(StandardCharsets.UTF_8)
                        .contains("streamed in"));
            }
        }
    }
}
