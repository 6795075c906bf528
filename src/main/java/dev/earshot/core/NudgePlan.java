package dev.earshot.core;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * The team's nudges, as configured. Steps fire when a waiting conversation has used a share of its
 * first-response time; the claimed-idle nudge and the offer-back fire when an owner sits on a
 * conversation without answering. {@link Duration#ZERO} turns either of those off.
 */
public record NudgePlan(boolean enabled, List<Step> steps, Duration claimedIdle, Duration offerBack) {

    /** Who a step is for (in business hours; outside them every nudge goes to the on-call teammate). */
    public enum Action {
        /** A reminder in the card's thread (the owner mentioned, if there is one). */
        THREAD,
        /** The owner, or the on-call teammate when nobody owns it, mentioned in the channel. */
        ONCALL,
        /** The manager mentioned in the channel. */
        MANAGER
    }

    /** At {@code percent} of the first-response target, do {@code action}. */
    public record Step(int percent, Action action) {
        public Step {
            if (percent <= 0) {
                throw new IllegalArgumentException("a nudge step needs a percentage above 0");
            }
        }

        /** The key the store keeps it under, once per conversation (and per wait, see {@link WaitingClock}). */
        public String key() {
            return "sla:" + percent;
        }
    }

    public NudgePlan {
        steps = steps == null ? List.of() : steps.stream().sorted(Comparator.comparingInt(Step::percent)).toList();
        claimedIdle = claimedIdle == null ? Duration.ZERO : claimedIdle;
        offerBack = offerBack == null ? Duration.ZERO : offerBack;
    }

    /** 50%: thread; 100%: owner or on-call in the channel; 200%: the manager. Idle 30m, offer back 2h. */
    public static NudgePlan standard() {
        return new NudgePlan(true, List.of(new Step(50, Action.THREAD), new Step(100, Action.ONCALL),
                new Step(200, Action.MANAGER)), Duration.ofMinutes(30), Duration.ofHours(2));
    }

    public static NudgePlan off() {
        return new NudgePlan(false, List.of(), Duration.ZERO, Duration.ZERO);
    }
}
