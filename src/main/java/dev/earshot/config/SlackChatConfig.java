package dev.earshot.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;

/**
 * Slack through Bolt. Socket Mode needs {@code botToken} and {@code appToken}; HTTP mode needs
 * {@code botToken}, {@code signingSecret} and {@code port}.
 *
 * @param apiUrl the Web API base; another one for tests or government clouds
 * @param channel the channel id where cards go unless a route says otherwise
 */
public record SlackChatConfig(Mode mode, Secret botToken, Secret appToken, Secret signingSecret,
        Integer port, URI apiUrl, String channel) {
    public static final URI DEFAULT_API_URL = URI.create("https://slack.com/api/");

    public enum Mode {
        @JsonProperty("socket") SOCKET,
        @JsonProperty("http") HTTP
    }

    public SlackChatConfig {
        mode = mode == null ? Mode.SOCKET : mode;
        port = port == null ? 3000 : port;
        apiUrl = apiUrl == null ? DEFAULT_API_URL : apiUrl;
    }
}
