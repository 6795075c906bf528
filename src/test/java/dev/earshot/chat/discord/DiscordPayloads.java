package dev.earshot.chat.discord;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicLong;

/**
 * INTERACTION_CREATE payloads as Discord sends them (the fields JDA 6 needs: guild with locale and
 * features, channel with its type, member with roles, context, authorizing_integration_owners).
 */
final class DiscordPayloads {
    static final String ALICE = "100000000000000001";
    static final String BOB = "100000000000000002";
    static final String STRANGER = "100000000000000099";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong SEQUENCE = new AtomicLong();
    /** Discord's epoch, 2015-01-01: a snowflake's high bits are milliseconds since then. */
    private static final long DISCORD_EPOCH = 1_420_070_400_000L;

    private DiscordPayloads() {
    }

    /** {@code /earshot <sub> id:<id>}. */
    static ObjectNode slash(String user, String sub, long id) {
        ObjectNode p = base(2, user, FakeDiscord.GUILD, FakeDiscord.CHANNEL);
        ObjectNode data = p.putObject("data").put("id", "1").put("name", "earshot").put("type", 1);
        ObjectNode option = data.putArray("options").addObject().put("name", sub).put("type", 1);
        ArrayNode options = option.putArray("options");
        if (id > 0) {
            options.addObject().put("name", "id").put("type", 4).put("value", id);
        }
        return p;
    }

    static ObjectNode button(String user, String customId) {
        return button(user, FakeDiscord.GUILD, customId);
    }

    static ObjectNode button(String user, String guild, String customId) {
        ObjectNode p = base(3, user, guild, FakeDiscord.CHANNEL);
        p.putObject("data").put("custom_id", customId).put("component_type", 2);
        ObjectNode message = p.putObject("message").put("id", "1000000000000000001").put("type", 0)
                .put("channel_id", FakeDiscord.CHANNEL).put("content", "").put("timestamp", "2026-12-02T10:00:00.000000+00:00")
                .putNull("edited_timestamp").put("tts", false).put("mention_everyone", false).put("pinned", false)
                .put("flags", 0);
        message.set("author", FakeDiscord.self());
        message.putArray("mentions");
        message.putArray("mention_roles");
        message.putArray("attachments");
        message.putArray("embeds");
        message.putArray("components");
        return p;
    }

    /** A Reply… modal submitted with {@code text} in its box (a Label, type 18, holding the text input). */
    static ObjectNode replyModal(String user, long conversation, String text) {
        ObjectNode p = base(5, user, FakeDiscord.GUILD, FakeDiscord.CHANNEL);
        ObjectNode data = p.putObject("data").put("custom_id", "earshot:replyform:" + conversation);
        ArrayNode components = data.putArray("components");
        components.addObject().put("type", 10).put("id", 1);
        ObjectNode label = components.addObject().put("type", 18).put("id", 2);
        label.putObject("component").put("type", 4).put("id", 3).put("custom_id", "text").put("value", text);
        return p;
    }

    private static ObjectNode base(int type, String user, String guild, String channel) {
        // JDA refuses to answer an interaction whose id (its creation time) is over 15 minutes old.
        long id = ((System.currentTimeMillis() - DISCORD_EPOCH) << 22) + (SEQUENCE.incrementAndGet() & 0xFFF);
        ObjectNode p = JSON.createObjectNode().put("id", Long.toString(id))
                .put("application_id", FakeDiscord.BOT).put("type", type).put("token", "itoken-" + id)
                .put("version", 1).put("locale", "en-US").put("guild_locale", "en-US").put("context", 0)
                .put("app_permissions", "2147483647").put("channel_id", channel);
        p.putArray("entitlements");
        // in a DM with the bot, a guild-installed app's owner is "0" (Discord's docs)
        p.putObject("authorizing_integration_owners").put("0", guild == null ? "0" : guild);
        ObjectNode userJson = JSON.createObjectNode().put("id", user).put("username", "u" + user.substring(user.length() - 3))
                .put("discriminator", "0").putNull("avatar").putNull("global_name");
        if (guild != null) {
            p.put("guild_id", guild);
            p.putObject("guild").put("id", guild).put("locale", "en-US").putArray("features");
            ObjectNode member = p.putObject("member").put("joined_at", "2024-01-01T00:00:00.000000+00:00")
                    .put("deaf", false).put("mute", false).put("permissions", "2147483647").put("flags", 0)
                    .putNull("nick").putNull("avatar");
            member.set("user", userJson);
            member.putArray("roles");
            p.putObject("channel").put("id", channel).put("type", 0).put("guild_id", guild).put("name", "support")
                    .put("permissions", "2147483647").putNull("topic").putNull("last_message_id").put("rate_limit_per_user", 0)
                    .put("position", 0).put("nsfw", false).putArray("permission_overwrites");
        } else {
            p.set("user", userJson);
            p.putObject("channel").put("id", channel).put("type", 1);
            p.put("context", 1);
        }
        return p;
    }
}
