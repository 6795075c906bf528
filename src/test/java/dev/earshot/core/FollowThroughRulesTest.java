package dev.earshot.core;

import static dev.earshot.core.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One owner, escalations and follow-ups: the small rules. */
class FollowThroughRulesTest {
    final Continuity fortnight = new Continuity(Duration.ofDays(14));
    final Set<String> team = Set.of("alice", "bob");

    private Conversation opened(long id, String handle, java.time.Instant at) {
        Message m = new Message(Platform.DEMO, "demo", "m" + id, Fixtures.author(handle, 10), "hi", "", at,
                MessageKind.MENTION, null, null);
        return Conversation.open(m, "support", new Priority(20)).withId(id);
    }

    @Test
    void aReturningCustomerGoesToTheirEarlierOwnerWithinTheWindow() {
        Conversation earlier = opened(7, "jane", T0).claim("bob").resolve("bob", false);
        Conversation fresh = opened(12, "jane", T0.plus(Duration.ofDays(13)));
        Continuity.Link link = fortnight.link(fresh, Optional.of(earlier), team::contains).orElseThrow();
        assertEquals("bob", link.owner());
        Conversation claimed = Continuity.continueWith(fresh, link);
        assertEquals(State.CLAIMED, claimed.state());
        assertEquals("bob", claimed.owner());
    }

    @Test
    void noHandOverOutsideTheWindowWithoutAnOwnerOrToSomeoneWhoLeft() {
        Conversation earlier = opened(7, "jane", T0).claim("bob");
        assertEquals(Optional.empty(), fortnight.link(opened(12, "jane", T0.plus(Duration.ofDays(15))),
                Optional.of(earlier), team::contains));
        assertEquals(Optional.empty(), fortnight.link(opened(12, "jane", T0.plusSeconds(60)),
                Optional.of(opened(7, "jane", T0)), team::contains));
        assertEquals(Optional.empty(), fortnight.link(opened(12, "jane", T0.plusSeconds(60)),
                Optional.of(opened(7, "jane", T0).claim("zoe")), team::contains));
        assertEquals(Optional.empty(), fortnight.link(opened(12, "max", T0.plusSeconds(60)),
                Optional.of(earlier), team::contains), "another customer");
        assertEquals(Optional.empty(), Continuity.off().link(opened(12, "jane", T0.plusSeconds(60)),
                Optional.of(earlier), team::contains));
    }

    @Test
    void escalationBringsSomeoneElseIntoAnOpenConversation() {
        Conversation c = Fixtures.fresh().claim("alice");
        Escalation e = Escalation.of(c, "alice", "erin", "  she knows invoices ");
        assertEquals("@erin: she knows invoices", e.detail());
        assertEquals("erin", Escalation.expertOf(e.detail()));
        assertEquals("erin", Escalation.expertOf("@erin"));
        assertEquals("You are already on #12; name the teammate to bring in.",
                assertThrows(Refusal.class, () -> Escalation.of(c, "alice", "Alice", "")).getMessage());
        assertEquals("#12 is resolved; there is nobody left to bring in.",
                assertThrows(Refusal.class, () -> Escalation.of(c.resolve("alice", false), "alice", "erin", ""))
                        .getMessage());
    }

    @Test
    void aFollowUpRemindsTheOwnerElseWhoeverSetIt() {
        Conversation c = Fixtures.fresh();
        FollowUp f = FollowUp.schedule(c, "carol", Duration.ofDays(2), " check the replacement ", T0);
        assertEquals(T0.plus(Duration.ofDays(2)), f.dueAt());
        assertEquals("check the replacement", f.note());
        assertEquals("carol", f.remind(c));
        assertEquals("bob", f.remind(c.claim("bob")));
        assertTrue(f.isDue(T0.plus(Duration.ofDays(2))));
        assertEquals("A follow-up can be at most a year ahead.", assertThrows(Refusal.class,
                () -> FollowUp.schedule(c, "carol", Duration.ofDays(400), "", T0)).getMessage());
    }
}
