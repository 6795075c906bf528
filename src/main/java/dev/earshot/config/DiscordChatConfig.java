package dev.earshot.config;

/**
 * Discord through a bot account.
 *
 * @param guild the server id
 * @param channel the channel id where cards go
 */
public record DiscordChatConfig(Secret token, String guild, String channel) {
}
