package dev.earshot.config;

import dev.earshot.core.Member;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A teammate as written in config.
 *
 * @param slack the Slack user id ({@code U012AB3CD}), when the team uses Slack
 * @param discord the Discord user id, when the team uses Discord
 */
public record MemberConfig(String name, String slack, String discord, boolean admin) {

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
        return new Member(name, chatIds, admin);
    }
}
