package dev.earshot.chat.discord;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.earshot.Earshot;
import dev.earshot.config.ConfigLoader;
import dev.earshot.config.EarshotConfig;
import java.io.BufferedReader;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole product on Discord, wired by {@link Earshot} from a YAML config as in production,
 * against the fake REST API and the fake gateway, with the real JDA: the demo customers' cards
 * appear with mentions off, /earshot is registered in the guild, a click claims a card and the
 * card is redrawn, a second click is told who has it, and closing Earshot closes the session.
 */
class EarshotOnDiscordTest {
    @TempDir
    Path dir;
    private FakeDiscord fake;
    private FakeGateway gateway;
    private Earshot earshot;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeDiscord();
        gateway = new FakeGateway();
        String yaml = """
                team:
                  members:
                    - { name: alice, discord: "%s" }
                    - { name: bob, discord: "%s" }
                store: { path: %s }
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
                """.formatted(DiscordPayloads.ALICE, DiscordPayloads.BOB, dir.resolve("earshot.db"), FakeDiscord.GUILD,
                FakeDiscord.CHANNEL, fake.apiUrl(), gateway.url());
        EarshotConfig config = ConfigLoader.load(yaml, "test.yml", Map.of("DISCORD_BOT_TOKEN", FakeDiscord.TOKEN)::get);
        earshot = Earshot.start(config, Clock.systemUTC(), new Earshot.Terminal(
                new BufferedReader(new StringReader("")), new PrintStream(java.io.OutputStream.nullOutputStream())));
        await().atMost(Duration.ofSeconds(15)).until(() -> gateway.ready()
                && fake.visibleConversations(FakeDiscord.CHANNEL).size() == 4);
    }

    @AfterEach
    void stop() {
        if (earshot != null) {
            earshot.close();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> gateway.connections.isEmpty());
        gateway.shutdown();
        fake.close();
    }

    @Test
    void cardsArePostedWithMentionsOffAndTheCommandIsRegistered() {
        assertTrue(fake.where(c -> c.method().equals("PUT") && c.path().endsWith("/guilds/" + FakeDiscord.GUILD
                + "/commands")).size() == 1, "the guild command is written at start");
        for (FakeDiscord.Call post : fake.posts()) {
            assertEquals("[]", post.body().path("allowed_mentions").path("parse").toString(), post.body().toString());
            assertTrue(post.body().path("enforce_nonce").asBoolean());
            assertTrue(post.body().path("nonce").asText().length() <= 25);
        }
    }

    @Test
    void aClickClaimsTheCardAndTheLoserIsToldWho() {
        gateway.interaction(DiscordPayloads.button(DiscordPayloads.ALICE, "earshot:claim:2"));
        await().atMost(Duration.ofSeconds(10)).until(() -> fake.answers().contains("You claimed \\#2."));
        assertEquals(5, fake.callbacks().get(0).path("type").asInt(), "deferred, ephemeral");
        assertEquals(64, fake.callbacks().get(0).path("data").path("flags").asInt(), "ephemeral");
        await().atMost(Duration.ofSeconds(10)).until(() -> card(2).toString().contains("claimed by @alice"));

        gateway.interaction(DiscordPayloads.button(DiscordPayloads.BOB, "earshot:claim:2"));
        await().atMost(Duration.ofSeconds(10)).until(() -> fake.answers().size() == 2);
        assertTrue(fake.answers().get(1).contains("already claimed by @alice"), fake.answers().get(1));
    }

    private JsonNode card(long conversation) {
        return fake.messages(FakeDiscord.CHANNEL).stream().filter(m -> m.path("embeds").path(0).path("footer")
                .path("text").asText().startsWith("earshot·" + conversation + "·")
                || m.path("embeds").path(0).path("footer").path("text").asText().equals("Earshot #" + conversation))
                .findFirst().orElseThrow();
    }
}
