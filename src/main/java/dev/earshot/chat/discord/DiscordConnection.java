package dev.earshot.chat.discord;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.earshot.config.DiscordChatConfig;
import dev.earshot.port.DeliveryException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.messages.MessageRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway session that brings interactions in: JDA as a light client with no gateway intents
 * (slash commands, buttons and modals need none), against the configured REST base and gateway,
 * compression off. The guild's {@code /earshot} command is written before the session starts
 * (guild commands show at once; global ones take up to an hour).
 */
public final class DiscordConnection implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DiscordConnection.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JDA jda;

    private DiscordConnection(JDA jda) {
        this.jda = jda;
    }

    /**
     * Turns JDA's mention default (everyone, roles, users) off for every message it sends. Call once
     * at start-up, before anything is posted: a customer's {@code @everyone} in an answer must not ping.
     */
    public static void mentionsOff() {
        MessageRequest.setDefaultMentions(EnumSet.noneOf(Message.MentionType.class));
        MessageRequest.setDefaultMentionRepliedUser(false);
    }

    /** Registers {@code /earshot} in the guild (through {@code chat}'s REST), then opens the gateway session. */
    public static DiscordConnection start(DiscordChatConfig config, DiscordChat chat, String applicationId,
                                          DiscordCommands listener) {
        mentionsOff();
        register(config, chat, applicationId);
        JDA jda = JDABuilder.createLight(config.token().reveal(), EnumSet.noneOf(GatewayIntent.class))
                .setRestConfig(new RestConfig().setBaseUrl(config.apiUrl().toString()))
                .setSessionController(new FixedGateway(config.gatewayUrl().toString()))
                .setCompression(Compression.NONE)
                .setEnableShutdownHook(false)
                .addEventListeners(listener)
                .build();
        return new DiscordConnection(jda);
    }

    /** Whether the gateway session is up (READY received and not lost since). */
    public boolean connected() {
        return jda.getStatus() == JDA.Status.CONNECTED;
    }

    private static void register(DiscordChatConfig config, DiscordChat chat, String applicationId) {
        try {
            ArrayNode commands = JSON.createArrayNode();
            commands.add(JSON.readTree(new String(SlashCommand.definition().toData().toJson(), StandardCharsets.UTF_8)));
            chat.putCommands(applicationId, config.guild(), commands);
            log.info("Discord: /{} registered in server {}", SlashCommand.NAME, config.guild());
        } catch (DeliveryException e) {
            // Buttons and modals still work; only the typed command is missing until the next start.
            log.error("Discord: /{} could not be registered in server {} ({}); invite the bot with the"
                    + " applications.commands scope (earshot discord-invite)", SlashCommand.NAME, config.guild(),
                    e.getMessage());
        } catch (IOException e) {
            throw new IllegalStateException("JDA wrote a command Jackson cannot read", e);
        }
    }

    @Override
    public void close() {
        jda.shutdownNow();
    }

    /** JDA asks its session controller where the gateway is; this one answers with the configured URL. */
    static final class FixedGateway extends ConcurrentSessionController {
        private final String url;

        FixedGateway(String url) {
            this.url = url;
        }

        @Override
        public String getGateway() {
            return url;
        }
    }
}
