package dev.earshot.chat.discord;

import dev.earshot.core.Member;
import dev.earshot.core.Team;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who may act from Discord: a configured member (by Discord user id), in Earshot's server, in
 * one of Earshot's channels or a thread of one. A DM to the bot, another server or an unknown user
 * is refused with one sentence, and nothing changes.
 *
 * @param guild the configured server
 * @param channels the channels cards go to (the default and every route's)
 */
record DiscordAccess(Team team, String guild, Set<String> channels) {

    DiscordAccess(Team team, String guild, List<String> channels) {
        this(team, guild, Set.copyOf(channels));
    }

    /**
     * @param guildId the interaction's server, null for a DM
     * @param channelId where it happened; {@code parentId} is the channel of a thread, else null
     */
    Verdict check(String userId, String guildId, String channelId, String parentId) {
        if (guildId == null) {
            return Verdict.no("Earshot works in its server's channel, not in direct messages.", "direct message");
        }
        if (!guild.equals(guildId)) {
            return Verdict.no(Team.NOT_ON_TEAM, "another Discord server (" + guildId + ")");
        }
        Optional<Member> member = userId == null ? Optional.empty() : team.byChatId("discord", userId);
        if (member.isEmpty()) {
            return Verdict.no(Team.NOT_ON_TEAM, "not a configured member");
        }
        boolean here = channelId != null && (channels.contains(channelId) || parentId != null && channels.contains(parentId));
        if (!here) {
            return Verdict.no("Earshot works in " + String.join(", ", channels.stream().sorted().map(c -> "<#" + c + ">")
                    .toList()) + "; ask there.", "outside Earshot's channels");
        }
        return new Verdict(member.get(), null, null);
    }

    /**
     * @param refusal the sentence for the user
     * @param reason why, for the audit log
     */
    record Verdict(Member member, String refusal, String reason) {
        static Verdict no(String refusal, String reason) {
            return new Verdict(null, refusal, reason);
        }

        boolean allowed() {
            return member != null;
        }
    }
}
