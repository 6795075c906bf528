package dev.earshot;

import dev.earshot.app.CommandHandler;
import dev.earshot.app.Inbox;
import dev.earshot.chat.discord.DiscordChat;
import dev.earshot.chat.discord.DiscordCommands;
import dev.earshot.chat.discord.DiscordConnection;
import dev.earshot.config.DiscordChatConfig;
import dev.earshot.config.EarshotConfig;
import dev.earshot.core.Team;
import dev.earshot.port.DeliveryException;
import dev.earshot.port.Store;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Discord side of the wiring: the bot token checked at start, then the gateway session for clicks and commands. */
record DiscordLink(DiscordChatConfig config, DiscordChat chat, String botUserId) {
    private static final Logger log = LoggerFactory.getLogger(DiscordLink.class);

    /** Checks the bot token with {@code GET users/@me}; turns JDA's default mentions off before anything is posted. */
    static DiscordLink connect(DiscordChatConfig config) {
        DiscordConnection.mentionsOff();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        DiscordChat chat = DiscordChat.of(config, http);
        try {
            String bot = chat.botUserId();
            log.info("Discord: connected as bot {} for server {}", bot, config.guild());
            return new DiscordLink(config, chat, bot);
        } catch (DeliveryException e) {
            throw new Earshot.CannotStart("Discord did not accept the bot token (" + e.getMessage() + "): check"
                    + " chat.discord.token and chat.discord.apiUrl", e);
        }
    }

    /** Registers /earshot and opens the gateway; returns what must be closed on stop, the connection first. */
    List<AutoCloseable> listen(EarshotConfig earshot, CommandHandler commands, Inbox inbox, Team team, Store store) {
        DiscordCommands listener = new DiscordCommands(commands, inbox, team, config.guild(),
                earshot.routing().channels(), earshot.replyTemplates());
        try {
            return List.of(DiscordConnection.start(config, chat, botUserId, listener), listener);
        } catch (RuntimeException e) {
            listener.close();
            store.close();
            throw new Earshot.CannotStart("the Discord gateway session did not start: " + e.getMessage(), e);
        }
    }
}
