package dev.earshot.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A promise to look at a conversation again later ({@code /earshot followup 12 2d check the
 * replacement arrived}). When it is due, the conversation's owner (or whoever set it, when nobody
 * owns it) is reminded in the card's thread, once.
 *
 * @param id the store's id, 0 before it is stored
 * @param note what to check; may be empty
 * @param remindedAt when the reminder was sent, or null while it is still to come
 */
public record FollowUp(long id, long conversationId, Instant dueAt, String note, String setBy, Instant createdAt,
                       Instant remindedAt) {

    /** A follow-up may be set at most this far ahead. */
    public static final Duration LONGEST = Duration.ofDays(366);

    public FollowUp {
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(setBy, "setBy");
        Objects.requireNonNull(createdAt, "createdAt");
        note = note == null ? "" : note.strip();
    }

    /** The rule for {@code /earshot followup}: any teammate, any conversation that exists, within a year. */
    public static FollowUp schedule(Conversation c, String by, Duration in, String note, Instant now) {
        if (in.isNegative() || in.isZero()) {
            throw new Refusal("A follow-up must be due in the future.");
        }
        if (in.compareTo(LONGEST) > 0) {
            throw new Refusal("A follow-up can be at most a year ahead.");
        }
        return new FollowUp(0, c.id(), now.plus(in), note, by, now, null);
    }

    /** Who is reminded: the conversation's owner now, or whoever set the follow-up. */
    public String remind(Conversation c) {
        return c.owner() != null ? c.owner() : setBy;
    }

    public boolean isDue(Instant now) {
        return remindedAt == null && !dueAt.isAfter(now);
    }
}
