package dev.earshot.chat.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.webhook.WebhookResponse;
import com.slack.api.model.block.LayoutBlock;
import dev.earshot.app.Answer;
import dev.earshot.app.Caller;
import dev.earshot.app.CommandHandler;
import java.io.IOException;
import java.util.List;
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
        List<LayoutBlock> blocks = null;
        if (!NAME.equals(p.getCommand())) {
            answer = "Earshot answers " + NAME + " only.";
        } else {
            Caller caller = access.check(p.getUserId(), p.getTeamId(), p.getChannelId());
            Answer a = commands.answer(caller, SlackText.typed(p.getText()));
            answer = SlackAnswers.shown(caller, a);
            if (caller.allowed() && a.preview() != null) {
                blocks = PreviewBlocks.of(a.preview(), a.text());
            }
        }
        List<LayoutBlock> shown = blocks;
        try {
            WebhookResponse r = ctx.respond(q -> q.responseType("ephemeral").text(answer).blocks(shown));
            if (r.getCode() == 200) {
                return;
            }
            log.warn("response_url answered {}; falling back to chat.postEphemeral", r.getCode());
        } catch (IOException e) {
            log.warn("response_url failed ({}); falling back to chat.postEphemeral", e.getMessage());
        }
        if (shown == null) {
            SlackAnswers.ephemeral(ctx, p.getChannelId(), p.getUserId(), answer);
        } else {
            SlackAnswers.ephemeral(ctx, p.getChannelId(), p.getUserId(), answer, shown);
        }
    }
}
