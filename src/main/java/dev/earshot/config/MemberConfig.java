package dev.earshot.config;

import dev.earshot.core.Member;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A teammate as written in config.
 *
 * @param slack the Slack user id ({@code U012AB3CD}), when the team uses Slack
 * @param discord the Discord user id, when the team uses Discord
 * @param confirmReplies false: a typed {@code reply} goes at once, without the preview and its
 *     Send and Cancel; null means true
 */
public record MemberConfig(String name, String slack, String discord, boolean admin, Boolean confirmReplies) {

    public MemberConfig(String name, String slack, String discord, boolean admin) {
        this(name, slack, discord, admin, null);
    }

    /** A member known by name only: they act in the shell chat. */
    public static MemberConfig named(String name) {
        return new MemberConfig(name, null, null, false);
    }

    /** The same member, allowed to change what admins may change. */
    public MemberConfig asAdmin() {
        return new MemberConfig(name, slack, discord, true, confirmReplies);
    }

    /** Every member may also act in the shell chat, under their own name. */
    public Member toMember() {
        Map<String, String> chatIds = new LinkedHashMap<>();
        chatIds.put("shell", name.startsWith("@") ? name.substring(1) : name);
        if (slack != null && !slack.isBlank()) {
            chatIds.put("slack", slack.strip());
        }
        if (discord != null && !discord.isBlank()) {
            chatIds.put("discord", discord.strip());
        }
        return new Member(name, chatIds, admin, confirmReplies == null || confirmReplies);
    }
}
