package dev.earshot.core;

import static dev.earshot.core.Fixtures.T0;
import static dev.earshot.core.Fixtures.fresh;
import static dev.earshot.core.Fixtures.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
}
