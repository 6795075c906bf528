package dev.earshot.chat.discord;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A typed /earshot reply over JDA's gateway: a preview with Send and Cancel; a second Send sends nothing. */
class DiscordReplyPreviewTest {
    @TempDir
    Path dir;

    private static List<String> edits(DiscordWorld w) {
        return w.fake.where(c -> c.method().equals("PATCH") && c.path().contains("/messages/@original")).stream()
                .map(c -> c.body().path("content").asText()).toList();
    }

    @Test
    void bobSeesTheReplyFirstAndSendsItOnce() {
        try (DiscordWorld w = new DiscordWorld(dir).connect().poll().drain()) {
            ObjectNode slash = DiscordPayloads.slash(DiscordPayloads.BOB, "reply", 2);
            ((ObjectNode) slash.path("data").path("options").get(0)).withArray("options").addObject()
                    .put("name", "text").put("type", 3).put("value", "Sorry @everyone, a new one is on its way");
            w.gateway.interaction(slash);
            await().atMost(Duration.ofSeconds(10)).until(() -> !w.fake.answers().isEmpty());
            String preview = w.fake.answers().get(0);
            assertTrue(preview.contains("as @grumpy_greg will see it"), preview);
            String buttons = w.fake.where(c -> c.path().startsWith("/api/v10/webhooks/")).get(0).body().toString();
            assertTrue(buttons.contains("earshot:send:1") && buttons.contains("earshot:cancel:1"), buttons);
            assertTrue(buttons.contains("\"allowed_mentions\":{\"parse\":[]"), "mentions off: " + buttons);
            w.drain();
            assertEquals(0, w.demo.replies().size(), "shown, not sent");

            w.gateway.interaction(DiscordPayloads.button(DiscordPayloads.BOB, "earshot:send:1"));
            await().atMost(Duration.ofSeconds(10)).until(() -> edits(w).size() == 1);
            assertTrue(edits(w).get(0).startsWith("Your reply to \\#2 is on its way"), edits(w).get(0));
            w.gateway.interaction(DiscordPayloads.button(DiscordPayloads.BOB, "earshot:send:1"));
            await().atMost(Duration.ofSeconds(10)).until(() -> edits(w).size() == 2);
            assertTrue(edits(w).get(1).contains("was sent already"), edits(w).get(1));
            w.drain().drain();
            assertEquals(1, w.demo.replies().size());
        }
    }
}
