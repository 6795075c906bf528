package dev.earshot.app;

import dev.earshot.core.Card;
import dev.earshot.core.Conversation;
import dev.earshot.core.Escalation;
import dev.earshot.core.HistoryEntry;
import dev.earshot.core.Message;
import dev.earshot.core.WaitingClock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A conversation with everything said and done in it, for {@code show} and for drawing its card. */
public record ConversationView(Conversation conversation, List<Message> messages, List<HistoryEntry> history,
                               String lastReply) {
    public Message first() {
        return messages.get(0);
    }

    public Message latest() {
        return messages.get(messages.size() - 1);
    }

    /**
     * The card as it should look at {@code now}: drawn from this stored state, so it is never stale.
     * Its state line is in the team's time zone and names the teammates brought in and the earlier
     * conversation it continues.
     */
    public Card card(Instant now, ZoneId zone) {
        Set<String> experts = new LinkedHashSet<>();
        String earlier = null;
        for (HistoryEntry h : history) {
            if (h.action().equals(Escalation.ACTION)) {
                experts.add(Escalation.expertOf(h.detail()));
            } else if (h.action().equals(WaitingClock.CONTINUED) && h.detail().startsWith("earlier: ")) {
                earlier = h.detail().substring("earlier: ".length()).split(",")[0];
            }
        }
        String stateLine = ChannelWords.stateLine(conversation, lastReply, zone, List.copyOf(experts), earlier);
        return Card.of(conversation, first(), messages.size(), lastReply, stateLine, now);
    }
}
