package dev.earshot.core;

import static dev.earshot.core.Fixtures.T0;
import static dev.earshot.core.Fixtures.fresh;
import static dev.earshot.core.Fixtures.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CardTest {
    private final Message first = message("m1", "jane", "help");

    private Card card(Conversation c, String lastReply) {
        return Card.of(c, first, 1, lastReply, T0.plus(Duration.ofMinutes(20)), ZoneOffset.UTC);
    }

    @Test
    void stateLineAndButtonsFollowTheState() {
        Card fresh = card(fresh(), null);
        assertEquals("🆕 waiting for an owner", fresh.stateLine());
        assertTrue(fresh.actions().contains(Card.Action.CLAIM));
        assertEquals(Duration.ofMinutes(20), fresh.age());

        Card claimed = card(fresh().claim("alice"), null);
        assertEquals("🙋 claimed by @alice", claimed.stateLine());
        assertFalse(claimed.actions().contains(Card.Action.CLAIM));

        Conversation replied = fresh().claim("alice").reply("alice", false);
        assertEquals("📤 reply by @alice on its way to the customer", card(replied, null).stateLine());
        Card answered = card(replied.answeredAt(T0.plus(Duration.ofMinutes(12))), "Thanks, on it!");
        assertEquals("✅ replied by @alice in 12m: Thanks, on it!", answered.stateLine());

        assertEquals("🚫 dismissed by @bob: spam", card(fresh().dismiss("bob", false, "spam"), null).stateLine());
        Card resolved = card(fresh().claim("alice").resolve("alice", false), null);
        assertEquals("✔️ resolved by @alice", resolved.stateLine());
        assertEquals(java.util.Set.of(Card.Action.OPEN), resolved.actions());
        assertEquals("💤 snoozed by @bob until Mon 10:00 Z",
                card(fresh().snooze("bob", false, T0.plus(Duration.ofHours(1)), T0), null).stateLine());
    }
}
