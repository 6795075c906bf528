package dev.earshot.core;

import java.time.Instant;
import java.util.Objects;

/**
 * One conversation as the digest's and the stats' figures count it: only what they use, because a
 * busy month is some 60,000 of them and every column is read once per row.
 *
 * @param followers the author's followers when they first wrote; -1 when the platform did not say
 * @param firstReplyAt when the customer first got an answer, or null
 * @param firstResponder the member whose reply was the first answer; null when unanswered or
 *     answered from the platform's own app
 */
public record CountedConversation(
        Platform platform,
        String authorHandle,
        long followers,
        Instant openedAt,
        Instant firstReplyAt,
        State state,
        String firstResponder) {

    public CountedConversation {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(state, "state");
    }

    public boolean answered() {
        return firstReplyAt != null;
    }
}
