package dev.earshot.config;

import java.net.URI;

/**
 * Discord through a bot account (JDA).
 *
 * @param guild the server id; its members alone may act, and Earshot's commands are registered there
 * @param channel the channel id where cards go
 * @param apiUrl the REST base (another one for a local fake)
 * @param gatewayUrl the gateway WebSocket (another one for a local fake)
 */
public record DiscordChatConfig(Secret token, String guild, String channel, URI apiUrl, URI gatewayUrl) {
    public static final URI DEFAULT_API_URL = URI.create("https://discord.com/api/v10/");
    public static final URI DEFAULT_GATEWAY_URL = URI.create("wss://gateway.discord.gg/");

    public DiscordChatConfig {
        apiUrl = apiUrl == null ? DEFAULT_API_URL : apiUrl;
        gatewayUrl = gatewayUrl == null ? DEFAULT_GATEWAY_URL : gatewayUrl;
    }

    public DiscordChatConfig(Secret token, String guild, String channel) {
        this(token, guild, channel, null, null);
    }
}
