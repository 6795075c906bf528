package dev.earshot.chat.slack;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.earshot.core.State;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Socket Mode through the real Bolt client (Java-WebSocket backend) against a local WebSocket
 * end: apps.connections.open on the fake Web API with the app token, hello, envelopes, acks.
 */
class SlackSocketModeTest {
    @TempDir
    Path dir;
    FakeSocketMode socket;
    SlackWorld w;

    @BeforeEach
    void setUp() {
        socket = new FakeSocketMode();
        w = SlackWorld.socketMode(dir, socket).poll().drain();
        await().atMost(Duration.ofSeconds(10)).until(() -> !socket.connections.isEmpty());
    }

    @AfterEach
    void tearDown() {
        w.close();
        socket.shutdown();
    }

    private static ObjectNode slashPayload(String text, String responseUrl) {
        ObjectNode p = SlackPayloads.template("view_submission").objectNode();
        return p.put("token", "x").put("team_id", FakeSlack.TEAM).put("channel_id", SlackWorld.CHANNEL)
                .put("user_id", SlackWorld.ALICE).put("user_name", "alice").put("command", "/earshot")
                .put("text", text).put("response_url", responseUrl).put("trigger_id", SlackPayloads.trigger());
    }

    @Test
    void theAppConnectsWithItsAppTokenAndAcksEveryEnvelope() {
        assertTrue(!w.fake.calls("apps.connections.open").isEmpty(), "opened with the app token (the fake checks it)");
        socket.envelope("env-1", "slash_commands", slashPayload("claim 1", w.newResponseUrl(SlackWorld.ALICE)));
        socket.envelope("env-2", "interactive", SlackPayloads.click(SlackWorld.BOB, FakeSlack.TEAM, Actions.CLAIM, "2",
                SlackWorld.CHANNEL, w.newResponseUrl(SlackWorld.BOB)));
        socket.envelope("env-3", "interactive", SlackPayloads.click(SlackWorld.BOB, FakeSlack.TEAM, "not.ours", "2",
                SlackWorld.CHANNEL, w.newResponseUrl(SlackWorld.BOB)));
        await().atMost(Duration.ofSeconds(5)).until(() -> socket.acked("env-1") && socket.acked("env-2")
                && socket.acked("env-3"));
        await().atMost(Duration.ofSeconds(5)).until(() -> w.answersTo(SlackWorld.ALICE).size() == 1
                && w.answersTo(SlackWorld.BOB).size() == 1);
        assertEquals(List.of("You claimed #1."), w.answersTo(SlackWorld.ALICE));
        assertEquals(List.of("You claimed #2."), w.answersTo(SlackWorld.BOB));
        assertEquals(State.CLAIMED, w.queries.show(1).conversation().state());
        w.drain();
        assertTrue(w.cards().stream().anyMatch(b -> b.toString().contains("🙋 claimed by @bob")));
    }

    @Test
    void aRepeatedEnvelopeIsAckedAgainAndDoneOnce() {
        ObjectNode click = SlackPayloads.click(SlackWorld.ALICE, FakeSlack.TEAM, Actions.CLAIM, "3", SlackWorld.CHANNEL,
                w.newResponseUrl(SlackWorld.ALICE));
        socket.envelope("env-a", "interactive", click);
        socket.envelope("env-b", "interactive", click);
        await().atMost(Duration.ofSeconds(5)).until(() -> socket.acked("env-a") && socket.acked("env-b"));
        await().atMost(Duration.ofSeconds(5)).until(() -> w.answersTo(SlackWorld.ALICE).size() == 1);
        assertEquals(1, w.queries.show(3).history().stream().filter(h -> h.action().equals("claim")).count());
    }

    @Test
    void closingEarshotClosesTheConnection() {
        w.connection.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> socket.connections.isEmpty());
    }
}
