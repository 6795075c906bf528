package dev.earshot.app;

import dev.earshot.core.Conversation;
import dev.earshot.core.HistoryEntry;
import dev.earshot.core.Message;
import java.util.List;

/** A conversation with everything said and done in it, for {@code show} and for drawing its card. */
public record ConversationView(Conversation conversation, List<Message> messages, List<HistoryEntry> history,
                               String lastReply) {
    public Message first() {
        return messages.get(0);
    }

    public Message latest() {
        return messages.get(messages.size() - 1);
    }
}
