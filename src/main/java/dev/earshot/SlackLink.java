package dev.earshot;

import dev.earshot.app.CommandHandler;
import dev.earshot.app.Inbox;
import dev.earshot.chat.slack.SlackChat;
import dev.earshot.chat.slack.SlackCommands;
import dev.earshot.chat.slack.SlackConnection;
import dev.earshot.config.EarshotConfig;
import dev.earshot.config.SlackChatConfig;
import dev.earshot.core.Team;
import dev.earshot.port.DeliveryException;
import dev.earshot.port.Store;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Slack side of the wiring: the Web API client checked at start, then the listeners for clicks and commands. */
record SlackLink(SlackChatConfig config, SlackChat chat, SlackChat.Identity identity) {
    private static final Logger log = LoggerFactory.getLogger(SlackLink.class);

    /** Checks the bot token with auth.test and learns the workspace, whose users alone may act. */
    static SlackLink connect(SlackChatConfig config, Clock clock) {
        SlackChat chat = SlackChat.of(config, clock);
        try {
            SlackChat.Identity identity = chat.identify();
            log.info("Slack: connected to workspace {} ({}) as {}", identity.team(), identity.teamId(),
                    identity.botUserId());
            return new SlackLink(config, chat, identity);
        } catch (DeliveryException e) {
            throw new Earshot.CannotStart("Slack did not accept the bot token (" + e.getMessage() + "): check"
                    + " chat.slack.botToken and chat.slack.apiUrl", e);
        }
    }

    /** Starts Socket Mode or the HTTP endpoint; returns what must be closed on stop, the connection first. */
    List<AutoCloseable> listen(EarshotConfig earshot, CommandHandler commands, Inbox inbox, Team team, Clock clock,
                               Store store) {
        SlackCommands slackCommands = new SlackCommands(commands, inbox, team, identity.teamId(),
                earshot.routing().channels(), earshot.replyTemplates());
        try {
            return List.of(SlackConnection.start(config, slackCommands, clock, "0.0.0.0"), slackCommands);
        } catch (IOException | RuntimeException e) {
            slackCommands.close();
            store.close();
            throw new Earshot.CannotStart("Slack " + config.mode().name().toLowerCase(Locale.ROOT)
                    + " mode did not start: " + e.getMessage(), e);
        }
    }
}
