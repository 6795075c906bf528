package dev.earshot.app;

import static dev.earshot.core.Fixtures.T0;
import static dev.earshot.core.Fixtures.fresh;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.earshot.core.Conversation;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The state line under a card, for every state, and what the history adds to it. */
class ChannelWordsTest {

    private static String line(Conversation c, String lastReply) {
        return ChannelWords.stateLine(c, lastReply, ZoneOffset.UTC, List.of(), null, null);
    }

    @Test
    void theStateLineFollowsTheState() {
        assertEquals("🆕 waiting for an owner", line(fresh(), null));
        assertEquals("🙋 claimed by @alice", line(fresh().claim("alice"), null));
        Conversation replied = fresh().claim("alice").reply("alice", false);
        assertEquals("📤 reply by @alice on its way to the customer", line(replied, null));
        assertEquals("✅ replied by @alice in 12m: Thanks, on it!",
                line(replied.answeredAt(T0.plus(Duration.ofMinutes(12))), "Thanks, on it!"));
        assertEquals("🚫 dismissed by @bob: spam", line(fresh().dismiss("bob", false, "spam"), null));
        assertEquals("✔️ resolved by @alice", line(fresh().claim("alice").resolve("alice", false), null));
        assertEquals("💤 snoozed by @bob until Mon 10:00 Z",
                line(fresh().snooze("bob", false, T0.plus(Duration.ofHours(1)), T0), null));
    }

    @Test
    void teammatesBroughtInAndTheEarlierConversationFollowTheState() {
        assertEquals("🙋 claimed by @alice · 🧭 brought in: @carol, @bob · ↩️ earlier: #1",
                ChannelWords.stateLine(fresh().claim("alice"), null, ZoneOffset.UTC, List.of("carol", "bob"), "#1", null));
    }
}
