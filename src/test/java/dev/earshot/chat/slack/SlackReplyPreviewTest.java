package dev.earshot.chat.slack;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A typed /earshot reply in Slack: a preview with Send and Cancel; Send twice or after Cancel sends nothing more. */
class SlackReplyPreviewTest {
    @TempDir
    Path dir;

    @Test
    void sendIsPressedTwiceAndTheCustomerGetsOneReply() {
        try (SlackWorld w = new SlackWorld(dir).poll().drain()) {
            w.command(SlackWorld.DAN, FakeSlack.TEAM, SlackWorld.CHANNEL, "reply 2 Thanks <!channel>, on it");
            await().atMost(Duration.ofSeconds(5)).until(() -> w.answersTo(SlackWorld.DAN).size() == 1);
            JsonNode preview = w.fake.responses().get(0);
            String blocks = preview.path("blocks").toString();
            assertTrue(blocks.contains("\"action_id\":\"earshot.send\"") && blocks.contains("\"action_id\":\"earshot.cancel\""),
                    blocks);
            assertTrue(blocks.contains("Thanks @channel, on it") && blocks.contains("“&lt;!channel&gt; @everyone"),
                    "what the customer wrote is escaped: " + blocks);
            w.drain();
            assertEquals(0, w.demo.replies().size(), "shown, not sent");

            w.click(SlackWorld.DAN, FakeSlack.TEAM, Actions.SEND, 1);
            await().atMost(Duration.ofSeconds(5)).until(() -> w.answersTo(SlackWorld.DAN).size() == 2);
            assertTrue(w.answersTo(SlackWorld.DAN).get(1).startsWith("Your reply to #2 is on its way"));
            assertTrue(w.fake.responses().get(1).path("replace_original").asBoolean(), "the buttons go away");
            w.click(SlackWorld.DAN, FakeSlack.TEAM, Actions.SEND, 1);
            await().atMost(Duration.ofSeconds(5)).until(() -> w.answersTo(SlackWorld.DAN).size() == 3);
            assertEquals("That reply to #2 was sent already; it is not sent twice.", w.answersTo(SlackWorld.DAN).get(2));
            w.drain().drain();
            assertEquals(1, w.demo.replies().size());
        }
    }

    @Test
    void sendAfterCancelSendsNothing() {
        try (SlackWorld w = new SlackWorld(dir).poll().drain()) {
            w.command(SlackWorld.DAN, FakeSlack.TEAM, SlackWorld.CHANNEL, "reply 3 Hello");
            await().atMost(Duration.ofSeconds(5)).until(() -> w.answersTo(SlackWorld.DAN).size() == 1);
            w.click(SlackWorld.DAN, FakeSlack.TEAM, Actions.CANCEL, 1);
            await().atMost(Duration.ofSeconds(5)).until(() -> w.answersTo(SlackWorld.DAN).size() == 2);
            assertEquals("Cancelled: nothing was sent to #3.", w.answersTo(SlackWorld.DAN).get(1));
            w.click(SlackWorld.DAN, FakeSlack.TEAM, Actions.SEND, 1);
            await().atMost(Duration.ofSeconds(5)).until(() -> w.answersTo(SlackWorld.DAN).size() == 3);
            assertEquals("That reply to #3 was cancelled; nothing was sent.", w.answersTo(SlackWorld.DAN).get(2));
            w.drain();
            assertEquals(0, w.demo.replies().size());
        }
    }
}
