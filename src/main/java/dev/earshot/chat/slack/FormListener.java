package dev.earshot.chat.slack;

import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import dev.earshot.app.Answer;
import dev.earshot.app.Caller;
import dev.earshot.app.Command;
import dev.earshot.app.CommandHandler;
import dev.earshot.app.Words;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Reply… and Dismiss… forms, submitted. Forms are the one exception to "ack first, work
 * after": a field's error (empty reply, no reason, a refusal) must travel in the ack, so a
 * submission waits for its command up to {@link #BUDGET}; when the store is slower than that the
 * form closes and the outcome comes as an ephemeral message instead. A repeated submission (same
 * trigger id) is acked and ignored.
 */
final class FormListener {
    private static final Logger log = LoggerFactory.getLogger(FormListener.class);
    /** How long a submission waits for its command before the form closes anyway. */
    static final Duration BUDGET = Duration.ofMillis(2_000);

    private final CommandHandler commands;
    private final SlackAccess access;
    private final SlackWork work;

    FormListener(CommandHandler commands, SlackAccess access, SlackWork work) {
        this.commands = commands;
        this.access = access;
        this.work = work;
    }

    Response submitted(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
        ViewSubmissionPayload p = req.getPayload();
        View view = p.getView();
        String callback = view == null ? "" : String.valueOf(view.getCallbackId());
        Optional<Forms.Origin> origin = view == null ? Optional.empty() : Forms.Origin.of(view.getPrivateMetadata());
        if (origin.isEmpty() || !(callback.equals(Actions.REPLY_FORM) || callback.equals(Actions.DISMISS_FORM))) {
            return ctx.ack();
        }
        Map<String, Map<String, String>> values = PayloadValues.of(view.getState());
        String user = p.getUser() == null ? null : p.getUser().getId();
        long id = origin.get().conversationId();
        Command command;
        String field;
        if (callback.equals(Actions.REPLY_FORM)) {
            Map.Entry<String, String> reply = Forms.replyText(values).orElse(Map.entry(Forms.REPLY_BLOCK + 0, ""));
            field = reply.getKey();
            if (reply.getValue().isBlank()) {
                return ctx.ackWithErrors(Map.of(field, Words.WRITE_A_REPLY_FIRST));
            }
            command = new Command.Reply(id, reply.getValue());
        } else {
            field = Forms.REASON_BLOCK;
            String reason = values.getOrDefault(Forms.REASON_BLOCK, Map.of()).getOrDefault(Forms.REASON_INPUT, "");
            if (reason.isBlank()) {
                return ctx.ackWithErrors(Map.of(field, Words.SAY_WHY));
            }
            command = new Command.Dismiss(id, reason);
        }
        Caller caller = access.check(user, p.getUser() == null ? null : p.getUser().getTeamId(), null);
        if (!caller.allowed()) {
            work.later(() -> commands.answer(caller, command)); // the refusal's audit line
            return ctx.ackWithErrors(Map.of(field, caller.refusal()));
        }
        if (!work.firstTime(p.getTriggerId())) {
            return ctx.ack();
        }
        return run(ctx, command, callback, field, origin.get().channel(), user, caller);
    }

    /** Runs the command within the budget and acks with its outcome. */
    private Response run(ViewSubmissionContext ctx, Command command, String callback, String field,
                         String channel, String user, Caller caller) {
        Future<Answer> outcome;
        try {
            outcome = work.submit(() -> commands.answer(caller, command));
        } catch (RejectedExecutionException e) {
            return ctx.ackWithErrors(Map.of(field, Words.BUSY));
        }
        try {
            Answer answer = outcome.get(BUDGET.toMillis(), TimeUnit.MILLISECONDS);
            if (!answer.ok()) {
                return ctx.ackWithErrors(Map.of(field, answer.text()));
            }
            work.later(() -> SlackAnswers.ephemeral(ctx, channel, user, SlackAnswers.text(answer.text())));
            return ctx.ack();
        } catch (ExecutionException e) {
            log.error("{} from the {} form failed", command.getClass().getSimpleName(), callback, e.getCause());
            return ctx.ackWithErrors(Map.of(field, Answer.failed().text()));
        } catch (TimeoutException e) {
            // The store is slow: close the form now, tell the outcome when it comes.
            work.later(() -> SlackAnswers.ephemeral(ctx, channel, user, SlackAnswers.text(settle(outcome).text())));
            return ctx.ack();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ctx.ack();
        }
    }

    /** The answer once it comes; the handler never throws, so a failure here is the executor's. */
    private static Answer settle(Future<Answer> outcome) {
        try {
            return outcome.get();
        } catch (ExecutionException e) {
            log.error("a form's command failed", e.getCause());
            return Answer.failed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.failed();
        }
    }
}
