package dev.earshot.core;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a conversation's card shows, drawn from stored state. Chat adapters render it (Block Kit,
 * a Discord embed, terminal text) and must escape {@link #text()}: it is the customer's, untrusted.
 *
 * @param text the customer's first message, raw
 * @param messageCount how many customer messages the conversation holds
 * @param lastReply the team's latest reply to the customer, or null
 */
public record Card(
        long conversationId,
        Platform platform,
        Author author,
        String text,
        String url,
        Duration age,
        Priority priority,
        State state,
        String owner,
        String stateLine,
        int messageCount,
        String lastReply,
        Set<Action> actions) {

    /** The buttons a card offers; they follow the state. */
    public enum Action { CLAIM, REPLY, DISMISS, SNOOZE, RESOLVE, OPEN }

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("EEE HH:mm z", Locale.ENGLISH);

    public static Card of(Conversation c, Message first, int messageCount, String lastReply,
                          Instant now, ZoneId zone) {
        return new Card(c.id(), c.platform(), first.author(), first.text(), first.url(),
                Duration.between(c.openedAt(), now), c.priority(), c.state(), c.owner(),
                stateLine(c, lastReply, zone), messageCount, lastReply, actions(c.state()));
    }

    /**
     * The same card with notes after its state line, for what the history adds
     * ({@code 🧭 brought in: @erin}, {@code ↩️ earlier: #7}).
     */
    public Card withNotes(List<String> notes) {
        if (notes.isEmpty()) {
            return this;
        }
        return new Card(conversationId, platform, author, text, url, age, priority, state, owner,
                stateLine + " · " + String.join(" · ", notes), messageCount, lastReply, actions);
    }

    static String stateLine(Conversation c, String lastReply, ZoneId zone) {
        return switch (c.state()) {
            case NEW -> "🆕 waiting for an owner";
            case CLAIMED -> "🙋 claimed by @" + c.owner();
            case REPLIED -> c.owner() == null
                    ? "✅ answered outside Earshot" + (c.firstReplyAt() == null ? ""
                            : " in " + Spans.format(Duration.between(c.openedAt(), c.firstReplyAt())))
                    : c.firstReplyAt() == null
                    ? "📤 reply by @" + c.owner() + " on its way to the customer"
                    : "✅ replied by @" + c.owner() + " in "
                      + Spans.format(Duration.between(c.openedAt(), c.firstReplyAt()))
                      + (lastReply == null ? "" : ": " + lastReply);
            case SNOOZED -> "💤 snoozed by @" + c.stateBy() + " until "
                    + HOUR.format(c.snoozedUntil().atZone(zone));
            case DISMISSED -> "🚫 dismissed by @" + c.stateBy() + ": " + c.stateNote();
            case RESOLVED -> "✔️ resolved by @" + c.stateBy();
        };
    }

    static Set<Action> actions(State state) {
        return switch (state) {
            case NEW -> EnumSet.of(Action.CLAIM, Action.REPLY, Action.DISMISS, Action.SNOOZE, Action.OPEN);
            case CLAIMED -> EnumSet.of(Action.REPLY, Action.DISMISS, Action.SNOOZE, Action.RESOLVE, Action.OPEN);
            case REPLIED -> EnumSet.of(Action.REPLY, Action.RESOLVE, Action.OPEN);
            case SNOOZED -> EnumSet.of(Action.CLAIM, Action.REPLY, Action.DISMISS, Action.OPEN);
            case DISMISSED, RESOLVED -> EnumSet.of(Action.OPEN);
        };
    }
}
