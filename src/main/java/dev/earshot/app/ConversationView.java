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
    /** History: the platform says the reply was probably sent, but does not show it yet. */
    public static final String REPLY_UNCONFIRMED = "reply-unconfirmed";
    /** History: that reply never showed within the bound; Earshot stopped looking. */
    public static final String REPLY_UNCONFIRMED_LAPSED = "reply-unconfirmed-lapsed";

    public Message first() {
        return messages.get(0);
    }

    public Message latest() {
        return messages.get(messages.size() - 1);
    }

    /**
     * The card as it should look at {@code now}: drawn from this stored state, so it is never stale.
     * Its state line is in the team's time zone and names the teammates brought in, the earlier
     * conversation it continues, and a reply probably sent but not yet seen on the platform.
     */
    public Card card(Instant now, ZoneId zone) {
        Set<String> experts = new LinkedHashSet<>();
        String earlier = null;
        String unseen = null;
        for (HistoryEntry h : history) {
            switch (h.action()) {
                case REPLY_UNCONFIRMED -> unseen = "looking";
                case REPLY_UNCONFIRMED_LAPSED -> unseen = "lapsed";
                case "replied" -> unseen = null;
                default -> { }
            }
            if (h.action().equals(Escalation.ACTION)) {
                experts.add(Escalation.expertOf(h.detail()));
            } else if (h.action().equals(WaitingClock.CONTINUED) && h.detail().startsWith("earlier: ")) {
                earlier = h.detail().substring("earlier: ".length()).split(",")[0];
            }
        }
        String stateLine = ChannelWords.stateLine(conversation, lastReply, zone, List.copyOf(experts), earlier,
                unseen) + careLine(now, zone);
        return Card.of(conversation, first(), messages.size(), lastReply, stateLine,
                PriorityWords.line(conversation.priority()), now);
    }

    /** What social care adds to the state line: the after-hours acknowledgement sent, a reply held by a spent limit. */
    private String careLine(Instant now, ZoneId zone) {
        boolean acknowledged = false;
        Instant heldUntil = null;
        for (HistoryEntry h : history) {
            switch (h.action()) {
                case CareHistory.ACKNOWLEDGED -> acknowledged = true;
                case CareHistory.REPLY_HELD -> heldUntil = Instant.parse(h.detail());
                case "replied", REPLY_UNCONFIRMED -> heldUntil = null;
                default -> { }
            }
        }
        String line = acknowledged ? " · " + CareWords.acknowledged() : "";
        return heldUntil != null && heldUntil.isAfter(now) ? line + " · " + CareWords.replyHeld(heldUntil, zone) : line;
    }
}
