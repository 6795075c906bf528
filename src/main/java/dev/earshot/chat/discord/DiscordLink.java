package dev.earshot.chat.discord;

import dev.earshot.app.CommandHandler;
import dev.earshot.app.Queries;
import dev.earshot.config.DiscordChatConfig;
import dev.earshot.core.ReplyTemplate;
import dev.earshot.core.Team;
import dev.earshot.port.DeliveryException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discord as the composition root starts it: the bot token checked at start (and JDA's default
 * mentions turned off before anything is posted), then the gateway session for clicks and
 * commands. Owns nothing else: the store and the application are the composition root's.
 */
public record DiscordLink(DiscordChatConfig config, DiscordChat chat, String botUserId) {
    private static final Logger log = LoggerFactory.getLogger(DiscordLink.class);

    /** Discord cannot be used as configured; the message says what to fix. */
    public static final class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Checks the bot token with {@code GET users/@me}. */
    public static DiscordLink connect(DiscordChatConfig config) {
        DiscordConnection.mentionsOff();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        DiscordChat chat = DiscordChat.of(config, http);
        try {
            String bot = chat.botUserId();
            log.info("Discord: connected as bot {} for server {}", bot, config.guild());
            return new DiscordLink(config, chat, bot);
        } catch (DeliveryException e) {
            throw new Unavailable("Discord did not accept the bot token (" + e.getMessage() + "): check"
                    + " chat.discord.token and chat.discord.apiUrl", e);
        }
    }

    /**
     * Registers /earshot and opens the gateway; returns what must be closed on stop, the connection first.
     *
     * @param channels the channels cards go to; commands from elsewhere are refused
     */
    public List<AutoCloseable> listen(CommandHandler commands, Queries queries, Team team, List<String> channels,
                                      List<ReplyTemplate> templates) {
        DiscordCommands listener = new DiscordCommands(commands, queries, team, config.guild(), channels, templates);
        try {
            return List.of(DiscordConnection.start(config, chat, botUserId, listener), listener);
        } catch (RuntimeException e) {
            listener.close();
            throw new Unavailable("the Discord gateway session did not start: " + e.getMessage(), e);
        }
    }
}
