package dev.earshot.chat.slack;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole product on Slack, wired by {@link Earshot} from a YAML config as in production
 * (Socket Mode, the default), against the fake Web API and a local Socket Mode end: the demo
 * customers' cards appear, a click claims one, the card updates, and closing Earshot closes
 * the connection.
 */
class EarshotOnSlackTest {
    @TempDir
    Path dir;

    private String yaml(FakeSlack fake) {
        return """
                team:
                  members:
                    - { name: alice, slack: U0ALICE }
                    - { name: bob, slack: U0BOB }
                store: { path: %s }
                chat:
                  slack:
                    botToken: ${SLACK_BOT_TOKEN}
                    appToken: ${SLACK_APP_TOKEN}
                    apiUrl: %s
                    channel: C0SUPPORT
                routes:
                  - { keyword: refund, channel: C0BILLING }
                templates:
                  - { name: thanks, text: "Thanks {customer}!" }
                sources:
                  - { type: demo, name: demo, pollEvery: 1h }
                ops: { port: 0 }
                """.formatted(dir.resolve("earshot.db"), fake.apiUrl());
    }

    @Test
    void demoCustomersAreClaimedFromSlack() throws Exception {
        FakeSocketMode socket = new FakeSocketMode();
        try (FakeSlack fake = new FakeSlack()) {
            fake.socketModeUrl(socket.url());
            EarshotConfig config = ConfigLoader.load(yaml(fake), "test.yml",
                    Map.of("SLACK_BOT_TOKEN", FakeSlack.BOT_TOKEN, "SLACK_APP_TOKEN", FakeSlack.APP_TOKEN + "\n")::get);
            Earshot earshot = Earshot.start(config, Clock.systemUTC(), new Earshot.Terminal(
                    new BufferedReader(new StringReader("")), new PrintStream(java.io.OutputStream.nullOutputStream())));
            try {
                await().atMost(Duration.ofSeconds(10)).until(() -> !socket.connections.isEmpty()
                        && fake.visibleConversations("C0SUPPORT").size() + fake.visibleConversations("C0BILLING").size() == 4);
                socket.envelope("e1", "interactive", SlackPayloads.click(SlackWorld.ALICE, FakeSlack.TEAM, Actions.CLAIM,
                        "2", "C0SUPPORT", fake.responseUrl("alice-1")));
                await().atMost(Duration.ofSeconds(5)).until(() -> socket.acked("e1"));
                await().atMost(Duration.ofSeconds(10)).until(() -> fake.where(p -> p.blocks != null
                        && p.blocks.toString().contains("🙋 claimed by @alice")).size() == 1);
                assertEquals("You claimed #2.", fake.responses().get(0).get("text").asText());
                assertTrue(fake.topLevel("C0BILLING").size() + fake.topLevel("C0SUPPORT").size() >= 4);
            } finally {
                earshot.close();
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> socket.connections.isEmpty());
        } finally {
            socket.shutdown();
        }
    }

    @Test
    void aRefusedTokenStopsTheStartWithASentence() throws Exception {
        try (FakeSlack fake = new FakeSlack()) {
            EarshotConfig config = ConfigLoader.load(yaml(fake), "test.yml",
                    Map.of("SLACK_BOT_TOKEN", "xoxb-revoked", "SLACK_APP_TOKEN", FakeSlack.APP_TOKEN)::get);
            Earshot.CannotStart e = assertThrows(Earshot.CannotStart.class, () -> Earshot.start(config,
                    Clock.systemUTC(), new Earshot.Terminal(new BufferedReader(new StringReader("")), System.out)));
            assertEquals("Slack did not accept the bot token (auth.test: invalid_auth): check chat.slack.botToken"
                    + " and chat.slack.apiUrl", e.getMessage());
        }
    }
}
