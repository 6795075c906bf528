package dev.earshot.chat.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.earshot.app.CareWords;
import dev.earshot.core.Card;
import dev.earshot.core.ConversationSummary;
import dev.earshot.core.Platform;
import dev.earshot.core.Priority;
import dev.earshot.core.State;
import dev.earshot.port.DeliveryException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Social care's words on Discord: a spike alert from hostile customer data, and a card's care lines. */
class DiscordCareTest {
    private final FakeDiscord fake = new FakeDiscord();
    private final DiscordChat chat = new DiscordChat(new DiscordRest(HttpClient.newHttpClient(),
            URI.create(fake.apiUrl()), FakeDiscord.TOKEN));

    @AfterEach
    void close() {
        fake.close();
    }

    /** Conversations whose text and handles try to ping or link. */
    private static List<ConversationSummary> hostile() {
        return List.of(1, 2, 3).stream().map(i -> new ConversationSummary(i, Platform.X, "acme-x", "ev@everyone" + i,
                1_000L * i, "@everyone <@&555> [bank](https://evil.example) refund " + i, "", Instant.EPOCH, null,
                State.NEW, null, new Priority(30), null)).toList();
    }

    @Test
    void aSpikeAlertPingsNobody() throws DeliveryException {
        chat.postInChannel(DiscordChatTest.CHANNEL, CareWords.spike("acme-x", hostile(), 5),
                List.of(), "spike-1");
        JsonNode sent = fake.posts().get(fake.posts().size() - 1).body();
        String text = sent.path("content").asText();
        assertTrue(text.contains("Spike on acme\\-x\\: 3 new conversations"), text); // Discord markdown escaped
        assertFalse(text.contains("@everyone") || text.contains("<!") || text.contains("[bank]("), text);
        assertEquals("[]", sent.path("allowed_mentions").path("parse").toString());
    }

    @Test
    void theCardSaysTheAcknowledgementWentAndTheReplyIsHeld() throws DeliveryException {
        String line = "🆕 waiting for an owner · " + CareWords.acknowledged() + " · "
                + CareWords.replyHeld(Instant.parse("2023-11-15T01:00:00Z"), ZoneOffset.UTC);
        chat.postCard(DiscordChatTest.CHANNEL, DiscordChatTest.card(12, "hi", State.NEW, line,
                EnumSet.of(Card.Action.CLAIM, Card.Action.OPEN)), "k");
        String embed = fake.messages(DiscordChatTest.CHANNEL).get(0).toString();
        assertTrue(embed.contains("after\\\\-hours acknowledgement sent") && embed.contains("reply held"), embed);
    }
}
