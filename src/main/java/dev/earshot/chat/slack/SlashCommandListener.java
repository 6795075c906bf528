package dev.earshot.chat.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.webhook.WebhookResponse;
import dev.earshot.app.Caller;
import dev.earshot.app.CommandHandler;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /earshot …} (recipe step 4, typed text): the line goes through the same parser as the
 * terminal's, and the answer goes back to the asker alone through the response URL, or
 * {@code chat.postEphemeral} when Slack's response URL fails. Runs after the ack.
 */
final class SlashCommandListener {
    private static final Logger log = LoggerFactory.getLogger(SlashCommandListener.class);
    static final String NAME = "/earshot";

    private final CommandHandler commands;
    private final SlackAccess access;

    SlashCommandListener(CommandHandler commands, SlackAccess access) {
        this.commands = commands;
        this.access = access;
    }

    void run(SlashCommandPayload p, SlashCommandContext ctx) {
        String answer;
        if (!NAME.equals(p.getCommand())) {
            answer = "Earshot answers " + NAME + " only.";
        } else {
            Caller caller = access.check(p.getUserId(), p.getTeamId(), p.getChannelId());
            answer = SlackAnswers.shown(caller, commands.answer(caller, SlackText.typed(p.getText())));
        }
        try {
            WebhookResponse r = ctx.respond(q -> q.responseType("ephemeral").text(answer));
            if (r.getCode() == 200) {
                return;
            }
            log.warn("response_url answered {}; falling back to chat.postEphemeral", r.getCode());
        } catch (IOException e) {
            log.warn("response_url failed ({}); falling back to chat.postEphemeral", e.getMessage());
        }
        SlackAnswers.ephemeral(ctx, p.getChannelId(), p.getUserId(), answer);
    }
}
