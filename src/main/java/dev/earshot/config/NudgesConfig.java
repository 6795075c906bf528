package dev.earshot.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.earshot.core.NudgePlan;
import java.time.Duration;
import java.util.List;

/**
 * The nudges that keep a waiting customer in front of the team.
 *
 * @param enabled false turns every nudge off (follow-up reminders still come: someone asked for them)
 * @param steps at a share of the first-response target, who is nudged
 * @param claimedIdle a claimed conversation still unanswered after this nudges its owner; 0s never
 * @param offerBack after this it goes back to the team (unclaimed, and the channel told); 0s never
 */
public record NudgesConfig(Boolean enabled, List<Step> steps, Duration claimedIdle, Duration offerBack) {

    /**
     * @param percent share of the first-response target, 50 for half of it
     * @param action thread, oncall or manager
     */
    public record Step(Integer percent, Action action) {
    }

    public enum Action {
        @JsonProperty("thread") THREAD,
        @JsonProperty("oncall") ONCALL,
        @JsonProperty("manager") MANAGER
    }

    /** The thread at half the target, the on-call teammate at the target, the manager at twice it. */
    public static final List<Step> DEFAULT_STEPS = List.of(new Step(50, Action.THREAD), new Step(100, Action.ONCALL),
            new Step(200, Action.MANAGER));

    public NudgesConfig {
        enabled = enabled == null || enabled;
        steps = steps == null ? DEFAULT_STEPS : List.copyOf(steps);
        claimedIdle = claimedIdle == null ? Duration.ofMinutes(30) : claimedIdle;
        offerBack = offerBack == null ? Duration.ofHours(2) : offerBack;
    }

    public static NudgesConfig defaults() {
        return new NudgesConfig(null, null, null, null);
    }

    /** Call only on a validated config. */
    public NudgePlan toPlan() {
        return new NudgePlan(enabled, steps.stream()
                .map(s -> new NudgePlan.Step(s.percent(), NudgePlan.Action.valueOf(s.action().name()))).toList(),
                claimedIdle, offerBack);
    }
}
