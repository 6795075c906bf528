package dev.earshot.chat.slack;

import dev.earshot.app.Caller;
import dev.earshot.core.Member;
import dev.earshot.core.Team;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may act from Slack: a configured member (by Slack user id), of this workspace (a Slack
 * Connect user of another team is refused even if an id were to match), from one of Earshot's
 * channels. Anyone else is told one sentence and nothing changes.
 *
 * @param teamId this workspace, from {@code auth.test} at start
 * @param channels the channels cards go to (the default and every route's)
 */
record SlackAccess(Team team, String teamId, Set<String> channels) {

    SlackAccess(Team team, String teamId, List<String> channels) {
        this(team, teamId, Set.copyOf(channels));
    }

    /**
     * The member behind a request, or someone turned away with the sentence for them (it may hold
     * our own channel links, already Slack text) and the reason for the audit log.
     */
    Caller check(String userId, String userTeamId, String channelId) {
        String who = "slack:" + userId;
        if (userTeamId != null && teamId != null && !teamId.equals(userTeamId)) {
            return Caller.turnedAway(who, Team.NOT_ON_TEAM, "another Slack workspace (" + userTeamId + ")");
        }
        Optional<Member> member = userId == null ? Optional.empty() : team.byChatId("slack", userId);
        if (member.isEmpty()) {
            return Caller.turnedAway(who, Team.NOT_ON_TEAM, "not a configured member");
        }
        if (channelId != null && !channels.contains(channelId)) {
            return Caller.turnedAway(who, "Earshot works in " + channels.stream().sorted().map(c -> "<#" + c + ">")
                    .collect(Collectors.joining(", ")) + "; ask there.", "outside Earshot's channels");
        }
        return Caller.member(member.get());
    }
}
