package dev.earshot.core;

import java.time.Instant;
import java.util.Objects;

/**
 * A customer's conversation with the brand, as the team sees it: one card in chat.
 * Immutable; each rule returns the next version or throws a {@link Refusal} with a sentence
 * for the user. Who may do what lives here and nowhere else.
 *
 * @param id short numeric id the team types (#12)
 * @param threadKey the platform thread the conversation follows
 * @param owner the member who owns it, or null
 * @param stateBy who made the last state change (for the card's state line)
 * @param stateNote the dismissal reason, or null
 * @param version bumped by the store on each write; writes are conditional on it
 */
public record Conversation(
        long id,
        Platform platform,
        String account,
        String authorHandle,
        String threadKey,
        String channel,
        State state,
        String owner,
        Priority priority,
        Instant openedAt,
        Instant lastCustomerAt,
        Instant firstReplyAt,
        Instant snoozedUntil,
        String stateBy,
        String stateNote,
        ChatRef chatRef,
        long version) {

    public Conversation {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(openedAt, "openedAt");
    }

    /** A conversation opened by a customer's first message; the store gives it its id. */
    public static Conversation open(Message first, String channel, Priority priority) {
        return new Conversation(0, first.platform(), first.account(), first.author().handle(),
                first.threadKey(), channel, State.NEW, null, priority, first.createdAt(),
                first.createdAt(), null, null, null, null, null, 0);
    }

    public String ref() {
        return "#" + id;
    }

    public Conversation claim(String member) {
        requireOpen("claim");
        if (owner != null) {
            throw new Refusal(member.equals(owner)
                    ? ref() + " is already yours."
                    : ref() + " is already claimed by @" + owner);
        }
        State next = state == State.REPLIED ? State.REPLIED : State.CLAIMED;
        return with(next, member, null, member, null);
    }

    public Conversation release(String member, boolean admin) {
        requireOpen("release");
        if (owner == null) {
            throw new Refusal(ref() + " has no owner to release.");
        }
        requireOwnerOrAdmin(member, admin, "release");
        State next = state == State.CLAIMED ? State.NEW : state;
        return with(next, null, snoozedUntil, member, null);
    }

    /**
     * Hands the conversation to {@code assignee}. Any member may assign an unowned one; an owned one
     * only its owner or an admin, or else assigning would be a way around the owner rule.
     */
    public Conversation assign(String member, boolean admin, String assignee) {
        requireOpen("assign");
        if (assignee.equals(owner)) {
            throw new Refusal(ref() + " is already @" + assignee + "'s.");
        }
        requireOwnerOrAdmin(member, admin, "reassign");
        State next = state == State.REPLIED ? State.REPLIED : State.CLAIMED;
        return with(next, assignee, null, member, null);
    }

    /** The member sends a reply to the customer; replying to an unowned conversation claims it. */
    public Conversation reply(String member, boolean admin) {
        requireOpen("reply to");
        if (owner != null) {
            requireOwnerOrAdmin(member, admin, "reply to");
        }
        return with(State.REPLIED, owner == null ? member : owner, null, member, null);
    }

    /**
     * The member answered on the site itself (a feed cannot be answered from chat): an answer at
     * {@code at}, counted like a reply; an unowned conversation becomes theirs.
     */
    public Conversation answeredThere(String member, boolean admin, Instant at) {
        if (state == State.REPLIED) {
            throw new Refusal(ref() + " is already marked answered.");
        }
        return reply(member, admin).answeredAt(at);
    }

    public Conversation dismiss(String member, boolean admin, String reason) {
        requireOpen("dismiss");
        if (reason == null || reason.isBlank()) {
            throw new Refusal("Say why " + ref() + " needs no answer, for example: dismiss " + id + " spam");
        }
        requireOwnerOrAdmin(member, admin, "dismiss");
        return with(State.DISMISSED, owner, null, member, reason.strip());
    }

    public Conversation snooze(String member, boolean admin, Instant until, Instant now) {
        requireOpen("snooze");
        if (!until.isAfter(now)) {
            throw new Refusal("A snooze must end in the future.");
        }
        requireOwnerOrAdmin(member, admin, "snooze");
        return with(State.SNOOZED, owner, until, member, null);
    }

    public Conversation resolve(String member, boolean admin) {
        requireOpen("resolve");
        requireOwnerOrAdmin(member, admin, "resolve");
        return with(State.RESOLVED, owner, null, member, null);
    }

    /** The snooze ran out: back in front of the owner, or the channel when there is none. */
    public Conversation wake(Instant now) {
        if (state != State.SNOOZED || snoozedUntil == null || snoozedUntil.isAfter(now)) {
            return this;
        }
        return with(owner == null ? State.NEW : State.CLAIMED, owner, null, null, null);
    }

    /** The customer wrote again: they are waiting once more, for the same owner. */
    public Conversation customerWroteAgain(Instant at) {
        State next = switch (state) {
            case REPLIED, SNOOZED -> owner == null ? State.NEW : State.CLAIMED;
            default -> state;
        };
        Instant last = lastCustomerAt == null || at.isAfter(lastCustomerAt) ? at : lastCustomerAt;
        return new Conversation(id, platform, account, authorHandle, threadKey, channel, next, owner,
                priority, openedAt, last, firstReplyAt, next == State.SNOOZED ? snoozedUntil : null,
                next == state ? stateBy : null, stateNote, chatRef, version);
    }

    /**
     * The brand's own account answered from the platform's app, not through Earshot: that counts
     * as an answer. Closed conversations stay as they are.
     */
    public Conversation answeredOutside(Instant at) {
        if (!state.isOpen() || state == State.REPLIED) {
            return answeredAt(at);
        }
        Conversation replied = with(State.REPLIED, owner, null, null, null);
        return replied.answeredAt(at);
    }

    /** The platform refused the reply: the customer got nothing, so they are waiting again. */
    public Conversation replyFailed() {
        if (state != State.REPLIED || firstReplyAt != null) {
            return this;
        }
        return with(State.CLAIMED, owner, null, stateBy, null);
    }

    /** The first reply reached the customer at {@code at}. */
    public Conversation answeredAt(Instant at) {
        if (firstReplyAt != null) {
            return this;
        }
        return new Conversation(id, platform, account, authorHandle, threadKey, channel, state, owner,
                priority, openedAt, lastCustomerAt, at, snoozedUntil, stateBy, stateNote, chatRef, version);
    }

    public Conversation withId(long newId) {
        return new Conversation(newId, platform, account, authorHandle, threadKey, channel, state, owner,
                priority, openedAt, lastCustomerAt, firstReplyAt, snoozedUntil, stateBy, stateNote, chatRef, version);
    }

    private Conversation with(State next, String newOwner, Instant until, String by, String note) {
        return new Conversation(id, platform, account, authorHandle, threadKey, channel, next, newOwner,
                priority, openedAt, lastCustomerAt, firstReplyAt, until, by, note, chatRef, version);
    }

    private void requireOpen(String verb) {
        if (state == State.RESOLVED) {
            throw new Refusal(ref() + " is resolved; there is nothing left to " + verb + ".");
        }
        if (state == State.DISMISSED) {
            throw new Refusal(ref() + " was dismissed; there is nothing left to " + verb + ".");
        }
    }

    private void requireOwnerOrAdmin(String member, boolean admin, String verb) {
        if (owner != null && !owner.equals(member) && !admin) {
            throw new Refusal(ref() + " is claimed by @" + owner + "; only they can " + verb + " it.");
        }
    }
}
