package dev.earshot.chat.slack;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.core.Conversation;
import dev.earshot.core.State;
import dev.earshot.core.Team;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may do what, driven from the outside: {@code /earshot} commands and buttons posted to the
 * Slack adapter as Slack posts them, answers read from the fake Slack, the customer's replies from
 * the demo source. Alice owns a conversation; Bob (a member) may not touch it; Carol (an admin) may.
 * Each owner-or-admin check, and the checks on follow-ups and escalations, fails a test here when
 * it is taken out.
 */
class SlackOwnerRulesTest {
    private static final String T = FakeSlack.TEAM;
    private static final String ALICE = SlackWorld.ALICE;
    private static final String BOB = SlackWorld.BOB;
    private static final String CAROL = SlackWorld.CAROL;
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

    /** Types {@code /earshot text} as {@code user} in the support channel; returns what only they were told. */
    private String say(String user, String text) {
        return answered(user, () -> w.command(user, T, SlackWorld.CHANNEL, text));
    }

    private String click(String user, String actionId, long id) {
        return answered(user, () -> w.click(user, T, actionId, id));
    }

    private String answered(String user, Runnable request) {
        int before = w.answersTo(user).size();
        request.run();
        await().atMost(Duration.ofSeconds(5)).until(() -> w.answersTo(user).size() > before);
        return w.answersTo(user).get(before);
    }

    private Conversation conversation(long id) {
        return w.queries.show(id).conversation();
    }

    private String onItsWay(long id) {
        return "Your reply to #" + id + " is on its way to @" + conversation(id).authorHandle() + " on Demo.";
    }

    private static String onlyAlice(long id, String verb) {
        return "#" + id + " is claimed by @alice; only they can " + verb + " it.";
    }

    @Test
    void bobCannotAssignAlicesConversationToHimselfAndThenReply() {
        assertEquals("You claimed #3.", say(ALICE, "claim 3"));
        assertEquals(onlyAlice(3, "reassign"), say(BOB, "assign 3 @bob"));
        assertEquals(onlyAlice(3, "reply to"), say(BOB, "reply 3 Sorry about that, refund on its way"));
        w.drain();
        assertEquals("alice", conversation(3).owner());
        assertTrue(w.demo.replies().isEmpty(), "nothing reached the customer");
    }

    @Test
    void aBystanderIsRefusedEveryChangeToAConversationSomeoneElseOwns() {
        assertEquals("You claimed #1.", say(ALICE, "claim 1"));
        long version = conversation(1).version();
        assertEquals(onlyAlice(1, "release"), say(BOB, "release 1"));
        assertEquals(onlyAlice(1, "reassign"), say(BOB, "assign 1 @bob"));
        assertEquals(onlyAlice(1, "reassign"), say(BOB, "assign 1 @carol"));
        assertEquals(onlyAlice(1, "reply to"), say(BOB, "reply 1 Hi!"));
        assertEquals(onlyAlice(1, "dismiss"), say(BOB, "dismiss 1 spam"));
        assertEquals(onlyAlice(1, "snooze"), say(BOB, "snooze 1 2h"));
        assertEquals(onlyAlice(1, "resolve"), say(BOB, "resolve 1"));
        assertEquals(onlyAlice(1, "snooze"), click(BOB, Actions.SNOOZE, 1));
        assertEquals(onlyAlice(1, "resolve"), click(BOB, Actions.RESOLVE, 1));
        w.drain();
        Conversation after = conversation(1);
        assertEquals(State.CLAIMED, after.state());
        assertEquals("alice", after.owner());
        assertEquals(version, after.version(), "not written at all");
        assertTrue(w.demo.replies().isEmpty());
    }

    @Test
    void theOwnerAndAnAdminMayDoAllOfIt() {
        for (long id = 1; id <= 4; id++) {
            assertEquals("You claimed #" + id + ".", say(ALICE, "claim " + id));
        }
        // Carol is an admin: she may act on what Alice owns.
        assertEquals("#1 is now @bob's.", say(CAROL, "assign 1 @bob"));
        assertEquals(onItsWay(1), say(BOB, "reply 1 Hi, Bob here"), "now Bob owns it, he may reply");
        assertEquals("You released #2; it is back with the team.", say(CAROL, "release 2"));
        assertEquals("#3 snoozed until 23:13 Z.", say(CAROL, "snooze 3 1h"));
        assertEquals("#3 dismissed: duplicate.", say(CAROL, "dismiss 3 duplicate"));
        assertEquals(onItsWay(4), say(CAROL, "reply 4 An admin answers"));
        assertEquals("#4 resolved.", say(CAROL, "resolve 4"));
        assertEquals("#1 resolved.", say(BOB, "resolve 1"));
        w.drain();
        assertEquals(List.of("Hi, Bob here", "An admin answers"),
                w.demo.replies().stream().map(r -> r.text()).toList());
        assertEquals("alice", conversation(4).owner(), "an admin's reply leaves the owner in place");
    }

    @Test
    void anUnownedConversationMayBeAssignedByAnyMember() {
        assertEquals("#2 is now @alice's.", say(BOB, "assign 2 @alice"));
        assertEquals("#2 is already @alice's.", say(BOB, "assign 2 @alice"));
        assertEquals(onlyAlice(2, "reassign"), say(BOB, "assign 2 @bob"));
        assertEquals("#2 is now @bob's.", say(ALICE, "assign 2 @bob"), "the owner hands it on");
        assertEquals("bob", conversation(2).owner());
    }

    @Test
    void followUpsAndEscalationsKeepTheirRules() {
        assertEquals("You claimed #1.", say(ALICE, "claim 1"));
        assertEquals("A follow-up can be at most a year ahead.", say(BOB, "followup 1 400d"));
        assertEquals("You are already on #1; name the teammate to bring in.", say(BOB, "escalate 1 @bob"));
        assertEquals("#4 resolved.", say(CAROL, "resolve 4"));
        assertEquals("#4 is resolved; there is nobody left to bring in.", say(BOB, "escalate 4 @carol why"));
        assertEquals(Team.NOT_ON_TEAM, say("U0EVE", "followup 1 2d check the refund"));
        assertEquals(Team.NOT_ON_TEAM, say("U0EVE", "escalate 1 @carol"));
        w.drain();
        List<String> actions = w.queries.show(1).history().stream().map(h -> h.action()).toList();
        assertTrue(actions.stream().noneMatch(a -> a.equals("followup") || a.equals("escalate")), actions.toString());
        long audited = w.queries.show(1).history().stream()
                .filter(h -> h.action().equals("refused") && h.actor().equals("slack:U0EVE")).count();
        assertEquals(2, audited, "the outsider's tries are audited");
        // Any member may set a follow-up or bring someone in on a conversation Alice owns.
        assertTrue(say(BOB, "followup 1 2d check the refund").startsWith("Follow-up on #1 set for "));
        assertEquals("@carol is brought in on #1.", say(BOB, "escalate 1 @carol invoices"));
    }
}
