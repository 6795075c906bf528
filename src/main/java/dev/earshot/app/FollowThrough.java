package dev.earshot.app;

import dev.earshot.core.BusinessHours;
import dev.earshot.core.Continuity;
import dev.earshot.core.NudgePlan;
import dev.earshot.core.NudgeRules;
import dev.earshot.core.OnCallRotation;
import dev.earshot.core.Priority;
import dev.earshot.core.SlaPolicy;
import dev.earshot.core.Team;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the team follows through, as configured: business hours and the SLA clock, the nudges, the
 * on-call rotation, the manager, one owner per customer, and when a new conversation pages.
 *
 * @param manager who the last nudge step mentions, or null (then it goes where the 100% step went)
 * @param pageAbove a new conversation scoring this or more pages the on-call teammate; 0 never
 * @param channel the team channel, for posts that concern no conversation (who is on call)
 */
public record FollowThrough(Team team, BusinessHours hours, SlaPolicy sla, NudgePlan nudges,
                            OnCallRotation rotation, String manager, Continuity continuity, int pageAbove,
                            String channel) {

    public FollowThrough {
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(hours, "hours");
        Objects.requireNonNull(sla, "sla");
        Objects.requireNonNull(nudges, "nudges");
        Objects.requireNonNull(rotation, "rotation");
        Objects.requireNonNull(continuity, "continuity");
    }

    /** Everything off: no nudges, no paging, no hand-over of returning customers. */
    public static FollowThrough none() {
        ZoneId utc = ZoneOffset.UTC;
        BusinessHours always = BusinessHours.always(utc);
        return new FollowThrough(new Team(List.of()), always, SlaPolicy.standard(always), NudgePlan.off(),
                OnCallRotation.none(utc), null, Continuity.off(), 0, null);
    }

    public NudgeRules rules() {
        return new NudgeRules(sla, nudges);
    }

    public Optional<String> managerName() {
        return Optional.ofNullable(manager).filter(m -> team.byName(m).isPresent());
    }

    /** Whether a new conversation with this priority pages the on-call teammate at once. */
    public boolean pages(Priority priority) {
        return pageAbove > 0 && priority.score() >= pageAbove;
    }

    /** Whether {@code name} is on the team (one owner never hands work to someone who left). */
    public boolean onTeam(String name) {
        return team.byName(name).isPresent();
    }

    public ZoneId zone() {
        return hours.zone();
    }
}
