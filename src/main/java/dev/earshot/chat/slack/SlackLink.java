package dev.earshot.chat.slack;

import dev.earshot.app.CommandHandler;
import dev.earshot.config.SlackChatConfig;
import dev.earshot.core.ReplyTemplate;
import dev.earshot.core.Team;
import dev.earshot.port.DeliveryException;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack as the composition root starts it: the Web API client checked at start, then the
 * listeners for clicks and commands. Owns nothing else: when Slack fails, what was opened for
 * Slack is closed here and the caller decides about the rest (the store is the composition
 * root's).
 */
public record SlackLink(SlackChatConfig config, SlackChat chat, SlackChat.Identity identity) {
    private static final Logger log = LoggerFactory.getLogger(SlackLink.class);

    /** Slack cannot be used as configured; the message says what to fix. */
    public static final class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Checks the bot token with auth.test and learns the workspace, whose users alone may act. */
    public static SlackLink connect(SlackChatConfig config, Clock clock) {
        SlackChat chat = SlackChat.of(config, clock);
        try {
            SlackChat.Identity identity = chat.identify();
            log.info("Slack: connected to workspace {} ({}) as {}", identity.team(), identity.teamId(),
                    identity.botUserId());
            return new SlackLink(config, chat, identity);
        } catch (DeliveryException e) {
            throw new Unavailable("Slack did not accept the bot token (" + e.getMessage() + "): check"
                    + " chat.slack.botToken and chat.slack.apiUrl", e);
        }
    }

    /**
     * Starts Socket Mode or the HTTP endpoint; returns what must be closed on stop, the connection first.
     *
     * @param channels the channels cards go to; commands from elsewhere are refused
     */
    public List<AutoCloseable> listen(CommandHandler commands, Team team, List<String> channels,
                                      List<ReplyTemplate> templates, Clock clock) {
        SlackCommands slackCommands = new SlackCommands(commands, team, identity.teamId(), channels, templates);
        try {
            return List.of(SlackConnection.start(config, slackCommands, clock, "0.0.0.0"), slackCommands);
        } catch (IOException | RuntimeException e) {
            slackCommands.close();
            throw new Unavailable("Slack " + config.mode().name().toLowerCase(Locale.ROOT)
                    + " mode did not start: " + e.getMessage(), e);
        }
    }
}
