package dev.earshot.core;

import static dev.earshot.core.Fixtures.T0;
import static dev.earshot.core.Fixtures.fresh;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConversationTest {

    @Test
    void claimTakesANewConversation() {
        Conversation c = fresh().claim("alice");
        assertEquals(State.CLAIMED, c.state());
        assertEquals("alice", c.owner());
    }

    @Test
    void secondClaimIsToldWhoOwnsIt() {
        Conversation c = fresh().claim("alice");
        Refusal r = assertThrows(Refusal.class, () -> c.claim("bob"));
        assertEquals("#12 is already claimed by @alice", r.getMessage());
        assertEquals("#12 is already yours.", assertThrows(Refusal.class, () -> c.claim("alice")).getMessage());
    }

    @Test
    void onlyTheOwnerOrAnAdminReleases() {
        Conversation c = fresh().claim("alice");
        assertEquals("#12 is claimed by @alice; only they can release it.",
                assertThrows(Refusal.class, () -> c.release("bob", false)).getMessage());
        Conversation released = c.release("carol", true);
        assertEquals(State.NEW, released.state());
        assertNull(released.owner());
        assertThrows(Refusal.class, () -> fresh().release("alice", false));
    }

    @Test
    void replyClaimsAnUnownedConversationAndIsRefusedToOthers() {
        Conversation replied = fresh().reply("bob", false);
        assertEquals(State.REPLIED, replied.state());
        assertEquals("bob", replied.owner());
        Conversation claimed = fresh().claim("alice");
        assertEquals("#12 is claimed by @alice; only they can reply to it.",
                assertThrows(Refusal.class, () -> claimed.reply("bob", false)).getMessage());
        assertEquals("alice", claimed.reply("admin", true).owner());
    }

    @Test
    void closedConversationsRefuseEverything() {
        Conversation dismissed = fresh().dismiss("alice", false, "spam");
        assertEquals("spam", dismissed.stateNote());
        assertEquals("#12 was dismissed; there is nothing left to claim.",
                assertThrows(Refusal.class, () -> dismissed.claim("bob")).getMessage());
        Conversation resolved = fresh().claim("alice").resolve("alice", false);
        assertThrows(Refusal.class, () -> resolved.reply("alice", false));
        assertThrows(Refusal.class, () -> resolved.resolve("alice", false));
        assertThrows(Refusal.class, () -> resolved.snooze("alice", false, T0.plusSeconds(60), T0));
    }

    @Test
    void dismissNeedsAReason() {
        assertThrows(Refusal.class, () -> fresh().dismiss("alice", false, " "));
    }

    @Test
    void snoozeEndsInTheFutureAndWakesBackToTheOwner() {
        Conversation claimed = fresh().claim("alice");
        assertThrows(Refusal.class, () -> claimed.snooze("alice", false, T0, T0));
        Conversation snoozed = claimed.snooze("alice", false, T0.plus(Duration.ofHours(1)), T0);
        assertEquals(State.SNOOZED, snoozed.state());
        assertEquals(snoozed, snoozed.wake(T0.plusSeconds(60)), "not yet due");
        Conversation woken = snoozed.wake(T0.plus(Duration.ofHours(1)));
        assertEquals(State.CLAIMED, woken.state());
        assertEquals("alice", woken.owner());
        assertEquals(State.NEW, fresh().snooze("bob", false, T0.plusSeconds(5), T0).wake(T0.plusSeconds(5)).state());
    }

    @Test
    void aFollowUpReopensForTheSameOwner() {
        Conversation replied = fresh().reply("alice", false).answeredAt(T0.plusSeconds(600));
        Conversation again = replied.customerWroteAgain(T0.plusSeconds(900));
        assertEquals(State.CLAIMED, again.state());
        assertEquals("alice", again.owner());
        assertEquals(T0.plusSeconds(600), again.firstReplyAt(), "the first response time stays");
        assertEquals(State.NEW, fresh().customerWroteAgain(T0).state());
    }

    @Test
    void assignHandsOverAndRefusesTheSameOwner() {
        Conversation assigned = fresh().assign("alice", false, "bob");
        assertEquals("bob", assigned.owner());
        assertEquals(State.CLAIMED, assigned.state());
        assertEquals("#12 is already @bob's.",
                assertThrows(Refusal.class, () -> assigned.assign("bob", false, "bob")).getMessage());
    }

    @Test
    void anOwnedConversationIsReassignedOnlyByItsOwnerOrAnAdmin() {
        Conversation claimed = fresh().claim("alice");
        assertEquals("#12 is claimed by @alice; only they can reassign it.",
                assertThrows(Refusal.class, () -> claimed.assign("bob", false, "bob")).getMessage());
        assertEquals("#12 is claimed by @alice; only they can reassign it.",
                assertThrows(Refusal.class, () -> claimed.assign("bob", false, "carol")).getMessage());
        assertEquals("bob", claimed.assign("alice", false, "bob").owner(), "the owner hands it over");
        assertEquals("bob", claimed.assign("carol", true, "bob").owner(), "an admin reassigns");
        assertEquals("carol", fresh().assign("bob", false, "carol").owner(), "unowned: any member");
    }

    @Test
    void aRefusedReplyPutsTheCustomerBackInTheQueue() {
        Conversation c = fresh().claim("alice").reply("alice", false).replyFailed();
        assertEquals(State.CLAIMED, c.state());
        Conversation delivered = fresh().reply("alice", false).answeredAt(T0);
        assertEquals(delivered, delivered.replyFailed());
    }

    @Test
    void firstResponseIsRecordedOnce() {
        Conversation c = fresh().reply("alice", false).answeredAt(T0.plusSeconds(60)).answeredAt(T0.plusSeconds(120));
        assertEquals(T0.plusSeconds(60), c.firstReplyAt());
    }
}
