package dev.earshot.core;

import java.time.Instant;
import java.util.Objects;

/**
 * One conversation as the CSV export and the spike alerts see it: the conversation's own columns,
 * its first customer message, and who answered it first. The digest's figures read the smaller
 * {@link CountedConversation}.
 *
 * @param followers the author's followers when they first wrote; -1 when the platform did not say
 * @param firstText the customer's first message, untrusted text
 * @param url the first message on the platform, or empty
 * @param firstReplyAt when the customer first got an answer, or null
 * @param firstResponder the member whose reply was the first answer; null when unanswered or
 *     answered from the platform's own app
 */
public record ConversationSummary(
        long id,
        Platform platform,
        String account,
        String authorHandle,
        long followers,
        String firstText,
        String url,
        Instant openedAt,
        Instant firstReplyAt,
        State state,
        String owner,
        Priority priority,
        String firstResponder) {

    public ConversationSummary {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(priority, "priority");
        firstText = firstText == null ? "" : firstText;
        url = url == null ? "" : url;
    }

    public boolean answered() {
        return firstReplyAt != null;
    }
}
