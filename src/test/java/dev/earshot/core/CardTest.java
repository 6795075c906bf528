package dev.earshot.core;

import static dev.earshot.core.Fixtures.T0;
import static dev.earshot.core.Fixtures.fresh;
import static dev.earshot.core.Fixtures.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The card's buttons and age; its state line is the application's words (ChannelWordsTest). */
class CardTest {
    private final Message first = message("m1", "jane", "help");

    private Card card(Conversation c) {
        return Card.of(c, first, 1, null, "a state line", "", T0.plus(Duration.ofMinutes(20)));
    }

    @Test
    void buttonsFollowTheState() {
        Card fresh = card(fresh());
        assertTrue(fresh.actions().contains(Card.Action.CLAIM));
        assertEquals(Duration.ofMinutes(20), fresh.age());
        assertEquals("a state line", fresh.stateLine());
        assertFalse(card(fresh().claim("alice")).actions().contains(Card.Action.CLAIM));
        Card resolved = card(fresh().claim("alice").resolve("alice", false));
        assertEquals(java.util.Set.of(Card.Action.OPEN), resolved.actions());
    }

    @Test
    void aFeedOffersAnsweredThereWhileTheCustomerWaitsAndNeverReply() {
        for (State s : State.values()) {
            java.util.Set<Card.Action> actions = Card.actions(s, Platform.FEED);
            assertFalse(actions.contains(Card.Action.REPLY), s.name());
            assertEquals(Card.actions(s).contains(Card.Action.REPLY) && s != State.REPLIED,
                    actions.contains(Card.Action.ANSWERED_THERE), s.name());
            assertFalse(Card.actions(s, Platform.REDDIT).contains(Card.Action.ANSWERED_THERE), s.name());
        }
    }

    @Test
    void answeredThereIsTheAnswerAndItsTime() {
        java.time.Instant at = T0.plus(Duration.ofMinutes(9));
        Conversation answered = fresh().answeredThere("bob", false, at);
        assertEquals(State.REPLIED, answered.state());
        assertEquals("bob", answered.owner());
        assertEquals(at, answered.firstReplyAt());
        assertThrows(Refusal.class, () -> answered.answeredThere("bob", false, at.plusSeconds(1)));
        assertThrows(Refusal.class, () -> fresh().claim("alice").answeredThere("bob", false, at), "the owner's");
        Conversation again = answered.customerWroteAgain(at.plusSeconds(60));
        assertEquals(at, again.answeredThere("bob", false, at.plusSeconds(90)).firstReplyAt(), "the first answer counts");
    }
}
