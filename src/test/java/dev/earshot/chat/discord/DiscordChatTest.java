package dev.earshot.chat.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.earshot.core.Author;
import dev.earshot.core.Card;
import dev.earshot.core.ChatRef;
import dev.earshot.core.Member;
import dev.earshot.core.Platform;
import dev.earshot.core.Priority;
import dev.earshot.core.State;
import dev.earshot.port.ChatPlatform;
import dev.earshot.port.DeliveryException;
import dev.earshot.port.DeliveryException.Kind;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** DiscordChat against the fake REST API: what Discord receives, and how its refusals read. */
class DiscordChatTest {
    static final String CHANNEL = FakeDiscord.CHANNEL;
    final FakeDiscord fake = new FakeDiscord();
    final DiscordChat chat = new DiscordChat(new DiscordRest(HttpClient.newHttpClient(), URI.create(fake.apiUrl()),
            FakeDiscord.TOKEN));
    final Member alice = new Member("alice", Map.of("discord", DiscordPayloads.ALICE), false);

    @AfterEach
    void close() {
        fake.close();
    }

    static Card card(long id, String text, State state, String stateLine, EnumSet<Card.Action> actions) {
        return new Card(id, Platform.DEMO, new Author(Platform.DEMO, "jane", "Jane Doe", 1_240,
                "https://social.example/@jane"), text, "https://social.example/@jane/" + id, Duration.ofMinutes(3),
                new Priority(52), state, null, stateLine, 1, null, actions);
    }

    @Test
    void aFeedsCardOffersAnsweredThereInsteadOfReply() throws DeliveryException {
        chat.postCard(CHANNEL, card(7, "Is support included?", State.NEW, "🆕 waiting for an owner",
                EnumSet.of(Card.Action.CLAIM, Card.Action.ANSWERED_THERE)), "key-7");
        JsonNode buttons = fake.posts().get(0).body().path("components").path(0).path("components");
        assertEquals("earshot:answered:7", buttons.path(1).path("custom_id").asText());
        assertEquals("Answered there", buttons.path(1).path("label").asText());
    }

    static Card fresh(long id, String text) {
        return card(id, text, State.NEW, "🆕 waiting for an owner",
                EnumSet.of(Card.Action.CLAIM, Card.Action.REPLY, Card.Action.DISMISS, Card.Action.SNOOZE, Card.Action.OPEN));
    }

    @Test
    void aCardIsAnEmbedWithButtonsMarkedWithItsKeyAndMentionsOff() throws DeliveryException {
        ChatRef ref = chat.postCard(CHANNEL, fresh(12, "My order is broken @everyone"), "key-12");
        JsonNode posted = fake.messages(CHANNEL).get(0);
        assertEquals("discord:" + CHANNEL + ":" + posted.path("id").asText() + ":12", ref.value());
        JsonNode sent = fake.posts().get(0).body();
        assertEquals("[]", sent.path("allowed_mentions").path("parse").toString());
        assertEquals(PostMarks.nonce("key-12"), sent.path("nonce").asText());
        assertTrue(sent.path("enforce_nonce").asBoolean());
        JsonNode embed = sent.path("embeds").path(0);
        assertTrue(embed.path("description").asText().startsWith("My order is broken @\u200beveryone"),
                embed.path("description").asText());
        assertEquals(PostMarks.lineMark(12, "key-12"), embed.path("footer").path("text").asText());
        List<String> labels = sent.path("components").path(0).path("components").findValuesAsText("label");
        assertEquals(List.of("Claim", "Reply…", "Dismiss…", "Snooze 1h", "Open"), labels);
        assertEquals("earshot:claim:12", sent.path("components").path(0).path("components").path(0).path("custom_id")
                .asText());
        assertEquals(Optional.of(ref), chat.findPosted(CHANNEL, "key-12"));
        assertEquals(Optional.empty(), chat.findPosted(CHANNEL, "key-13"));
    }

    @Test
    void aRetryWithTheSameKeyGetsTheSameMessageBack() throws DeliveryException {
        ChatRef first = chat.postCard(CHANNEL, fresh(12, "hello"), "key-12");
        ChatRef again = chat.postCard(CHANNEL, fresh(12, "hello"), "key-12");
        assertEquals(first, again);
        assertEquals(1, fake.messages(CHANNEL).size());
    }

    @Test
    void aBurstIsOneMessageWithAClaimButtonPerLineAndEachLineIsFoundAndRedrawn() throws DeliveryException {
        List<Card> cards = java.util.stream.LongStream.rangeClosed(1, 25).mapToObj(i -> fresh(i, "help " + i)).toList();
        List<String> keys = cards.stream().map(c -> "k" + c.conversationId()).toList();
        List<ChatRef> refs = chat.postCards(CHANNEL, cards, keys);
        assertEquals(1, fake.messages(CHANNEL).size());
        assertEquals(25, fake.visibleConversations(CHANNEL).size());
        JsonNode sent = fake.posts().get(0).body();
        assertEquals(5, sent.path("components").size());
        assertTrue(sent.toString().length() < 9_000);
        assertTrue(sent.path("embeds").path(0).path("description").asText().length() <= 4_096);
        assertEquals(Optional.of(refs.get(6)), chat.findPosted(CHANNEL, "k7"));

        chat.updateCard(refs.get(6), card(7, "help 7", State.CLAIMED, "🙋 claimed by @alice",
                EnumSet.of(Card.Action.REPLY, Card.Action.RESOLVE)));
        JsonNode now = fake.messages(CHANNEL).get(0);
        String description = now.path("embeds").path(0).path("description").asText();
        assertTrue(description.contains("**#7** ") && description.contains("claimed by @alice"), description);
        assertTrue(description.contains("**#8** ") && description.contains("waiting for an owner"));
        assertTrue(now.path("components").path(1).path("components").path(1).path("disabled").asBoolean(),
                "the claimed line's button is off");
        chat.postInThread(refs.get(6), "note", List.of(), "t7");
        assertTrue(fake.messages(now.path("id").asText()).get(0).path("content").asText().startsWith("**#7** · note"));
    }

    @Test
    void aThreadIsStartedFromTheCardOnItsFirstPostAndOnlyTheChosenMemberIsPinged() throws DeliveryException {
        ChatRef ref = chat.postCard(CHANNEL, fresh(12, "hello"), "key-12");
        String card = fake.messages(CHANNEL).get(0).path("id").asText();
        chat.postInThread(ref, "<@&555> @here [bank](https://evil.example) follow-up", List.of(), "t1");
        chat.postInThread(ref, "⏰ #12 is waiting", List.of(alice), "t2");
        assertTrue(fake.hasThread(card));
        List<? extends JsonNode> thread = fake.messages(card);
        assertEquals(2, thread.size());
        String first = thread.get(0).path("content").asText();
        assertFalse(first.contains("<@&555>") || first.contains("[bank](") || first.contains("@here"), first);
        JsonNode firstSent = fake.posts().stream().filter(c -> c.path().contains(card)).findFirst().orElseThrow().body();
        assertEquals("[]", firstSent.path("allowed_mentions").path("parse").toString());
        assertEquals("[]", firstSent.path("allowed_mentions").path("users").toString());
        assertEquals(4, firstSent.path("flags").asInt(), "link previews off");
        JsonNode nudge = fake.posts().get(fake.posts().size() - 1).body();
        assertTrue(nudge.path("content").asText().startsWith("<@" + DiscordPayloads.ALICE + "> "));
        assertEquals("[\"" + DiscordPayloads.ALICE + "\"]", nudge.path("allowed_mentions").path("users").toString());
        assertTrue(chat.hasThreadPost(ref, "t2"));
        assertFalse(chat.hasThreadPost(ref, "t3"));
    }

    @Test
    void theDigestCarriesItsChartAsAnAttachment() throws DeliveryException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        ChatRef ref = chat.postReport(CHANNEL, "Digest of Monday\nreceived  12\nanswered  10", new ChatPlatform.Image(
                "trend.png", "14 days", png), "digest-1");
        JsonNode sent = fake.posts().get(0).body();
        assertEquals("trend.png", sent.path("attachments").path(0).path("filename").asText());
        assertTrue(sent.path("_hasPng").asBoolean());
        assertTrue(sent.path("content").asText().startsWith("**Digest of Monday**\n```\nreceived  12"));
        assertEquals(Optional.of(ref), chat.findPosted(CHANNEL, "digest-1"));
    }

    @Test
    void refusalsThatNeedAHumanAreBroken() {
        fake.failNext(403);
        DeliveryException e = assertThrows(DeliveryException.class, () -> chat.postCard(CHANNEL, fresh(1, "x"), "k"));
        assertEquals(Kind.BROKEN, e.kind());
        assertTrue(e.getMessage().contains("permission"), e.getMessage());
        DeliveryException gone = assertThrows(DeliveryException.class, () -> chat.postCard("700000000000000999",
                fresh(1, "x"), "k"));
        assertEquals(Kind.BROKEN, gone.kind());
        fake.revokeToken();
        DeliveryException token = assertThrows(DeliveryException.class, () -> chat.postCard(CHANNEL, fresh(1, "x"), "k"));
        assertEquals(Kind.BROKEN, token.kind());
        assertFalse(token.getMessage().contains(FakeDiscord.TOKEN));
    }

    @Test
    void aRateLimitSaysWhenToComeBack() {
        fake.failNext(429);
        DeliveryException e = assertThrows(DeliveryException.class, () -> chat.postCard(CHANNEL, fresh(1, "x"), "k"));
        assertEquals(Kind.RATE_LIMITED, e.kind());
        assertEquals(Optional.of(Duration.ofSeconds(1)), e.retryAfter());
    }
}
