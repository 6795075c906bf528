package dev.earshot.chat.slack;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.app.CareWords;
import dev.earshot.core.Card;
import dev.earshot.core.ConversationSummary;
import dev.earshot.core.Platform;
import dev.earshot.core.Priority;
import dev.earshot.core.State;
import dev.earshot.port.DeliveryException;
import dev.earshot.testing.TestClock;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Social care's words on Slack: a spike alert from hostile customer data, and a card's care lines. */
class SlackCareTest {
    private final FakeSlack fake = new FakeSlack();
    private final SlackChat chat = new SlackChat(SlackClients.slack(URI.create(fake.apiUrl())).methods(FakeSlack.BOT_TOKEN),
            TestClock.at("2023-11-14T22:13:20Z"));

    @AfterEach
    void close() {
        fake.close();
    }

    /** Conversations whose text and handles try to ping or link. */
    static List<ConversationSummary> hostile() {
        return List.of(1, 2, 3).stream().map(i -> new ConversationSummary(i, Platform.X, "acme-x", "ev<!channel>il" + i,
                1_000L * i, "<!channel> @everyone <https://evil.example|bank> refund " + i, "", Instant.EPOCH, null,
                State.NEW, null, new Priority(30), null)).toList();
    }

    @Test
    void aSpikeAlertPingsNobodyAndLinksNothing() throws DeliveryException {
        chat.postInChannel(SlackChatTest.CHANNEL, CareWords.spike("acme-x", hostile(), 5), List.of(), "spike-1");
        String text = fake.topLevel(SlackChatTest.CHANNEL).get(0).text;
        assertTrue(text.startsWith("📈 Spike on acme-x: 3 new conversations"), text);
        assertFalse(text.contains("<!") || text.contains("<http") || text.contains("@everyone"), text);
        assertTrue(text.contains("Cards: #1 #2 #3"), text);
    }

    @Test
    void theCardSaysTheAcknowledgementWentAndTheReplyIsHeld() throws DeliveryException {
        String line = "🆕 waiting for an owner · " + CareWords.acknowledged() + " · "
                + CareWords.replyHeld(Instant.parse("2023-11-15T01:00:00Z"), ZoneOffset.UTC);
        chat.postCard(SlackChatTest.CHANNEL, SlackChatTest.card(12, "hi", State.NEW, line,
                EnumSet.of(Card.Action.CLAIM, Card.Action.OPEN)), "k");
        String blocks = fake.topLevel(SlackChatTest.CHANNEL).get(0).blocks.toString();
        assertTrue(blocks.contains("🌙 after-hours acknowledgement sent · ⏸ reply held: posting limit spent until"
                + " Wed 01:00 UTC"), blocks);
    }
}
