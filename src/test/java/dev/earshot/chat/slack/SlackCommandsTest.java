package dev.earshot.chat.slack;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.app.Command;
import dev.earshot.core.State;
import dev.earshot.core.Team;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Buttons, /earshot and the forms, posted to /slack/events with real signatures, through Bolt. */
class SlackCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String T = FakeSlack.TEAM;
    @TempDir
    Path dir;
    SlackWorld w;

    @BeforeEach
    void setUp() {
        w = new SlackWorld(dir).poll().drain();
    }

    @AfterEach
    void tearDown() {
        w.close();
    }

    private static void eventually(Runnable assertion) {
        await().atMost(Duration.ofSeconds(5)).untilAsserted(assertion::run);
    }

    private State state(long id) {
        return w.queries.show(id).conversation().state();
    }

    private JsonNode cardOf(long id) {
        return w.cards().stream().filter(b -> b.get(0).path("block_id").asText().equals("earshot.card." + id))
                .findFirst().orElseThrow();
    }

    @Test
    void aClickOnClaimIsAckedAndTheCardUpdatesInPlaceForEveryone() {
        assertEquals(4, w.cards().size());
        HttpResponse<String> ack = w.click(SlackWorld.ALICE, T, Actions.CLAIM, 2);
        assertEquals(200, ack.statusCode());
        eventually(() -> assertEquals(List.of("You claimed #2."), w.answersTo(SlackWorld.ALICE)));
        JsonNode answer = w.fake.responses().get(0);
        assertEquals("ephemeral", answer.get("response_type").asText());
        assertEquals(false, answer.get("replace_original").asBoolean());
        w.drain();
        assertEquals(4, w.cards().size(), "updated, not posted again");
        assertTrue(cardOf(2).toString().contains("🙋 claimed by @alice"));
        assertEquals(List.of("earshot.reply", "earshot.dismiss", "earshot.snooze", "earshot.resolve", "earshot.open"),
                SlackChatTest.actionIds(cardOf(2)));
    }

    @Test
    void aTypedCommandIsTheSameCommandAsTheButton() {
        w.command(SlackWorld.BOB, T, SlackWorld.CHANNEL, "claim 3");
        eventually(() -> assertEquals(List.of("You claimed #3."), w.answersTo(SlackWorld.BOB)));
        assertEquals("bob", w.queries.show(3).conversation().owner());
        w.command(SlackWorld.BOB, T, SlackWorld.CHANNEL, "queue");
        eventually(() -> assertEquals(2, w.answersTo(SlackWorld.BOB).size()));
        String queue = w.answersTo(SlackWorld.BOB).get(1);
        assertTrue(queue.startsWith("```4 waiting, most urgent first:\n"), queue);
        w.command(SlackWorld.BOB, T, SlackWorld.CHANNEL, "claim twelve");
        eventually(() -> assertEquals(3, w.answersTo(SlackWorld.BOB).size()));
        assertEquals("Usage: /earshot claim &lt;id&gt;", w.answersTo(SlackWorld.BOB).get(2));
    }

    @Test
    void twoTeammatesClaimAtOnceAndTheLoserIsToldWho() {
        for (int round = 0; round < 3; round++) {
            long id = round + 1;
            CompletableFuture<HttpResponse<String>> a = CompletableFuture.supplyAsync(
                    () -> w.click(SlackWorld.ALICE, T, Actions.CLAIM, id));
            CompletableFuture<HttpResponse<String>> b = CompletableFuture.supplyAsync(
                    () -> w.click(SlackWorld.BOB, T, Actions.CLAIM, id));
            assertEquals(200, a.join().statusCode());
            assertEquals(200, b.join().statusCode());
            int answered = round + 1;
            eventually(() -> assertEquals(answered * 2, w.fake.responses().size()));
            String owner = w.queries.show(id).conversation().owner();
            String loser = owner.equals("alice") ? SlackWorld.BOB : SlackWorld.ALICE;
            String winner = owner.equals("alice") ? SlackWorld.ALICE : SlackWorld.BOB;
            assertEquals("You claimed #" + id + ".", w.answersTo(winner).get(round));
            assertEquals("#" + id + " is already claimed by @" + owner, w.answersTo(loser).get(round));
        }
    }

    @Test
    void anOutsiderAndASlackConnectUserAreRefusedAndNothingChanges() {
        int updates = w.fake.calls("chat.update").size();
        w.click("U0EVE", T, Actions.CLAIM, 1);
        w.click(SlackWorld.ALICE, "T0OTHERORG", Actions.CLAIM, 1);
        w.command("U0EVE", T, SlackWorld.CHANNEL, "dismiss 2 spam");
        w.command(SlackWorld.ALICE, "T0OTHERORG", SlackWorld.CHANNEL, "resolve 2");
        eventually(() -> assertEquals(4, w.fake.responses().size()));
        w.fake.responses().forEach(r -> assertEquals(Team.NOT_ON_TEAM, r.get("text").asText()));
        assertEquals(State.NEW, state(1));
        assertEquals(State.NEW, state(2));
        assertEquals(List.of("slack:U0EVE", "slack:U0ALICE"), w.queries.show(1).history().stream()
                .filter(h -> h.action().equals("refused")).map(h -> h.actor()).toList(), "audit rows");
        w.drain();
        assertEquals(updates, w.fake.calls("chat.update").size(), "no card changed");
    }

    @Test
    void commandsFromOtherChannelsAreRefused() {
        w.command(SlackWorld.ALICE, T, "C0RANDOM", "claim 1");
        eventually(() -> assertEquals(List.of("Earshot works in <#C0SUPPORT>, <#C0VIP>; ask there."),
                w.answersTo(SlackWorld.ALICE)));
        assertEquals(State.NEW, state(1));
    }

    @Test
    void replyOpensAFormWithTheCustomersWordsTheLimitAndTheTemplates() {
        w.click(SlackWorld.ALICE, T, Actions.REPLY, 2);
        eventually(() -> assertEquals(1, w.fake.views().size()));
        JsonNode view = w.fake.views().get(0);
        assertEquals("earshot.reply-form", view.get("callback_id").asText());
        assertEquals("Reply to #2", view.get("title").get("text").asText());
        String blocks = view.get("blocks").toString();
        assertTrue(blocks.contains("*@grumpy_greg wrote on Demo:*\\n>"), blocks);
        assertTrue(blocks.contains("Sent exactly as written, threaded under @grumpy_greg's message above. Demo allows 500"), blocks);
        assertTrue(blocks.contains("\"action_id\":\"earshot.template\""), blocks);
        assertEquals(w.fake.calls("views.open").get(0).get("trigger_id").isBlank(), false);

        // Picking the template fills the box, ready to edit.
        var pick = SlackPayloads.click(SlackWorld.ALICE, T, Actions.TEMPLATE, null, SlackWorld.CHANNEL, "");
        var action = (com.fasterxml.jackson.databind.node.ObjectNode) pick.get("actions").get(0);
        action.put("type", "static_select").putObject("selected_option").put("value", "0");
        pick.remove("channel");
        pick.set("view", view.deepCopy());
        ((com.fasterxml.jackson.databind.node.ObjectNode) pick.get("view")).put("id", "V0VIEW1").put("hash", "h1");
        ((com.fasterxml.jackson.databind.node.ObjectNode) pick.get("container")).put("type", "view");
        assertEquals(200, w.submit(pick).statusCode());
        eventually(() -> assertEquals(1, w.fake.calls("views.update").size()));
        assertEquals("V0VIEW1", w.fake.calls("views.update").get(0).get("view_id"));
        String updated = w.fake.views().get(1).get("blocks").toString();
        assertTrue(updated.contains("\"block_id\":\"reply.1\""), updated);
        assertTrue(updated.contains("\"initial_value\":\"Thanks Greg, alice here: we're on it (#2).\""), updated);
    }

    private HttpResponse<String> sendReply(String user, long id, String text) {
        String origin = new Forms.Origin(id, SlackWorld.CHANNEL).toJson();
        return w.submit(SlackPayloads.submit(user, T, Actions.REPLY_FORM, origin, Map.of("reply.0", Map.of("text", text))));
    }

    @Test
    void theReplyFormGivesFieldErrorsAndSendsNothingThen() throws Exception {
        HttpResponse<String> empty = sendReply(SlackWorld.ALICE, 2, "   ");
        assertEquals(Map.of("response_action", "errors", "errors", Map.of("reply.0",
                "Write a reply first; nothing was sent.")), JSON.readValue(empty.body(), Map.class));
        HttpResponse<String> tooLong = sendReply(SlackWorld.ALICE, 2, "x".repeat(501));
        assertEquals("That reply is 501 characters long; Demo allows 500. Shorten it by 1. Nothing was sent.",
                JSON.readTree(tooLong.body()).get("errors").get("reply.0").asText());
        w.click(SlackWorld.BOB, T, Actions.CLAIM, 2);
        eventually(() -> assertEquals(1, w.answersTo(SlackWorld.BOB).size()));
        HttpResponse<String> notYours = sendReply(SlackWorld.ALICE, 2, "Hi!");
        assertEquals("#2 is claimed by @bob; only they can reply to it.",
                JSON.readTree(notYours.body()).get("errors").get("reply.0").asText());
        HttpResponse<String> outsider = sendReply("U0EVE", 2, "Hi!");
        assertEquals(Team.NOT_ON_TEAM, JSON.readTree(outsider.body()).get("errors").get("reply.0").asText());
        w.drain();
        assertTrue(w.demo.replies().isEmpty(), "nothing reached the customer");
    }

    @Test
    void aGoodReplyClosesTheFormAndReachesTheCustomer() {
        HttpResponse<String> sent = sendReply(SlackWorld.ALICE, 2, "Hi Greg <3 & thanks");
        assertEquals(200, sent.statusCode());
        assertTrue(sent.body().isEmpty(), sent.body());
        eventually(() -> assertEquals(1, w.fake.ephemerals().size()));
        assertEquals("Your reply to #2 is on its way to @grumpy_greg on Demo.", w.fake.ephemerals().get(0).get("text"));
        w.drain();
        assertEquals("Hi Greg <3 & thanks", w.demo.replies().get(0).text(), "exactly what was typed");
        assertTrue(cardOf(2).toString().contains("✅ replied by @alice in"));
        String thread = w.fake.thread(SlackWorld.CHANNEL, w.fake.topLevel(SlackWorld.CHANNEL).get(1).ts).stream()
                .map(p -> p.text).toList().toString();
        assertTrue(thread.contains("↩️ @alice replied to the customer: Hi Greg &lt;3 &amp; thanks"), thread);
    }

    @Test
    void dismissAsksForAReason() throws Exception {
        w.click(SlackWorld.ALICE, T, Actions.DISMISS, 4);
        eventually(() -> assertEquals(1, w.fake.views().size()));
        assertEquals("earshot.dismiss-form", w.fake.views().get(0).get("callback_id").asText());
        String origin = w.fake.views().get(0).get("private_metadata").asText();
        HttpResponse<String> blank = w.submit(SlackPayloads.submit(SlackWorld.ALICE, T, Actions.DISMISS_FORM, origin,
                Map.of("reason", Map.of("reason", ""))));
        assertEquals("Say why it needs no answer.", JSON.readTree(blank.body()).get("errors").get("reason").asText());
        w.submit(SlackPayloads.submit(SlackWorld.ALICE, T, Actions.DISMISS_FORM, origin,
                Map.of("reason", Map.of("reason", "spam"))));
        assertEquals(State.DISMISSED, state(4));
    }

    @Test
    void snoozeAndResolveButtons() {
        w.click(SlackWorld.CAROL, T, Actions.SNOOZE, 1);
        eventually(() -> assertEquals(1, w.answersTo(SlackWorld.CAROL).size()));
        assertEquals(State.SNOOZED, state(1));
        w.click(SlackWorld.CAROL, T, Actions.RESOLVE, 3);
        eventually(() -> assertEquals(List.of("#1 snoozed until 23:13 Z.", "#3 resolved."), w.answersTo(SlackWorld.CAROL)));
    }

    @Test
    void theAnsweredThereButtonRunsItsCommand() {
        w.click(SlackWorld.CAROL, T, Actions.ANSWERED_THERE, 1);
        eventually(() -> assertEquals(List.of("#1 can be answered from here (reply 1 &lt;text&gt;); an answer given in the"
                + " Demo app is seen by itself."), w.answersTo(SlackWorld.CAROL)));
    }

    @Test
    void theSnoozeButtonSnoozesForTheCommandsDefault() {
        w.click(SlackWorld.BOB, T, Actions.SNOOZE, 2);
        eventually(() -> assertEquals(1, w.answersTo(SlackWorld.BOB).size()));
        assertEquals(w.clock.instant().plus(Command.Snooze.DEFAULT), w.queries.show(2).conversation().snoozedUntil());
    }

    @Test
    void aRefusedClickIsAuditedOnTheConversationItNames() {
        w.click("U0EVE", T, Actions.SNOOZE, 2);
        w.command("U0EVE", T, SlackWorld.CHANNEL, "followup 2 2d check");
        eventually(() -> assertEquals(2, w.fake.responses().size()));
        assertEquals(List.of("snooze: not a configured member", "followup: not a configured member"),
                w.queries.show(2).history().stream().filter(h -> h.action().equals("refused")).map(h -> h.detail())
                        .toList());
    }

    @Test
    void everythingIsAckedEvenWhatEarshotDoesNotKnow() {
        assertEquals(200, w.click(SlackWorld.ALICE, T, Actions.OPEN, 1).statusCode());
        assertEquals(200, w.click(SlackWorld.ALICE, T, "someone.elses.button", 1).statusCode());
        assertEquals(200, w.submit(SlackPayloads.submit(SlackWorld.ALICE, T, "another.form", "{}", Map.of())).statusCode());
        var closed = SlackPayloads.template("view_submission").put("type", "view_closed");
        assertEquals(200, w.submit(closed).statusCode());
        assertEquals(200, w.command(SlackWorld.ALICE, T, SlackWorld.CHANNEL, "").statusCode());
        eventually(() -> assertEquals(1, w.answersTo(SlackWorld.ALICE).size()));
        assertTrue(w.answersTo(SlackWorld.ALICE).get(0).startsWith("```Earshot commands"));
        assertEquals(State.NEW, state(1));
    }

    @Test
    void aRepeatedDeliveryIsAckedAndIgnored() {
        var payload = SlackPayloads.click(SlackWorld.ALICE, T, Actions.CLAIM, "1", SlackWorld.CHANNEL,
                w.newResponseUrl(SlackWorld.ALICE));
        assertEquals(200, w.submit(payload).statusCode());
        assertEquals(200, w.submit(payload).statusCode());
        eventually(() -> assertEquals(1, w.answersTo(SlackWorld.ALICE).size()));
        w.click(SlackWorld.BOB, T, Actions.CLAIM, 2);
        eventually(() -> assertEquals(1, w.answersTo(SlackWorld.BOB).size()));
        assertEquals(List.of("You claimed #1."), w.answersTo(SlackWorld.ALICE), "not 'already yours'");
    }
}
