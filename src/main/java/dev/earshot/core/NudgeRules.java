package dev.earshot.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which nudges are due for a waiting conversation now. Pure: the caller brings the conversation,
 * its history, the keys already sent and the time; it writes what comes back together with the
 * keys, in one transaction, so that each nudge goes out once.
 *
 * <p>Catch-up policy: when several steps are due at once (Earshot was down, or a step was added to
 * the config), only the highest is sent; the lower ones are recorded as skipped. An idle-owner
 * nudge due together with a step that mentions the owner anyway is folded into that step.
 */
public record NudgeRules(SlaPolicy sla, NudgePlan plan) {

    public List<Nudge> due(Conversation c, List<HistoryEntry> history, Set<String> sent, Instant now) {
        if (!plan.enabled() || !c.state().isWaiting()) {
            return List.of();
        }
        List<Nudge> due = new ArrayList<>(2);
        Instant since = WaitingClock.since(c, history);
        Duration target = sla.target(since);
        Duration waited = sla.elapsed(since, now);
        List<String> reached = new ArrayList<>();
        NudgePlan.Step top = null;
        for (NudgePlan.Step step : plan.steps()) {
            String key = WaitingClock.key(step.key(), c, since);
            if (waited.toMillis() * 100 >= target.toMillis() * step.percent() && !sent.contains(key)) {
                reached.add(key);
                top = step;
            }
        }
        Optional<Nudge> owner = c.owner() != null && c.state() == State.CLAIMED
                ? ownerNudge(c, history, sent, now) : Optional.empty();
        if (top != null) {
            String key = reached.remove(reached.size() - 1);
            if (owner.isPresent() && owner.get().kind() == Nudge.Kind.CLAIMED_IDLE
                    && top.action() != NudgePlan.Action.MANAGER) {
                // This step mentions the owner anyway: one message, not two at once.
                reached.add(owner.get().key());
                owner = Optional.empty();
            }
            due.add(new Nudge(key, Nudge.Kind.SLA, top.action(), since, waited, target, reached));
        }
        owner.ifPresent(due::add);
        return due;
    }

    private Optional<Nudge> ownerNudge(Conversation c, List<HistoryEntry> history, Set<String> sent,
                                                 Instant now) {
        Instant since = WaitingClock.ownedSince(c, history);
        Duration idle = sla.elapsed(since, now);
        String idleKey = "idle@" + since.toEpochMilli();
        String offerKey = "offer@" + since.toEpochMilli();
        if (on(plan.offerBack()) && idle.compareTo(plan.offerBack()) >= 0 && !sent.contains(offerKey)) {
            List<String> skipped = on(plan.claimedIdle()) && !sent.contains(idleKey) ? List.of(idleKey) : List.of();
            return Optional.of(new Nudge(offerKey, Nudge.Kind.OFFER_BACK, null, since, idle,
                    plan.offerBack(), skipped));
        }
        if (on(plan.claimedIdle()) && idle.compareTo(plan.claimedIdle()) >= 0 && !sent.contains(idleKey)) {
            return Optional.of(new Nudge(idleKey, Nudge.Kind.CLAIMED_IDLE, null, since, idle,
                    plan.claimedIdle(), List.of()));
        }
        return Optional.empty();
    }

    private static boolean on(Duration d) {
        return !d.isZero() && !d.isNegative();
    }
}
