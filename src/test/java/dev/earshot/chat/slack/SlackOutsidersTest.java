package dev.earshot.chat.slack;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.earshot.core.HistoryEntry;
import dev.earshot.core.State;
import dev.earshot.core.Team;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forms, template picks and buttons from people who may not act, or from places Earshot does not
 * work in: each is refused, nothing changes, the audit log keeps a row, and only the person who
 * tried is told why.
 */
class SlackOutsidersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String T = FakeSlack.TEAM;
    private static final String OTHER_ORG = "T0OTHERORG";
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

    private List<String> refusedBy(long id) {
        return w.queries.show(id).history().stream().filter(h -> h.action().equals("refused"))
                .map(HistoryEntry::actor).toList();
    }

    private String fieldError(HttpResponse<String> ack, String field) throws Exception {
        assertEquals(200, ack.statusCode());
        return JSON.readTree(ack.body()).path("errors").path(field).asText();
    }

    @Test
    void formsSentByOutsidersOrAnotherWorkspaceAreRefusedInTheForm() throws Exception {
        String origin = new Forms.Origin(2, SlackWorld.CHANNEL).toJson();
        for (String[] who : List.of(new String[] {"U0EVE", T}, new String[] {SlackWorld.ALICE, OTHER_ORG})) {
            HttpResponse<String> reply = w.submit(SlackPayloads.submit(who[0], who[1], Actions.REPLY_FORM, origin,
                    Map.of("reply.0", Map.of("text", "Hi from outside"))));
            assertEquals(Team.NOT_ON_TEAM, fieldError(reply, "reply.0"));
            HttpResponse<String> dismiss = w.submit(SlackPayloads.submit(who[0], who[1], Actions.DISMISS_FORM, origin,
                    Map.of("reason", Map.of("reason", "spam"))));
            assertEquals(Team.NOT_ON_TEAM, fieldError(dismiss, "reason"));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> refusedBy(2).size() == 4);
        assertEquals(List.of("slack:U0EVE", "slack:U0EVE", "slack:U0ALICE", "slack:U0ALICE"), refusedBy(2));
        w.drain();
        assertEquals(State.NEW, w.queries.show(2).conversation().state());
        assertTrue(w.demo.replies().isEmpty(), "nothing reached the customer");
        assertTrue(w.fake.ephemerals().isEmpty(), "the form itself says it; nobody else is told");
    }

    /** A template picked in a Reply form, as Slack sends it: the form's view and the option's index. */
    private ObjectNode pick(String user, String team) {
        String origin = new Forms.Origin(2, SlackWorld.CHANNEL).toJson();
        ObjectNode pick = SlackPayloads.click(user, team, Actions.TEMPLATE, null, SlackWorld.CHANNEL, "");
        ((ObjectNode) pick.get("actions").get(0)).put("type", "static_select").putObject("selected_option")
                .put("value", "0");
        pick.remove("channel");
        ((ObjectNode) pick.get("container")).put("type", "view");
        ObjectNode view = pick.putObject("view");
        view.put("id", "V0VIEW1").put("hash", "h1").put("callback_id", Actions.REPLY_FORM)
                .put("private_metadata", origin);
        view.putObject("state").putObject("values");
        return pick;
    }

    @Test
    void templatePicksByOutsidersOrAnotherWorkspaceFillNothing() {
        assertEquals(200, w.submit(pick("U0EVE", T)).statusCode());
        assertEquals(200, w.submit(pick(SlackWorld.ALICE, OTHER_ORG)).statusCode());
        await().atMost(Duration.ofSeconds(5)).until(() -> w.fake.ephemerals().size() == 2);
        w.fake.ephemerals().forEach(e -> {
            assertEquals(Team.NOT_ON_TEAM, e.get("text"));
            assertEquals(SlackWorld.CHANNEL, e.get("channel"));
        });
        assertEquals(List.of("U0EVE", SlackWorld.ALICE), w.fake.ephemerals().stream().map(e -> e.get("user")).toList());
        assertEquals(List.of("slack:U0EVE", "slack:U0ALICE"), refusedBy(2));
        assertTrue(w.fake.calls("views.update").isEmpty(), "no form was filled in with the team's words");

        assertEquals(200, w.submit(pick(SlackWorld.ALICE, T)).statusCode());
        await().atMost(Duration.ofSeconds(5)).until(() -> w.fake.calls("views.update").size() == 1);
    }

    @Test
    void buttonsOnACardInAnotherChannelAreRefused() {
        int updates = w.fake.calls("chat.update").size();
        for (String action : List.of(Actions.CLAIM, Actions.SNOOZE, Actions.RESOLVE)) {
            assertEquals(200, w.submit(SlackPayloads.click(SlackWorld.CAROL, T, action, "1", "C0RANDOM",
                    w.newResponseUrl(SlackWorld.CAROL))).statusCode());
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> w.answersTo(SlackWorld.CAROL).size() == 3);
        w.answersTo(SlackWorld.CAROL).forEach(a -> assertEquals("Earshot works in <#C0SUPPORT>, <#C0VIP>; ask there.", a));
        assertEquals(List.of("slack:U0CAROL", "slack:U0CAROL", "slack:U0CAROL"), refusedBy(1));
        assertTrue(w.queries.show(1).history().stream().filter(h -> h.action().equals("refused"))
                .allMatch(h -> h.detail().endsWith("outside Earshot's channels")));
        w.drain();
        assertEquals(State.NEW, w.queries.show(1).conversation().state());
        assertEquals(updates, w.fake.calls("chat.update").size(), "no card changed");
        assertTrue(w.fake.responses().stream().allMatch(r -> r.get("response_type").asText().equals("ephemeral")));
    }
}
