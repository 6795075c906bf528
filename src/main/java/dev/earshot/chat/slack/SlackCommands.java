package dev.earshot.chat.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.Context;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import com.slack.api.webhook.WebhookResponse;
import dev.earshot.app.Answer;
import dev.earshot.app.Caller;
import dev.earshot.app.Command;
import dev.earshot.app.CommandHandler;
import dev.earshot.app.Queries;
import dev.earshot.app.Words;
import dev.earshot.core.ReplyTemplate;
import dev.earshot.core.Team;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What teammates do in Slack, turned into {@link Command}s for the one {@link CommandHandler}:
 * {@code /earshot …}, every button on a card or a grouped line, the Reply… and Dismiss… forms.
 *
 * <p>Slack gives three seconds. Every listener acks at once and leaves the work (the store, the
 * answer) to a small executor; answers go back only to the person who asked (response_url,
 * ephemeral), while state changes redraw the card for everyone through the outbox. Forms are the
 * one exception: their field errors must travel in the ack, so a submission waits for its
 * command up to {@link #FORM_BUDGET} and, when the store is slower than that, closes the form and
 * sends the outcome as an ephemeral message instead. Every kind of request has a catch-all
 * listener, so nothing is left unacked (in Socket Mode an unmatched request never is).
 * A delivery Slack repeats (same trigger id) is acked and ignored.
 */
public final class SlackCommands implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SlackCommands.class);
    static final Duration FORM_BUDGET = Duration.ofMillis(2_000);
    private static final Pattern ANY = Pattern.compile(".*");
    private static final String SLASH_COMMAND = "/earshot";

    private final CommandHandler commands;
    private final SlackAccess access;
    private final List<ReplyTemplate> templates;
    private final ExecutorService work;
    private final RecentIds seen = new RecentIds(10_000);

    /**
     * @param teamId this workspace's id (auth.test); users of another workspace are refused
     * @param channels the channels cards go to; commands from elsewhere are refused
     */
    public SlackCommands(CommandHandler commands, Team team, String teamId, List<String> channels,
                         List<ReplyTemplate> templates) {
        this.commands = commands;
        this.access = new SlackAccess(team, teamId, channels);
        this.templates = List.copyOf(templates);
        AtomicInteger n = new AtomicInteger();
        this.work = new ThreadPoolExecutor(4, 4, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(10_000), r -> {
            Thread t = new Thread(r, "slack-work-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Registers a listener for every kind of request Slack can send this app. */
    public App register(App app) {
        app.command(ANY, (req, ctx) -> acked(ctx, req.getPayload().getTriggerId(), () -> slash(req.getPayload(), ctx)));
        app.blockAction(ANY, (req, ctx) -> acked(ctx, req.getPayload().getTriggerId(), () -> action(req.getPayload(), ctx)));
        app.viewSubmission(ANY, this::submitted);
        app.viewClosed(ANY, (req, ctx) -> ctx.ack());
        app.globalShortcut(ANY, (req, ctx) -> ctx.ack());
        app.messageShortcut(ANY, (req, ctx) -> ctx.ack());
        app.blockSuggestion(ANY, (req, ctx) -> ctx.ack(r -> r.options(List.of())));
        return app;
    }

    private Response acked(Context ctx, String deliveryId, Runnable task) {
        if (seen.firstTime(deliveryId)) {
            try {
                work.execute(() -> {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        log.error("a Slack request failed after its ack", e);
                    }
                });
            } catch (RejectedExecutionException e) {
                log.warn("too much work queued; a Slack request was acked and dropped");
            }
        } else {
            log.debug("repeated delivery {} acked and ignored", deliveryId);
        }
        return ctx.ack();
    }

    /** Work after the ack; a full queue costs the follow-up message, never the ack. */
    private void later(Runnable task) {
        try {
            work.execute(task);
        } catch (RejectedExecutionException e) {
            log.warn("too much work queued; a follow-up message to Slack was dropped");
        }
    }

    // ---- /earshot ----

    private void slash(SlashCommandPayload p, SlashCommandContext ctx) {
        String answer;
        if (!SLASH_COMMAND.equals(p.getCommand())) {
            answer = "Earshot answers " + SLASH_COMMAND + " only.";
        } else {
            Caller caller = access.check(p.getUserId(), p.getTeamId(), p.getChannelId());
            answer = shown(caller, commands.answer(caller, SlackText.typed(p.getText())));
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
        ephemeral(ctx, p.getChannelId(), p.getUserId(), answer);
    }

    // ---- buttons ----

    private void action(BlockActionPayload p, ActionContext ctx) {
        if (p.getActions() == null || p.getActions().isEmpty()) {
            return;
        }
        BlockActionPayload.Action a = p.getActions().get(0);
        String actionId = a.getActionId() == null ? "" : a.getActionId();
        if (actionId.equals(Actions.TEMPLATE)) {
            pickTemplate(p, a, ctx);
            return;
        }
        if (actionId.equals(Actions.OPEN) || !Actions.CARD_BUTTONS.contains(actionId)) {
            return; // a link button opens in the browser; Slack only wants the ack
        }
        long id = number(a.getValue());
        Command command = switch (actionId) {
            case Actions.CLAIM -> new Command.Claim(id);
            case Actions.SNOOZE -> new Command.Snooze(id);
            case Actions.RESOLVE -> new Command.Resolve(id);
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
            tell = shown(caller, answer);
        }
        if (tell != null) {
            respond(ctx, channel, user, tell);
        }
    }

    /** Opens a form; null when it opened, else what to tell the user. */
    private static String openForm(String triggerId, ActionContext ctx, String json) {
        String failure = slackCall("views.open", () -> ctx.client().viewsOpen(q -> q.triggerId(triggerId).viewAsString(json)));
        return failure == null ? null : "Slack did not open the form (" + failure + "). Try again, or type "
                + SLASH_COMMAND + " help.";
    }

    /** A saved reply was picked in the Reply form: show it filled in, ready to edit. */
    private void pickTemplate(BlockActionPayload p, BlockActionPayload.Action a, ActionContext ctx) {
        View view = p.getView();
        if (view == null || a.getSelectedOption() == null) {
            return;
        }
        Optional<Forms.Origin> origin = Forms.Origin.of(view.getPrivateMetadata());
        Caller caller = access.check(p.getUser().getId(), p.getUser().getTeamId(), null);
        int index = (int) number(a.getSelectedOption().getValue());
        if (origin.isEmpty() || !caller.allowed() || index < 0 || index >= templates.size()) {
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
        int version = Forms.replyText(values(view.getState())).map(e -> Forms.version(e.getKey())).orElse(0);
        String json = Forms.reply(context, origin.get(), templates, version + 1, filled).toString();
        String failure = slackCall("views.update", () -> ctx.client().viewsUpdate(q -> q.viewId(view.getId())
                .hash(view.getHash()).viewAsString(json)));
        if (failure != null) {
            log.warn("the reply form could not take the template: {}", failure);
        }
    }

    // ---- forms ----

    private Response submitted(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
        ViewSubmissionPayload p = req.getPayload();
        View view = p.getView();
        String callback = view == null ? "" : String.valueOf(view.getCallbackId());
        Optional<Forms.Origin> origin = view == null ? Optional.empty() : Forms.Origin.of(view.getPrivateMetadata());
        if (origin.isEmpty() || !(callback.equals(Actions.REPLY_FORM) || callback.equals(Actions.DISMISS_FORM))) {
            return ctx.ack();
        }
        Map<String, Map<String, String>> values = values(view.getState());
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
            later(() -> commands.answer(caller, command)); // the refusal's audit line
            return ctx.ackWithErrors(Map.of(field, caller.refusal()));
        }
        if (!seen.firstTime(p.getTriggerId())) {
            return ctx.ack();
        }
        String channel = origin.get().channel();
        Future<Answer> outcome;
        try {
            outcome = work.submit(() -> commands.answer(caller, command));
        } catch (RejectedExecutionException e) {
            return ctx.ackWithErrors(Map.of(field, Words.BUSY));
        }
        try {
            Answer answer = outcome.get(FORM_BUDGET.toMillis(), TimeUnit.MILLISECONDS);
            if (!answer.ok()) {
                return ctx.ackWithErrors(Map.of(field, answer.text()));
            }
            later(() -> ephemeral(ctx, channel, user, text(answer.text())));
            return ctx.ack();
        } catch (ExecutionException e) {
            log.error("{} from the {} form failed", command.getClass().getSimpleName(), callback, e.getCause());
            return ctx.ackWithErrors(Map.of(field, Answer.failed().text()));
        } catch (TimeoutException e) {
            // The store is slow: close the form now, tell the outcome when it comes.
            later(() -> ephemeral(ctx, channel, user, text(settle(outcome).text())));
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

    // ---- helpers ----

    /**
     * What the asker sees: the answer as Slack text; someone turned away sees the access check's
     * own sentence, which is Slack text already (it may link our channels).
     */
    private static String shown(Caller caller, Answer answer) {
        return caller.allowed() ? text(answer.text()) : caller.refusal();
    }

    private void respond(ActionContext ctx, String channel, String user, String answer) {
        try {
            WebhookResponse r = ctx.respond(q -> q.responseType("ephemeral").replaceOriginal(false).text(answer));
            if (r.getCode() == 200) {
                return;
            }
        } catch (IOException e) {
            log.warn("response_url failed ({}); falling back to chat.postEphemeral", e.getMessage());
        }
        ephemeral(ctx, channel, user, answer);
    }

    private void ephemeral(Context ctx, String channel, String user, String answer) {
        if (channel == null || user == null) {
            return;
        }
        String failure = slackCall("chat.postEphemeral", () -> ctx.client().chatPostEphemeral(q -> q.channel(channel)
                .user(user).text(answer)));
        if (failure != null) {
            log.warn("an answer for {} could not be shown: {}", user, failure);
        }
    }

    @FunctionalInterface
    private interface Call {
        SlackApiTextResponse run() throws IOException, SlackApiException;
    }

    /** Null when Slack took it; else Slack's error code or what went wrong. */
    private static String slackCall(String method, Call call) {
        try {
            SlackApiTextResponse r = call.run();
            return r.isOk() ? null : r.getError();
        } catch (SlackApiException e) {
            return method + " HTTP " + (e.getResponse() == null ? "?" : e.getResponse().code());
        } catch (IOException e) {
            return method + " " + e.getClass().getSimpleName();
        }
    }

    /** A plain answer as Slack text: escaped; several lines go in a code block so columns line up. */
    static String text(String plain) {
        String escaped = SlackText.escape(plain);
        return plain.contains("\n") ? "```" + escaped + "```" : escaped;
    }

    private static Map<String, Map<String, String>> values(ViewState state) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        if (state == null || state.getValues() == null) {
            return out;
        }
        state.getValues().forEach((block, actions) -> {
            Map<String, String> inner = new LinkedHashMap<>();
            actions.forEach((action, value) -> inner.put(action, value == null || value.getValue() == null ? ""
                    : value.getValue()));
            out.put(block, inner);
        });
        return out;
    }

    private static long number(String value) {
        try {
            return value == null ? -1 : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        work.shutdown();
        try {
            if (!work.awaitTermination(3, TimeUnit.SECONDS)) {
                work.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            work.shutdownNow();
        }
    }
}
