package dev.earshot.app.outbox;

import java.time.Duration;
import java.time.Instant;

/**
 * The flow control of one target: until when it waits after a failure (back-off, Retry-After, a
 * pause for a human), when its next post may go (the chat's pace), how long the next pause for a
 * human lasts (1 minute, doubling to 30), and how many cards one grouped post may hold (halved
 * each time the chat refuses a grouped post as malformed). Only its lane changes it, one turn at a
 * time; turns run on different threads, hence the locks.
 */
final class Gate {
    private static final Duration FIRST_PAUSE = Duration.ofMinutes(1);
    private static final Duration LONGEST_PAUSE = Duration.ofMinutes(30);

    private Instant heldUntil;
    private Instant nextPost;
    private Duration lastPause;
    private int groupLimit;

    /** @param groupLimit the most cards the chat takes in one post (1: it does not group) */
    Gate(int groupLimit) {
        this.groupLimit = Math.max(1, groupLimit);
    }

    /** Whether the whole target waits at {@code now}. */
    synchronized boolean held(Instant now) {
        return heldUntil != null && heldUntil.isAfter(now);
    }

    /** Until when the target waits; {@code now} when it does not. */
    synchronized Instant heldUntil(Instant now) {
        return held(now) ? heldUntil : now;
    }

    synchronized void hold(Instant until) {
        heldUntil = until;
    }

    /** Whether a post must wait for the chat's pace at {@code now}. */
    synchronized boolean paced(Instant now) {
        return nextPost != null && nextPost.isAfter(now);
    }

    /** A post went out at {@code now}: the next may follow after {@code interval}. */
    synchronized void posted(Instant now, Duration interval) {
        if (!interval.isZero()) {
            nextPost = now.plus(interval);
        }
    }

    /** The target needs a human: how long to wait before trying again, longer each time. */
    synchronized Duration nextPause() {
        lastPause = lastPause == null ? FIRST_PAUSE
                : lastPause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : lastPause.multipliedBy(2);
        return lastPause;
    }

    /** The target works again: a later pause starts from the first length. */
    synchronized void recovered() {
        lastPause = null;
    }

    synchronized int groupLimit() {
        return groupLimit;
    }

    /** The chat refused a grouped post as malformed: group half as many from now on. */
    synchronized int shrinkGroups() {
        groupLimit = Math.max(1, groupLimit / 2);
        return groupLimit;
    }
}
