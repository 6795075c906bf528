package dev.earshot.core;

import java.time.Instant;
import java.util.Objects;

/**
 * A typed reply shown to its author before it goes: Send or Cancel settles it, once. Settling is
 * a conditional write from {@link State#PENDING}, so a second Send, or a Send after Cancel, finds
 * it settled and sends nothing.
 *
 * @param id the store's id; 0 before it is stored
 * @param member the teammate who typed it; only they may send or cancel it
 */
public record ReplyDraft(long id, long conversationId, String member, String text, Instant createdAt, State state) {

    public enum State { PENDING, SENT, CANCELLED }

    public ReplyDraft {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(state, "state");
    }

    public static ReplyDraft pending(long conversationId, String member, String text, Instant at) {
        return new ReplyDraft(0, conversationId, member, text, at, State.PENDING);
    }
}
