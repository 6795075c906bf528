package dev.earshot.chat.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import dev.earshot.app.Answer;
import dev.earshot.app.Caller;
import dev.earshot.app.Command;
import dev.earshot.app.CommandHandler;
import dev.earshot.core.ReplyTemplate;
import java.util.List;

/**
 * The buttons on a card or a grouped line (recipe step 4, a button straight into a
 * {@link Command}): Claim, Snooze, Resolve run at once; Reply… and Dismiss… open their form when
 * the handler allows it. A saved reply picked inside the Reply form is a block action too and is
 * handed to {@link TemplatePickListener}. Runs after the ack.
 */
final class ButtonListener {
    private final CommandHandler commands;
    private final SlackAccess access;
    private final List<ReplyTemplate> templates;
    private final TemplatePickListener templatePicks;

    ButtonListener(CommandHandler commands, SlackAccess access, List<ReplyTemplate> templates,
                   TemplatePickListener templatePicks) {
        this.commands = commands;
        this.access = access;
        this.templates = templates;
        this.templatePicks = templatePicks;
    }

    void run(BlockActionPayload p, ActionContext ctx) {
        if (p.getActions() == null || p.getActions().isEmpty()) {
            return;
        }
        BlockActionPayload.Action a = p.getActions().get(0);
        String actionId = a.getActionId() == null ? "" : a.getActionId();
        if (actionId.equals(Actions.TEMPLATE)) {
            templatePicks.run(p, a, ctx);
            return;
        }
        if (actionId.equals(Actions.SEND) || actionId.equals(Actions.CANCEL)) {
            settlePreview(p, actionId, PayloadValues.number(a.getValue()), ctx);
            return;
        }
        if (actionId.equals(Actions.OPEN) || !Actions.CARD_BUTTONS.contains(actionId)) {
            return; // a link button opens in the browser; Slack only wants the ack
        }
        long id = PayloadValues.number(a.getValue());
        Command command = switch (actionId) {
            case Actions.CLAIM -> new Command.Claim(id);
            case Actions.SNOOZE -> new Command.Snooze(id);
            case Actions.RESOLVE -> new Command.Resolve(id);
            case Actions.ANSWERED_THERE -> new Command.AnsweredThere(id);
            case Actions.REPLY -> new Command.ReplyForm(id);
            case Actions.DISMISS -> new Command.DismissForm(id);
            default -> null;
        };
        if (command == null) {
            return;
        }
        String channel = p.getChannel() != null ? p.getChannel().getId()
                : p.getContainer() == null ? null : p.getContainer().getChannelId();
        String user = p.getUser() == null ? null : p.getUser().getId();
        Caller caller = access.check(user, p.getUser() == null ? null : p.getUser().getTeamId(), channel);
        Answer answer = commands.answer(caller, command);
        String tell; // what the asker reads; null when a form opened instead
        if (caller.allowed() && answer.ok() && command instanceof Command.ReplyForm) {
            tell = openForm(p.getTriggerId(), ctx, Forms.reply(answer.replyForm(), new Forms.Origin(id, channel),
                    templates, 0, null).toString());
        } else if (caller.allowed() && answer.ok() && command instanceof Command.DismissForm) {
            tell = openForm(p.getTriggerId(), ctx, Forms.dismiss(id, new Forms.Origin(id, channel)).toString());
        } else {
            tell = SlackAnswers.shown(caller, answer);
        }
        if (tell != null) {
            SlackAnswers.respond(ctx, channel, user, tell);
        }
    }

    /** Send or Cancel under a preview: the outcome replaces the preview, so its buttons go. */
    private void settlePreview(BlockActionPayload p, String actionId, long draft, ActionContext ctx) {
        String channel = p.getChannel() != null ? p.getChannel().getId()
                : p.getContainer() == null ? null : p.getContainer().getChannelId();
        String user = p.getUser() == null ? null : p.getUser().getId();
        Caller caller = access.check(user, p.getUser() == null ? null : p.getUser().getTeamId(), channel);
        Command command = actionId.equals(Actions.SEND) ? new Command.SendDraft(draft) : new Command.CancelDraft(draft);
        Answer answer = commands.answer(caller, command);
        SlackAnswers.respond(ctx, channel, user, SlackAnswers.shown(caller, answer), caller.allowed() && answer.ok());
    }

    /** Opens a form; null when it opened, else what to tell the user. */
    private static String openForm(String triggerId, ActionContext ctx, String json) {
        String failure = SlackAnswers.slackCall("views.open", () -> ctx.client().viewsOpen(q -> q.triggerId(triggerId)
                .viewAsString(json)));
        return failure == null ? null : "Slack did not open the form (" + failure + "). Try again, or type "
                + SlashCommandListener.NAME + " help.";
    }
}
