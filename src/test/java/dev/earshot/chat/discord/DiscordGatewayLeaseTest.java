package dev.earshot.chat.discord;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.earshot.Earshot;
import dev.earshot.config.ConfigLoader;
import dev.earshot.config.EarshotConfig;
import dev.earshot.store.TestPostgres;
import java.io.BufferedReader;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Discord allows one gateway session per bot: of two instances on one PostgreSQL, wired by
 * {@link Earshot} as in production, only the holder of the gateway lease connects (with the real
 * JDA, to the fake gateway); when it stops, the other connects.
 */
class DiscordGatewayLeaseTest {
    @TempDir
    Path dir;
    private final FakeDiscord fake = new FakeDiscord();
    private final FakeGateway gateway = new FakeGateway();
    private Earshot first;
    private Earshot second;

    @AfterEach
    void stop() {
        for (Earshot e : new Earshot[] {first, second}) {
            if (e != null) {
                e.close();
            }
        }
        fake.close();
        gateway.shutdown();
    }

    @Test
    void oneInstanceHoldsTheGatewayAndAnotherConnectsWhenItStops() throws Exception {
        String url = TestPostgres.migratedDatabase();
        first = start("one", url);
        await().atMost(Duration.ofSeconds(15)).until(() -> gateway.ready() && gateway.connections.size() == 1);
        second = start("two", url);
        // Several renewals of the 2 s lease (every 0.5 s): the second instance never opens a session.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> gateway.connections.size() == 1);

        first.close();
        await().atMost(Duration.ofSeconds(15)).until(() -> gateway.connections.size() == 1 && gateway.ready());
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> gateway.connections.size() == 1);
        assertEquals(1, gateway.connections.size());
    }

    private Earshot start(String name, String url) throws Exception {
        String yaml = """
                team:
                  members:
                    - { name: alice, discord: "%s" }
                store: { type: postgresql, url: "%s", user: %s, password: "${DB_PASSWORD}", path: %s }
                chat:
                  discord:
                    token: ${DISCORD_BOT_TOKEN}
                    guild: "%s"
                    channel: "%s"
                    apiUrl: %s
                    gatewayUrl: %s
                sources:
                  - { type: demo, name: demo, pollEvery: 1h }
                ops: { port: 0 }
                digest: { enabled: false }
                instance: { name: %s, lease: 2s }
                """.formatted(DiscordPayloads.ALICE, url, TestPostgres.USER, dir.resolve("data").resolve("x.db"),
                FakeDiscord.GUILD, FakeDiscord.CHANNEL, fake.apiUrl(), gateway.url(), name);
        EarshotConfig config = ConfigLoader.load(yaml, name + ".yml", Map.of("DISCORD_BOT_TOKEN", FakeDiscord.TOKEN,
                "DB_PASSWORD", TestPostgres.PASSWORD)::get);
        return Earshot.start(config, Clock.systemUTC(), new Earshot.Terminal(
                new BufferedReader(new StringReader("")), new PrintStream(java.io.OutputStream.nullOutputStream())));
    }
}
