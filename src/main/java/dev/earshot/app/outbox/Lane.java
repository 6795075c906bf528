package dev.earshot.app.outbox;

import dev.earshot.app.HealthBoard;
import dev.earshot.app.Telemetry;
import dev.earshot.core.Effect;
import dev.earshot.core.Target;
import dev.earshot.port.DeliveryException;
import dev.earshot.port.Store.OutboxRow;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One target's rows, sent in order, one call at a time. A turn takes the target's due rows (oldest
 * first) and sends what its {@link Gate} lets through: a failed row holds the rows behind it; a
 * conversation's rows keep their order (a thread post waits for its card); posts wait for the
 * chat's pace while other rows (card updates, notices) go on. Only one turn of a lane runs at once:
 * {@link #enter()} says whether this caller may run it.
 */
final class Lane {
    private static final Logger log = LoggerFactory.getLogger(Lane.class);

    /** What a lane sends with; the same for every lane. */
    record Senders(ChatSender chat, ReplySender replies, GroupedPosts groups, Failures failures, HealthBoard health,
                   Telemetry telemetry, Clock clock) {
    }

    private final Target target;
    private final Gate gate;
    private final Senders senders;
    private final AtomicBoolean busy = new AtomicBoolean();

    Lane(Target target, Gate gate, Senders senders) {
        this.target = target;
        this.gate = gate;
        this.senders = senders;
    }

    /** Takes the lane for one turn; false when a turn of it is running. */
    boolean enter() {
        return busy.compareAndSet(false, true);
    }

    void leave() {
        busy.set(false);
    }

    /** Sends what {@code rows} (this target's due rows, oldest first) allow now; returns how many were settled. */
    int turn(List<OutboxRow> rows) {
        try {
            return send(rows);
        } catch (LeaseLost e) {
            log.info("{}; its rows are left to that instance", e.getMessage());
            return 0;
        }
    }

    private int send(List<OutboxRow> rows) {
        Clock clock = senders.clock();
        Set<Long> heldConversations = new HashSet<>();
        Set<Long> grouped = new HashSet<>();
        boolean paced = false;
        int settled = 0;
        for (OutboxRow row : rows) {
            long conversation = row.effect().conversationId();
            if (grouped.contains(row.id()) || heldConversations.contains(conversation) || (paced && isPost(row))) {
                continue;
            }
            if (gate.held(clock.instant())) {
                break;
            }
            if (isPost(row) && gate.paced(clock.instant())) {
                paced = true;
                heldConversations.add(conversation);
                continue;
            }
            List<OutboxRow> burst = senders.groups().burst(row, rows, heldConversations, grouped, gate);
            Outcome outcome;
            if (burst.size() > 1) {
                burst.forEach(r -> grouped.add(r.id()));
                outcome = senders.groups().post(burst, gate);
                if (outcome == null) {
                    outcome = attempt(row, rows);
                } else if (outcome == Outcome.DONE) {
                    healthy();
                    settled += burst.size() - 1;
                }
            } else {
                outcome = attempt(row, rows);
            }
            switch (outcome) {
                case DONE -> settled++;
                case HOLD_CONVERSATION -> heldConversations.add(conversation);
                case HOLD_TARGET -> {
                    return settled;
                }
            }
        }
        return settled;
    }

    private Outcome attempt(OutboxRow row, List<OutboxRow> rows) {
        try {
            Outcome outcome = target instanceof Target.Chat ? senders.chat().send(row, rows, gate)
                    : senders.replies().send(row);
            if (outcome == Outcome.DONE) {
                senders.telemetry().count(Failures.name(row), target.encoded());
            }
            healthy();
            return outcome;
        } catch (DeliveryException e) {
            return senders.failures().failed(row, e, gate);
        } catch (LeaseLost e) {
            throw e; // not a failure of the row: another instance sends it now
        } catch (RuntimeException e) {
            log.warn("{} for {} failed unexpectedly; will retry", Failures.name(row), target, e);
            return senders.failures().failed(row,
                    new DeliveryException(DeliveryException.Kind.TRANSIENT, e.toString(), null, e), gate);
        }
    }

    /** The target took a row: if it was degraded, it works again. */
    private void healthy() {
        if (senders.health().ok(Dispatcher.component(target), senders.clock().instant())) {
            gate.recovered();
            log.info("{} works again; sending what waited", target);
        }
    }

    private static boolean isPost(OutboxRow row) {
        return row.effect() instanceof Effect.PostCard || row.effect() instanceof Effect.ThreadPost
                || row.effect() instanceof Effect.ChannelPost || row.effect() instanceof Effect.Report;
    }
}
