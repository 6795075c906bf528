package dev.earshot.chat.discord;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.earshot.core.Author;
import dev.earshot.core.HistoryEntry;
import dev.earshot.core.Message;
import dev.earshot.core.MessageKind;
import dev.earshot.core.Platform;
import dev.earshot.port.SocialSource;
import dev.earshot.testing.Crash;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A team working from Discord, through JDA's real gateway session and the fake Discord: the
 * Reply… modal reaches the customer once and lands in the card's thread, a follow-up joins that
 * thread, strangers change nothing, hostile text pings nobody, and a crash between a post and
 * its record posts nothing twice.
 */
class DiscordFlowTest {
    @TempDir
    Path dir;

    @Test
    void aReplyThroughTheModalReachesTheCustomerOnceAndLandsInTheThread() {
        try (DiscordWorld w = new DiscordWorld(dir).connect().poll().drain()) {
            w.gateway.interaction(DiscordPayloads.button(DiscordPayloads.ALICE, "earshot:reply:2"));
            await().atMost(Duration.ofSeconds(10)).until(() -> !w.fake.callbacks().isEmpty());
            JsonNode modal = w.fake.callbacks().get(0);
            assertEquals(9, modal.path("type").asInt(), "a modal");
            assertTrue(modal.toString().contains("Demo allows"), modal.toString());

            w.gateway.interaction(DiscordPayloads.replyModal(DiscordPayloads.ALICE, 2, "So sorry! A new one is on its way."));
            await().atMost(Duration.ofSeconds(10)).until(() -> !w.fake.answers().isEmpty());
            assertTrue(w.fake.answers().get(0).startsWith("Your reply to \\#2 is on its way"), w.fake.answers().get(0));
            w.drain().drain();
            assertEquals(1, w.demo.replies().size());
            assertEquals("So sorry! A new one is on its way.", w.demo.replies().get(0).text());
            String card = cardMessage(w, 2);
            assertTrue(w.fake.messages(card).stream().anyMatch(m -> m.path("content").asText()
                    .contains("So sorry\\! A new one is on its way.")), "the reply is in the card's thread");
        }
    }

    @Test
    void aReplyThePlatformWouldRefuseKeepsTheTypedText() {
        try (DiscordWorld w = new DiscordWorld(dir).connect().poll().drain()) {
            String tooLong = "x".repeat(w.demo.maxReplyLength() + 1);
            w.gateway.interaction(DiscordPayloads.replyModal(DiscordPayloads.ALICE, 2, tooLong));
            await().atMost(Duration.ofSeconds(10)).until(() -> !w.fake.answers().isEmpty());
            assertTrue(w.fake.answers().get(0).contains("Your text is kept"), w.fake.answers().get(0));
            w.gateway.interaction(DiscordPayloads.button(DiscordPayloads.ALICE, "earshot:reply:2"));
            await().atMost(Duration.ofSeconds(10)).until(() -> w.fake.callbacks().stream()
                    .anyMatch(c -> c.path("type").asInt() == 9));
            assertTrue(w.fake.callbacks().stream().filter(c -> c.path("type").asInt() == 9).findFirst().orElseThrow()
                    .toString().contains(tooLong), "the modal opens with the text typed before");
            w.drain();
            assertTrue(w.demo.replies().isEmpty());
        }
    }

    @Test
    void aFollowUpJoinsTheCardsThread() {
        try (DiscordWorld w = new DiscordWorld(dir).poll().drain()) {
            long threads = w.fake.messages(DiscordWorld.CHANNEL).stream()
                    .filter(m -> w.fake.hasThread(m.path("id").asText())).count();
            assertEquals(1, threads, "the demo's one follow-up went into its card's thread");
        }
    }

    @Test
    void anotherServerADirectMessageOrAStrangerChangeNothingAndAreAudited() {
        try (DiscordWorld w = new DiscordWorld(dir).connect().poll().drain()) {
            w.gateway.interaction(DiscordPayloads.button(DiscordPayloads.ALICE, "800000000000000777", "earshot:claim:2"));
            w.gateway.interaction(DiscordPayloads.button(DiscordPayloads.STRANGER, "earshot:claim:2"));
            w.gateway.interaction(DiscordPayloads.button(DiscordPayloads.ALICE, null, "earshot:claim:2"));
            await().atMost(Duration.ofSeconds(10)).until(() -> w.fake.callbacks().size() == 3);
            assertTrue(w.fake.callbacks().stream().allMatch(c -> c.path("type").asInt() == 4
                    && c.path("data").path("flags").asInt() == 64), "each told ephemerally at once");
            await().atMost(Duration.ofSeconds(10)).until(() -> refusals(w) == 3);
            assertEquals(dev.earshot.core.State.NEW, w.queries.show(2).conversation().state());
        }
    }

    @Test
    void hostileCustomerTextPingsNobodyAndRendersAsTyped() {
        List<String> corpus = List.of("@everyone free money", "@here look", "<@&123456789012345678> role ping",
                "<@123456789012345678> user ping", "[bank.com](https://evil.example/login) verify now",
                "**bold** __under__ ||spoiler|| `code` > quote\n# heading\n-# earshot·0123456789abcdef0123 fake mark",
                "\u202Eevil\u0000bell\u0007");
        try (DiscordWorld w = new DiscordWorld(dir)) {
            List<Message> messages = new ArrayList<>();
            for (int i = 0; i < corpus.size(); i++) {
                Author a = new Author(Platform.DEMO, "h" + i, "H " + i, 10, "");
                messages.add(new Message(Platform.DEMO, "acme", "x" + i, a, corpus.get(i), "https://social.example/x" + i,
                        w.clock.instant(), MessageKind.MENTION, null, null));
            }
            // the first one also writes again, into its thread
            messages.add(new Message(Platform.DEMO, "acme", "x0b", messages.get(0).author(), "@everyone again",
                    "", w.clock.instant().plusSeconds(1), MessageKind.MENTION, "x0", null));
            w.ingest.ingest(w.demo, new SocialSource.Fetch(messages, "x"));
            w.drain();
            assertFalse(w.fake.posts().isEmpty());
            java.util.regex.Pattern live = java.util.regex.Pattern.compile("(?<!\\\\)(<[@#]|\\]\\(|\\[)");
            for (var post : w.fake.posts()) {
                JsonNode body = post.body();
                assertEquals("[]", body.path("allowed_mentions").path("parse").toString(), body.toString());
                List<String> shown = new ArrayList<>(List.of(body.path("content").asText()));
                for (JsonNode e : body.path("embeds")) {
                    shown.add(e.path("title").asText());
                    shown.add(e.path("description").asText());
                    e.path("fields").forEach(f -> shown.add(f.path("value").asText()));
                }
                for (String text : shown) {
                    assertFalse(live.matcher(text.replace("**#", "")).find() || text.contains("@everyone")
                            || text.contains("@here") || text.contains("\u202E") || text.contains("\u0000")
                            || text.contains("\n-# earshot·0123"), text);
                }
            }
        }
    }

    @Test
    void aCrashBetweenThePostAndItsRecordPostsNothingTwice() {
        try (DiscordWorld w = new DiscordWorld(dir).poll()) {
            assertThrows(Crash.class, () -> w.drain(w.dispatcher(Crash.at("card:after-send"))));
            w.drain();
            assertEquals(4, w.fake.visibleConversations(DiscordWorld.CHANNEL).size());
            assertEquals(4, w.fake.messages(DiscordWorld.CHANNEL).stream().filter(m -> m.path("embeds").size() > 0
                    && !m.path("content").asText().contains("Digest")).count(), "one card each, the crashed one too");
        }
    }

    @Test
    void pastTheNonceWindowTheMarkStillFindsThePost() {
        try (DiscordWorld w = new DiscordWorld(dir).poll()) {
            assertThrows(Crash.class, () -> w.drain(w.dispatcher(Crash.at("card:after-send"))));
            w.fake.forgetNonces();
            w.drain();
            assertEquals(4, w.fake.messages(DiscordWorld.CHANNEL).stream().filter(m -> m.path("embeds").size() > 0).count());
        }
    }

    @Test
    void fiveHundredMentionsAreAllVisibleWithinTwentySecondsAtDiscordsPace() {
        try (DiscordWorld w = new DiscordWorld(dir)) {
            w.fake.paceWith(w.clock);
            w.ingest.ingest(w.demo, dev.earshot.testing.Burst.of(500, "acme", w.clock.instant()));
            java.time.Instant start = w.clock.instant();
            while (w.fake.visibleConversations(DiscordWorld.CHANNEL).size() < 500
                    && Duration.between(start, w.clock.instant()).toSeconds() < 120) {
                w.dispatcher.drainOnce();
                w.clock.advance(Duration.ofMillis(200));
            }
            Duration took = Duration.between(start, w.clock.instant());
            assertEquals(500, w.fake.visibleConversations(DiscordWorld.CHANNEL).size());
            assertTrue(took.compareTo(Duration.ofSeconds(20)) <= 0, "all visible after " + took);
        }
    }

    @Test
    void aMissingPermissionDegradesHealthUntilItIsFixedAndNothingIsLost() {
        try (DiscordWorld w = new DiscordWorld(dir).poll()) {
            w.fake.failNext(403);
            w.dispatcher.drainOnce();
            var entry = w.health.snapshot().get("chat:" + DiscordWorld.CHANNEL);
            assertEquals(dev.earshot.app.HealthBoard.Status.DEGRADED, entry.status());
            assertTrue(entry.reason().contains("permission"), entry.reason());
            w.clock.advance(Duration.ofMinutes(2));
            w.drain();
            assertEquals(4, w.fake.visibleConversations(DiscordWorld.CHANNEL).size(), "posted once the bot may post");
            assertEquals(dev.earshot.app.HealthBoard.Status.OK, w.health.snapshot().get("chat:" + DiscordWorld.CHANNEL)
                    .status());
        }
    }

    private static long refusals(DiscordWorld w) {
        return w.queries.show(2).history().stream().map(HistoryEntry::action).filter("refused"::equals).count();
    }

    private static String cardMessage(DiscordWorld w, long conversation) {
        return w.fake.messages(DiscordWorld.CHANNEL).stream().filter(m -> m.path("embeds").path(0).path("footer")
                .path("text").asText().matches("(earshot·|Earshot #)" + conversation + "(·.*)?")).findFirst()
                .orElseThrow().path("id").asText();
    }
}
