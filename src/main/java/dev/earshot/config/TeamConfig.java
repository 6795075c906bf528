package dev.earshot.config;

import dev.earshot.core.Team;
import java.time.ZoneId;
import java.util.List;

/**
 * The people who may act, and the time zone their day (digest, business hours) is counted in.
 */
public record TeamConfig(ZoneId timezone, List<MemberConfig> members) {
    public TeamConfig {
        timezone = timezone == null ? ZoneId.of("UTC") : timezone;
        members = members == null ? List.of() : List.copyOf(members);
    }

    public static TeamConfig defaults() {
        return new TeamConfig(null, null);
    }

    public Team toTeam() {
        return new Team(members.stream().map(MemberConfig::toMember).toList());
    }
}
