package dev.earshot.chat.slack;

import com.slack.api.bolt.context.Context;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.webhook.WebhookResponse;
import com.slack.api.model.block.LayoutBlock;
import dev.earshot.app.Answer;
import dev.earshot.app.Caller;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a handler's {@link Answer} reaches the one person who asked (recipe step 4: the answer is
 * ephemeral): escaped as Slack text, through the response URL, or {@code chat.postEphemeral} when
 * that fails. Shared by every listener so they all answer alike.
 */
final class SlackAnswers {
    private static final Logger log = LoggerFactory.getLogger(SlackAnswers.class);

    private SlackAnswers() {
    }

    /** A plain answer as Slack text: escaped; several lines go in a code block so columns line up. */
    static String text(String plain) {
        String escaped = SlackText.escape(plain);
        return plain.contains("\n") ? "```" + escaped + "```" : escaped;
    }

    /**
     * What the asker sees: the answer as Slack text; someone turned away sees the access check's
     * own sentence, which is Slack text already (it may link our channels).
     */
    static String shown(Caller caller, Answer answer) {
        return caller.allowed() ? text(answer.text()) : caller.refusal();
    }

    /** Answers a button click through its response URL, falling back to an ephemeral message. */
    static void respond(ActionContext ctx, String channel, String user, String answer) {
        respond(ctx, channel, user, answer, false);
    }

    /** The same; {@code replace}: in place of the message whose button was pressed (a preview's). */
    static void respond(ActionContext ctx, String channel, String user, String answer, boolean replace) {
        try {
            WebhookResponse r = ctx.respond(q -> q.responseType("ephemeral").replaceOriginal(replace).text(answer));
            if (r.getCode() == 200) {
                return;
            }
        } catch (IOException e) {
            log.warn("response_url failed ({}); falling back to chat.postEphemeral", e.getMessage());
        }
        ephemeral(ctx, channel, user, answer);
    }

    /** Shows the answer to the user alone; nothing when the channel or user is unknown. */
    static void ephemeral(Context ctx, String channel, String user, String answer) {
        ephemeral(ctx, channel, user, answer, null);
    }

    /** The same, with blocks (a preview's Send and Cancel), or none when null. */
    static void ephemeral(Context ctx, String channel, String user, String answer, List<LayoutBlock> blocks) {
        if (channel == null || user == null) {
            return;
        }
        String failure = slackCall("chat.postEphemeral", () -> ctx.client().chatPostEphemeral(q -> q.channel(channel)
                .user(user).text(answer).blocks(blocks)));
        if (failure != null) {
            log.warn("an answer for {} could not be shown: {}", user, failure);
        }
    }

    @FunctionalInterface
    interface Call {
        SlackApiTextResponse run() throws IOException, SlackApiException;
    }

    /** Null when Slack took it; else Slack's error code or what went wrong. */
    static String slackCall(String method, Call call) {
        try {
            SlackApiTextResponse r = call.run();
            return r.isOk() ? null : r.getError();
        } catch (SlackApiException e) {
            return method + " HTTP " + (e.getResponse() == null ? "?" : e.getResponse().code());
        } catch (IOException e) {
            return method + " " + e.getClass().getSimpleName();
        }
    }
}
