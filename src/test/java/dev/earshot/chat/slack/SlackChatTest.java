package dev.earshot.chat.slack;

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
import dev.earshot.testing.TestClock;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SlackChat through the real SDK against the fake Web API: what Slack receives, and how its errors read. */
class SlackChatTest {
    static final String CHANNEL = "C0SUPPORT";
    final FakeSlack fake = new FakeSlack();
    final TestClock clock = TestClock.at("2023-11-14T22:13:20Z");
    final SlackChat chat = new SlackChat(SlackClients.slack(URI.create(fake.apiUrl())).methods(FakeSlack.BOT_TOKEN),
            clock);
    final Member alice = new Member("alice", Map.of("slack", "U0ALICE"), false);

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
                EnumSet.of(Card.Action.CLAIM, Card.Action.ANSWERED_THERE, Card.Action.OPEN)), "key-7");
        assertEquals(List.of("earshot.claim", "earshot.answered-there", "earshot.open"),
                actionIds(fake.topLevel(CHANNEL).get(0).blocks));
        assertTrue(fake.topLevel(CHANNEL).get(0).blocks.toString().contains("\"Answered there\""));
    }

    static Card fresh(long id, String text) {
        return card(id, text, State.NEW, "🆕 waiting for an owner",
                EnumSet.of(Card.Action.CLAIM, Card.Action.REPLY, Card.Action.DISMISS, Card.Action.SNOOZE, Card.Action.OPEN));
    }

    @Test
    void aCardIsPostedAsBlockKitMarkedWithItsKeyAndNeverUnfurled() throws DeliveryException {
        ChatRef ref = chat.postCard(CHANNEL, fresh(12, "My order is broken"), "key-12");
        FakeSlack.Posted posted = fake.topLevel(CHANNEL).get(0);
        assertEquals("slack:C0SUPPORT:" + posted.ts, ref.value());
        FakeSlack.Call call = fake.calls("chat.postMessage").get(0);
        assertFalse(FakeSlack.yes(call.get("unfurl_links")));
        assertFalse(FakeSlack.yes(call.get("unfurl_media")));
        assertFalse(FakeSlack.yes(call.get("link_names")));
        assertEquals(List.of("0"), call.form().get("unfurl_links"), "sent, and off");
        assertEquals("earshot_post", posted.metadata.get("event_type").asText());
        assertEquals("key-12", posted.metadata.get("event_payload").get("key").asText());
        String blocks = posted.blocks.toString();
        assertTrue(blocks.contains("*#12* · Demo · <https://social.example/@jane|@jane> (Jane Doe · 1.2k followers)"),
                blocks);
        assertTrue(blocks.contains("\">My order is broken\""), blocks);
        assertTrue(blocks.contains("🕒 3m ago · 🟠 HIGH 52"), blocks);
        assertEquals(List.of("earshot.claim", "earshot.reply", "earshot.dismiss", "earshot.snooze", "earshot.open"),
                actionIds(posted.blocks));
        assertTrue(blocks.contains("\"value\":\"12\""));
        assertEquals("#12 · Demo · @jane: My order is broken", posted.text);
    }

    @Test
    void anUpdateRedrawsTheSameMessageAndTheButtonsFollowTheState() throws DeliveryException {
        ChatRef ref = chat.postCard(CHANNEL, fresh(12, "hi"), "k");
        chat.updateCard(ref, card(12, "hi", State.CLAIMED, "🙋 claimed by @alice",
                EnumSet.of(Card.Action.REPLY, Card.Action.RESOLVE, Card.Action.OPEN)));
        assertEquals(1, fake.topLevel(CHANNEL).size());
        JsonNode blocks = fake.topLevel(CHANNEL).get(0).blocks;
        assertTrue(blocks.toString().contains("🙋 claimed by @alice"));
        assertEquals(List.of("earshot.reply", "earshot.resolve", "earshot.open"), actionIds(blocks));
    }

    @Test
    void threadPostsGoUnderTheCardAndMentionOnlyWhoIsNamed() throws DeliveryException {
        ChatRef ref = chat.postCard(CHANNEL, fresh(12, "hi"), "k");
        chat.postInThread(ref, "💬 @jane wrote again: <!channel> call me", List.of(alice), "t1");
        FakeSlack.Posted line = fake.thread(CHANNEL, fake.topLevel(CHANNEL).get(0).ts).get(0);
        assertEquals("<@U0ALICE> 💬 @jane wrote again: &lt;!channel&gt; call me", line.text);
        assertTrue(chat.hasThreadPost(ref, "t1"));
        assertFalse(chat.hasThreadPost(ref, "t2"));
    }

    @Test
    void aBurstIsOneMessageWhoseLinesUpdateAndHaveThreadsOfTheirOwn() throws DeliveryException {
        List<Card> cards = List.of(fresh(40, "first"), fresh(41, "second"), fresh(42, "third"));
        List<ChatRef> refs = chat.postCards(CHANNEL, cards, List.of("k40", "k41", "k42"));
        assertEquals(1, fake.topLevel(CHANNEL).size());
        String ts = fake.topLevel(CHANNEL).get(0).ts;
        assertEquals(List.of("slack:C0SUPPORT:" + ts + ":40", "slack:C0SUPPORT:" + ts + ":41",
                "slack:C0SUPPORT:" + ts + ":42"), refs.stream().map(ChatRef::value).toList());
        assertEquals(java.util.Set.of(40L, 41L, 42L), fake.visibleConversations(CHANNEL));
        assertEquals(List.of("earshot.claim", "earshot.claim", "earshot.claim"), actionIds(fake.topLevel(CHANNEL).get(0).blocks));

        chat.updateCard(refs.get(1), card(41, "second", State.CLAIMED, "🙋 claimed by @alice",
                EnumSet.of(Card.Action.REPLY, Card.Action.RESOLVE)));
        String blocks = fake.topLevel(CHANNEL).get(0).blocks.toString();
        assertTrue(blocks.contains("🙋 claimed by @alice"), blocks);
        assertEquals(List.of("earshot.claim", "earshot.reply", "earshot.claim"), actionIds(fake.topLevel(CHANNEL).get(0).blocks));

        chat.postInThread(refs.get(2), "📝 @bob: regular customer", List.of(), "n42");
        assertEquals("*#42* · 📝 @bob: regular customer", fake.thread(CHANNEL, ts).get(0).text);
        assertEquals(Optional.of(refs.get(1)), chat.findPosted(CHANNEL, "k41"));
    }

    @Test
    void aPostWhoseOutcomeIsUnknownIsFoundByItsKey() throws DeliveryException {
        ChatRef card = chat.postCard(CHANNEL, fresh(1, "a"), "card-key");
        ChatRef note = chat.postInChannel(CHANNEL, "nudge", List.of(alice), "channel-key");
        assertEquals(Optional.of(card), chat.findPosted(CHANNEL, "card-key"));
        assertEquals(Optional.of(note), chat.findPosted(CHANNEL, "channel-key"));
        assertEquals(Optional.empty(), chat.findPosted(CHANNEL, "never-sent"));
        assertEquals("<@U0ALICE> nudge", fake.topLevel(CHANNEL).get(1).text);
    }

    @Test
    void aReportUploadsTheImageInThreeStepsAndCanBeFoundAgain() throws DeliveryException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        ChatRef ref = chat.postReport(CHANNEL, REPORT, new ChatPlatform.Image("trend.png",
                "14 days", png), "digest-key");
        assertEquals(List.of("files.getUploadURLExternal", "files.completeUploadExternal"),
                fake.calls.stream().map(FakeSlack.Call::method).toList());
        FakeSlack.Call complete = fake.calls("files.completeUploadExternal").get(0);
        assertEquals(CHANNEL, complete.get("channel_id"));
        assertEquals(REPORT_AS_SLACK_SHOWS_IT, complete.get("initial_comment"));
        assertEquals("4", fake.calls("files.getUploadURLExternal").get(0).get("length"));
        assertTrue(fake.uploads.values().stream().anyMatch(b -> java.util.Arrays.equals(png, b)));
        assertTrue(ref.value().startsWith("slack:C0SUPPORT:"));
        assertTrue(chat.findPosted(CHANNEL, "digest-key").isPresent());
    }

    /** A title, then aligned lines with what a customer could put in a handle or link. */
    static final String REPORT = "Daily digest · Monday 23 November 2026 (UTC)\n\n"
            + "  Received        12 <3\n"
            + "  #6 · @fay · <!channel> ```x``` <@U0ALICE>\n\n"
            + "Trend: the chart is attached.";
    static final String REPORT_AS_SLACK_SHOWS_IT = "*Daily digest · Monday 23 November 2026 (UTC)*\n```\n"
            + "  Received        12 &lt;3\n"
            + "  #6 · @fay · &lt;!channel&gt; `\u200B`\u200B`\u200Bx`\u200B`\u200B`\u200B &lt;@U0ALICE&gt;\n\n"
            + "Trend: the chart is attached.\n```";

    @Test
    void aReportWhoseChartFailedIsTheSameTextAsAMessage() throws DeliveryException {
        ChatRef ref = chat.postReportText(CHANNEL, REPORT, "digest-key");
        assertEquals(REPORT_AS_SLACK_SHOWS_IT, fake.topLevel(CHANNEL).get(0).text);
        assertEquals(Optional.of(ref), chat.findPosted(CHANNEL, "digest-key"));
    }

    @Test
    void aNoticeIsEphemeralToTheMember() throws DeliveryException {
        chat.notice(CHANNEL, alice, "@bob assigned #3 to you <!here>");
        FakeSlack.Call call = fake.ephemerals().get(0);
        assertEquals("U0ALICE", call.get("user"));
        assertEquals("@bob assigned #3 to you &lt;!here&gt;", call.get("text"));
    }

    @Test
    void slackErrorsBecomeTheRightKind() {
        fake.failNext("chat.postMessage", FakeSlack.Fault.rateLimited(30));
        DeliveryException limited = assertThrows(DeliveryException.class, () -> chat.postCard(CHANNEL, fresh(1, "a"), "k"));
        assertEquals(Kind.RATE_LIMITED, limited.kind());
        assertEquals(Optional.of(Duration.ofSeconds(30)), limited.retryAfter());

        fake.failNext("chat.postMessage", FakeSlack.Fault.serverError());
        assertEquals(Kind.TRANSIENT, assertThrows(DeliveryException.class,
                () -> chat.postCard(CHANNEL, fresh(1, "a"), "k")).kind());
        for (String broken : List.of("invalid_auth", "account_inactive", "token_revoked", "channel_not_found",
                "not_in_channel", "is_archived", "missing_scope")) {
            fake.failNext("chat.postMessage", FakeSlack.Fault.error(broken));
            DeliveryException e = assertThrows(DeliveryException.class, () -> chat.postCard(CHANNEL, fresh(1, "a"), "k"));
            assertEquals(Kind.BROKEN, e.kind(), broken);
            assertEquals("chat.postMessage: " + broken, e.getMessage());
        }
        for (String rejected : List.of("msg_too_long", "invalid_blocks", "msg_blocks_too_long")) {
            fake.failNext("chat.update", FakeSlack.Fault.error(rejected));
            assertEquals(Kind.REJECTED, assertThrows(DeliveryException.class,
                    () -> chat.updateCard(new ChatRef("slack:C0SUPPORT:1700000000.000001"), fresh(1, "a"))).kind());
        }
        assertEquals(Kind.REJECTED, assertThrows(DeliveryException.class,
                () -> chat.updateCard(new ChatRef("discord:1:2"), fresh(1, "a"))).kind());
    }

    @Test
    void aRetryAfterOfADayWaitsFiveMinutes() {
        fake.failNext("chat.postMessage", FakeSlack.Fault.rateLimited(86_400));
        DeliveryException limited = assertThrows(DeliveryException.class, () -> chat.postCard(CHANNEL, fresh(1, "a"), "k"));
        assertEquals(Kind.RATE_LIMITED, limited.kind());
        assertEquals(Optional.of(Duration.ofMinutes(5)), limited.retryAfter());
        assertEquals(Duration.ofMinutes(5), SlackErrors.retryAfter("Wed, 15 Nov 2023 22:13:20 GMT", clock));
        assertEquals(Duration.ofMinutes(5), SlackErrors.retryAfter("999999999999999999", clock));
        assertEquals(Duration.ofSeconds(299), SlackErrors.retryAfter("299", clock));
    }

    @Test
    void retryAfterAsAnHttpDateOrNonsense() {
        assertEquals(Duration.ofSeconds(90), SlackErrors.retryAfter("Tue, 14 Nov 2023 22:14:50 GMT", clock));
        assertEquals(null, SlackErrors.retryAfter("soon", clock));
    }

    @Test
    void aLongTextIsCutWithALinkAndFitsASection() throws DeliveryException {
        chat.postCard(CHANNEL, fresh(7, "&<>".repeat(2_000)), "k");
        JsonNode text = fake.topLevel(CHANNEL).get(0).blocks.get(1).get("text").get("text");
        assertTrue(text.asText().length() <= 3_000, () -> "section of " + text.asText().length());
        assertTrue(text.asText().endsWith("…\n<https://social.example/@jane/7|Read it all on Demo>"), text.asText());
        assertFalse(text.asText().matches("(?s).*&(?!amp;|lt;|gt;).*"), "no escape was split");
    }

    static List<String> actionIds(JsonNode blocks) {
        List<String> ids = new java.util.ArrayList<>();
        for (JsonNode block : blocks) {
            if (block.has("accessory")) {
                ids.add(block.get("accessory").get("action_id").asText());
            }
            for (JsonNode element : block.path("elements")) {
                if (element.has("action_id")) {
                    ids.add(element.get("action_id").asText());
                }
            }
        }
        return ids;
    }
}
