package dev.earshot.app;

import dev.earshot.core.Conversation;
import dev.earshot.core.Effect;
import dev.earshot.core.FollowUp;
import dev.earshot.core.HistoryEntry;
import dev.earshot.core.Nudge;
import dev.earshot.core.NudgeRouting;
import dev.earshot.core.OnCallShift;
import dev.earshot.core.Spans;
import dev.earshot.core.Target;
import dev.earshot.port.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps waiting customers in front of the right person: on each tick, the SLA steps, the idle-owner
 * nudge and the offer-back for every conversation still waiting (new or claimed; a snoozed one waits
 * until it wakes), and the reminders of follow-ups that are due.
 *
 * <p>Each nudge is decided again inside the write transaction that sends it, from the stored
 * state, and its key goes into the store in that same transaction as its outbox row: a crash or a
 * restart between two ticks neither repeats nor loses a nudge (RELIABILITY.md, promise 7).
 */
public final class Nudger {
    private static final Logger log = LoggerFactory.getLogger(Nudger.class);
    /** More waiting conversations than this are nudged on later ticks, most urgent first. */
    private static final int MOST_PER_TICK = 5_000;

    private final Store store;
    private final FollowThrough settings;
    private final OnCall onCall;
    private final Clock clock;

    Nudger(Store store, FollowThrough settings, OnCall onCall, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.onCall = onCall;
        this.clock = clock;
    }

    /** Sends what is due now; returns how many nudges and reminders went into the outbox. */
    public synchronized int tick() {
        Instant now = clock.instant();
        return nudgeWaiting(now) + remindFollowUps(now);
    }

    private int nudgeWaiting(Instant now) {
        if (!settings.nudges().enabled()) {
            return 0;
        }
        int sent = 0;
        for (Conversation c : store.read(tx -> tx.queue(MOST_PER_TICK))) {
            // A cheap look on the read side first, so that most ticks take no write lock at all.
            boolean anyDue = store.read(tx -> !settings.rules()
                    .due(c, tx.history(c.id()), tx.nudgesSent(c.id()), now).isEmpty());
            if (anyDue) {
                sent += store.write(tx -> nudge(tx, c.id(), now));
            }
        }
        return sent;
    }

    private int nudge(Store.Tx tx, long id, Instant now) {
        Conversation c = tx.conversation(id).orElseThrow();
        List<Nudge> due = settings.rules().due(c, tx.history(id), tx.nudgesSent(id), now);
        boolean inHours = settings.hours().isOpen(now);
        Optional<String> onCallNow = onCall.now(tx, now).map(OnCallShift::member);
        int sent = 0;
        for (Nudge n : due) {
            boolean fresh = true;
            for (String key : n.keys()) {
                fresh &= tx.recordNudge(id, key, now);
            }
            if (!fresh) {
                continue; // settled by another tick in the meantime
            }
            NudgeRouting.Delivery to = NudgeRouting.route(n, inHours, c.owner(), onCallNow, settings.managerName());
            String text = ChannelWords.nudge(n, c, inHours);
            Target target = Target.chatOf(c);
            tx.enqueue(to.inChannel() ? new Effect.ChannelPost(id, text, to.mention())
                    : new Effect.ThreadPost(id, text, to.mention()), target, now);
            tx.record(new HistoryEntry(id, now, HistoryEntry.EARSHOT, "nudge", n.key()
                    + (n.skipped().isEmpty() ? "" : " (caught up; skipped " + String.join(", ", n.skipped()) + ")")
                    + (to.mention().isEmpty() ? "" : " to @" + String.join(", @", to.mention()))));
            if (n.kind() == Nudge.Kind.OFFER_BACK) {
                Conversation released = c.release(HistoryEntry.EARSHOT, true);
                if (!tx.update(released)) {
                    throw new IllegalStateException(c.ref() + " changed inside its own transaction");
                }
                tx.record(new HistoryEntry(id, now, HistoryEntry.EARSHOT, "offered-back",
                        "from @" + c.owner() + " after " + Spans.format(n.waited())));
                tx.enqueue(new Effect.UpdateCard(id), target, now);
                c = tx.conversation(id).orElseThrow();
            }
            log.info("{} nudged: {} to {}", c.ref(), n.key(), to.mention().isEmpty() ? "the team" : to.mention());
            sent++;
        }
        return sent;
    }

    private int remindFollowUps(Instant now) {
        int reminded = 0;
        for (FollowUp f : store.read(tx -> tx.followUpsToRemind(now))) {
            reminded += store.write(tx -> {
                if (!tx.markFollowUpReminded(f.id(), now)) {
                    return 0;
                }
                Conversation c = tx.conversation(f.conversationId()).orElseThrow();
                String who = f.remind(c);
                tx.enqueue(new Effect.ThreadPost(c.id(), ChannelWords.followUpDue(c, f, who, settings.zone()),
                        List.of(who)), Target.chatOf(c), now);
                tx.record(new HistoryEntry(c.id(), now, HistoryEntry.EARSHOT, "followup-due",
                        "@" + who + (f.note().isEmpty() ? "" : ": " + f.note())));
                log.info("{} follow-up due: @{} reminded", c.ref(), who);
                return 1;
            });
        }
        return reminded;
    }
}
