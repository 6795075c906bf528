package dev.earshot.chat.slack;

import com.slack.api.bolt.App;
import dev.earshot.app.Command;
import dev.earshot.app.CommandHandler;
import dev.earshot.core.ReplyTemplate;
import dev.earshot.core.Team;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What teammates do in Slack, turned into {@link Command}s for the one {@link CommandHandler}
 * (recipe steps 4 and 5): this class only wires one Bolt listener per kind of request.
 * {@code /earshot …} goes to {@link SlashCommandListener}, every button on a card or a grouped
 * line to {@link ButtonListener} (a saved reply picked in a form to {@link TemplatePickListener}),
 * the Reply… and Dismiss… forms to {@link FormListener}; {@link SlackAccess} checks who asks.
 *
 * <p>Slack gives three seconds: every listener but the forms' acks at once and runs on
 * {@link SlackWork}; answers go back only to the person who asked ({@link SlackAnswers}), while
 * state changes redraw the card for everyone through the outbox. Every other kind of request has
 * a catch-all listener, so nothing is left unacked (in Socket Mode an unmatched request never is).
 */
public final class SlackCommands implements AutoCloseable {
    /** How long a form's submission waits for its command before the form closes anyway. */
    static final Duration FORM_BUDGET = FormListener.BUDGET;
    private static final Pattern ANY = Pattern.compile(".*");

    private final SlackWork work = new SlackWork();
    private final SlashCommandListener slash;
    private final ButtonListener buttons;
    private final FormListener forms;

    /**
     * @param teamId this workspace's id (auth.test); users of another workspace are refused
     * @param channels the channels cards go to; commands from elsewhere are refused
     */
    public SlackCommands(CommandHandler commands, Team team, String teamId, List<String> channels,
                         List<ReplyTemplate> templates) {
        SlackAccess access = new SlackAccess(team, teamId, channels);
        List<ReplyTemplate> saved = List.copyOf(templates);
        this.slash = new SlashCommandListener(commands, access);
        this.buttons = new ButtonListener(commands, access, saved, new TemplatePickListener(commands, access, saved));
        this.forms = new FormListener(commands, access, work);
    }

    /** Registers a listener for every kind of request Slack can send this app. */
    public App register(App app) {
        app.command(ANY, (req, ctx) -> work.acked(ctx, req.getPayload().getTriggerId(),
                () -> slash.run(req.getPayload(), ctx)));
        app.blockAction(ANY, (req, ctx) -> work.acked(ctx, req.getPayload().getTriggerId(),
                () -> buttons.run(req.getPayload(), ctx)));
        app.viewSubmission(ANY, forms::submitted);
        app.viewClosed(ANY, (req, ctx) -> ctx.ack());
        app.globalShortcut(ANY, (req, ctx) -> ctx.ack());
        app.messageShortcut(ANY, (req, ctx) -> ctx.ack());
        app.blockSuggestion(ANY, (req, ctx) -> ctx.ack(r -> r.options(List.of())));
        return app;
    }

    /** A plain answer as Slack text (see {@link SlackAnswers#text}). */
    static String text(String plain) {
        return SlackAnswers.text(plain);
    }

    @Override
    public void close() {
        work.close();
    }
}
