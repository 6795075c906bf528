package dev.earshot.core;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a conversation's card shows, drawn from stored state. Chat adapters render it (Block Kit,
 * a Discord embed, terminal text) and must escape {@link #text()}: it is the customer's, untrusted.
 *
 * @param text the customer's first message, raw
 * @param stateLine where the conversation stands, one line ({@code 🙋 claimed by @alice})
 * @param messageCount how many customer messages the conversation holds
 * @param lastReply the team's latest reply to the customer, or null
 * @param priorityLine why it ranks as it does, one line in the team's words (empty when not known);
 *     it may hold the customer's handle, so adapters escape it like {@link #text()}
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
        Set<Action> actions,
        String priorityLine) {

    public Card {
        priorityLine = priorityLine == null ? "" : priorityLine;
    }

    /** A card without a priority line. */
    public Card(long conversationId, Platform platform, Author author, String text, String url, Duration age,
                Priority priority, State state, String owner, String stateLine, int messageCount, String lastReply,
                Set<Action> actions) {
        this(conversationId, platform, author, text, url, age, priority, state, owner, stateLine, messageCount,
                lastReply, actions, "");
    }

    /** The buttons a card offers; they follow the state. */
    public enum Action { CLAIM, REPLY, ANSWERED_THERE, DISMISS, SNOOZE, RESOLVE, OPEN }

    /**
     * @param stateLine the line under the text, in the team's words (the application writes it)
     * @param priorityLine why it ranks as it does, in the team's words (the application writes it)
     */
    public static Card of(Conversation c, Message first, int messageCount, String lastReply, String stateLine,
                          String priorityLine, Instant now) {
        return new Card(c.id(), c.platform(), first.author(), first.text(), first.url(),
                Duration.between(c.openedAt(), now), c.priority(), c.state(), c.owner(),
                stateLine, messageCount, lastReply, actions(c.state(), c.platform()), priorityLine);
    }

    /** Where no reply can be sent from chat (a feed), Reply… becomes "Answered there" while the customer waits. */
    static Set<Action> actions(State state, Platform platform) {
        Set<Action> actions = actions(state);
        if (!platform.repliesThroughEarshot() && actions.remove(Action.REPLY) && state != State.REPLIED) {
            actions.add(Action.ANSWERED_THERE);
        }
        return actions;
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
