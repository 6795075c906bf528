package dev.earshot.core;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Since when a customer has been waiting, read from a conversation and its history. The first
 * wait starts with the first message. A customer who writes again after an answer starts a new
 * wait ({@value #WAITING_AGAIN}), and so does a snooze that ends ({@value #WOKE}): the team chose
 * "later", and later is now. Each wait has its own nudges, so its key carries its start.
 */
public final class WaitingClock {
    /** History action: the customer wrote again after they had an answer. */
    public static final String WAITING_AGAIN = "waiting-again";
    /** History action: a snooze ran out. */
    public static final String WOKE = "woke";
    /** History action: a new conversation went to the owner of the customer's earlier one. */
    public static final String CONTINUED = "continued";

    private static final Set<String> OWNER_CHANGES = Set.of("claim", "assign", CONTINUED);

    private WaitingClock() {
    }

    /** The start of the current wait. */
    public static Instant since(Conversation c, List<HistoryEntry> history) {
        Instant start = c.openedAt();
        boolean answered = c.firstReplyAt() != null;
        Instant again = null;
        for (HistoryEntry e : history) {
            if (e.action().equals(WOKE) || answered && e.action().equals(WAITING_AGAIN)) {
                start = later(start, e.at());
                again = e.action().equals(WAITING_AGAIN) ? e.at() : again;
            }
        }
        if (answered && again == null && c.lastCustomerAt() != null) {
            // Written before waits were recorded: the customer's latest message is the best guess.
            start = later(start, c.lastCustomerAt());
        }
        return start;
    }

    /** Since when the current owner has had it and the customer has been waiting. */
    public static Instant ownedSince(Conversation c, List<HistoryEntry> history) {
        Instant start = since(c, history);
        Instant owned = null;
        for (HistoryEntry e : history) {
            if (OWNER_CHANGES.contains(e.action())) {
                owned = e.at();
            }
        }
        return owned == null ? start : later(start, owned);
    }

    /** {@code sla:50} for the first wait, {@code sla:50@1764061200000} for a later one. */
    public static String key(String base, Conversation c, Instant since) {
        return since.equals(c.openedAt()) ? base : base + "@" + since.toEpochMilli();
    }

    private static Instant later(Instant a, Instant b) {
        return b.isAfter(a) ? b : a;
    }
}
