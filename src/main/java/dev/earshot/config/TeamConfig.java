package dev.earshot.config;

import dev.earshot.core.Team;
import java.time.ZoneId;
import java.util.List;

/**
 * The people who may act, and the time zone their day (digest, business hours) is counted in.
 *
 * @param manager the member the last nudge step mentions, or null
 */
public record TeamConfig(ZoneId timezone, List<MemberConfig> members, String manager) {
    public TeamConfig {
        timezone = timezone == null ? ZoneId.of("UTC") : timezone;
        members = members == null ? List.of() : List.copyOf(members);
        manager = manager == null || manager.isBlank() ? null : manager.strip().replaceFirst("^@", "");
    }

    public TeamConfig(ZoneId timezone, List<MemberConfig> members) {
        this(timezone, members, null);
    }

    public static TeamConfig defaults() {
        return new TeamConfig(null, null, null);
    }

    public Team toTeam() {
        return new Team(members.stream().map(MemberConfig::toMember).toList());
    }
}
