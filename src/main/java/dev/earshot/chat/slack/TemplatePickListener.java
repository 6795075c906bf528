package dev.earshot.chat.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.model.view.View;
import dev.earshot.app.Answer;
import dev.earshot.app.Caller;
import dev.earshot.app.Command;
import dev.earshot.app.CommandHandler;
import dev.earshot.app.Queries;
import dev.earshot.core.ReplyTemplate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A saved reply picked in the Reply form: the form is redrawn with the template filled in, ready
 * to edit and send (the reply box's version, {@link Forms#version}, goes up by one with each
 * pick). Someone turned away is told why, to themselves alone. Runs after the ack.
 */
final class TemplatePickListener {
    private static final Logger log = LoggerFactory.getLogger(TemplatePickListener.class);

    private final CommandHandler commands;
    private final SlackAccess access;
    private final List<ReplyTemplate> templates;

    TemplatePickListener(CommandHandler commands, SlackAccess access, List<ReplyTemplate> templates) {
        this.commands = commands;
        this.access = access;
        this.templates = templates;
    }

    void run(BlockActionPayload p, BlockActionPayload.Action a, ActionContext ctx) {
        View view = p.getView();
        if (view == null || a.getSelectedOption() == null) {
            return;
        }
        Optional<Forms.Origin> origin = Forms.Origin.of(view.getPrivateMetadata());
        Caller caller = access.check(p.getUser().getId(), p.getUser().getTeamId(), null);
        int index = (int) PayloadValues.number(a.getSelectedOption().getValue());
        if (origin.isPresent() && !caller.allowed()) {
            commands.answer(caller, new Command.ReplyForm(origin.get().conversationId())); // the refusal's audit line
            SlackAnswers.ephemeral(ctx, origin.get().channel(), p.getUser().getId(), caller.refusal());
            return;
        }
        if (origin.isEmpty() || index < 0 || index >= templates.size()) {
            return;
        }
        Answer answer = commands.answer(caller, new Command.ReplyForm(origin.get().conversationId()));
        if (!answer.ok()) {
            log.warn("the reply form could not take the template: {}", answer.text());
            return;
        }
        Queries.ReplyContext context = answer.replyForm();
        String filled = templates.get(index).fill(ReplyTemplate.values(context.conversation(),
                context.latest().author(), caller.member().name()));
        Map<String, Map<String, String>> values = PayloadValues.of(view.getState());
        int version = Forms.replyText(values).map(e -> Forms.version(e.getKey())).orElse(0);
        String json = Forms.reply(context, origin.get(), templates, version + 1, filled).toString();
        String failure = SlackAnswers.slackCall("views.update", () -> ctx.client().viewsUpdate(q -> q
                .viewId(view.getId()).hash(view.getHash()).viewAsString(json)));
        if (failure != null) {
            log.warn("the reply form could not take the template: {}", failure);
        }
    }
}
