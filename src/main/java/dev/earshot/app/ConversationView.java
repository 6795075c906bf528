package dev.earshot.app;

import dev.earshot.core.Conversation;
import dev.earshot.core.Escalation;
import dev.earshot.core.HistoryEntry;
import dev.earshot.core.Message;
import dev.earshot.core.WaitingClock;
import java.util.ArrayList;
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

    /** What the card shows beyond its state: teammates brought in, and the earlier conversation it continues. */
    public List<String> cardNotes() {
        Set<String> experts = new LinkedHashSet<>();
        String earlier = null;
        for (HistoryEntry h : history) {
            if (h.action().equals(Escalation.ACTION)) {
                experts.add("@" + Escalation.expertOf(h.detail()));
            } else if (h.action().equals(WaitingClock.CONTINUED) && h.detail().startsWith("earlier: ")) {
                earlier = h.detail().substring("earlier: ".length()).split(",")[0];
            }
        }
        List<String> notes = new ArrayList<>();
        if (!experts.isEmpty()) {
            notes.add("🧭 brought in: " + String.join(", ", experts));
        }
        if (earlier != null) {
            notes.add("↩️ earlier: " + earlier);
        }
        return notes;
    }
}
