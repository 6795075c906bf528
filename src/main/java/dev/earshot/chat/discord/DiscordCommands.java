package dev.earshot.chat.discord;

import dev.earshot.app.Answer;
import dev.earshot.app.Caller;
import dev.earshot.app.Command;
import dev.earshot.app.CommandHandler;
import dev.earshot.app.Queries;
import dev.earshot.app.Words;
import dev.earshot.core.ReplyTemplate;
import dev.earshot.core.Team;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What teammates do in Discord, turned into {@link Command}s for the one {@link CommandHandler}:
 * {@code /earshot …}, the card buttons, the Reply… and Dismiss… modals, and the id autocomplete.
 *
 * <p>Discord gives three seconds. On JDA's event thread each interaction is only checked (who,
 * where: no I/O) and deferred ephemerally, or answered with a modal; the command itself runs on a
 * small executor and its answer goes through the interaction hook, to the asker only. Nothing here
 * ever waits for a RestAction ({@code queue()}, never {@code complete()}). State changes redraw
 * the card for everyone through the outbox.
 */
public final class DiscordCommands extends ListenerAdapter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DiscordCommands.class);
    private static final String OOPS = Answer.failed().text();

    private final CommandHandler commands;
    private final Queries queries;
    private final DiscordAccess access;
    private final List<ReplyTemplate> templates;
    private final Drafts drafts = new Drafts(1_000);
    private final ExecutorService work;

    /**
     * @param guild the configured server; interactions from elsewhere are refused
     * @param channels the channels cards go to; commands from elsewhere are refused
     */
    public DiscordCommands(CommandHandler commands, Queries queries, Team team, String guild, List<String> channels,
                           List<ReplyTemplate> templates) {
        this.commands = commands;
        this.queries = queries;
        this.access = new DiscordAccess(team, guild, channels);
        this.templates = List.copyOf(templates);
        AtomicInteger n = new AtomicInteger();
        this.work = new ThreadPoolExecutor(4, 4, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(10_000), r -> {
            Thread t = new Thread(r, "discord-work-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    // ---- /earshot ----

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent e) {
        if (!SlashCommand.NAME.equals(e.getName())) {
            e.reply("Earshot answers /" + SlashCommand.NAME + " only.").setEphemeral(true).queue();
            return;
        }
        Caller caller = caller(Where.of(e));
        e.deferReply(true).queue();
        InteractionHook hook = e.getHook();
        String verb = e.getSubcommandName() == null ? "help" : e.getSubcommandName();
        List<SlashCommand.Given> given = e.getOptions().stream().map(o -> new SlashCommand.Given(o.getName(),
                o.getAsString(), o.getType() == net.dv8tion.jda.api.interactions.commands.OptionType.USER
                        ? o.getAsUser().getId() : null)).toList();
        later(hook, () -> {
            if (!caller.allowed()) {
                return commands.answer(caller, verb).text();
            }
            try {
                Answer answer = commands.answer(caller, SlashCommand.line(verb, given,
                        user -> access.team().byChatId("discord", user)));
                if (answer.preview() == null) {
                    return answer.text();
                }
                Previews.show(hook, answer);
                return null;
            } catch (dev.earshot.core.Refusal r) {
                return r.getMessage();
            }
        });
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent e) {
        if (!SlashCommand.ID.equals(e.getFocusedOption().getName())) {
            e.replyChoices().queue();
            return;
        }
        if (!caller(Where.of(e)).allowed()) {
            e.replyChoices().queue();
            return;
        }
        e.replyChoices(QueueChoices.of(queries.queue(50), e.getFocusedOption().getValue())).queue();
    }

    // ---- buttons ----

    @Override
    public void onButtonInteraction(ButtonInteractionEvent e) {
        Optional<Buttons.Click> click = Buttons.parse(e.getComponentId());
        if (click.isEmpty()) {
            e.deferEdit().queue(); // not ours: acknowledged, nothing changes
            return;
        }
        long id = click.get().conversation();
        String action = click.get().action();
        Caller caller = caller(Where.of(e));
        if (!caller.allowed()) {
            e.reply(DiscordAnswers.text(caller.refusal())).setEphemeral(true).queue();
            work(() -> commands.answer(caller, command(action, id))); // refused, and written to the audit log
            return;
        }
        switch (action) {
            case Buttons.REPLY -> {
                Answer form = commands.answer(caller, new Command.ReplyForm(id));
                if (form.replyForm() == null) {
                    e.reply(DiscordAnswers.text(form.text())).setEphemeral(true).queue();
                } else {
                    e.replyModal(ReplyModals.reply(form.replyForm(), templates, drafts.take(e.getUser().getId(), id)))
                            .queue();
                }
            }
            case Buttons.DISMISS -> e.replyModal(ReplyModals.dismiss(id)).queue();
            case Buttons.SEND, Buttons.CANCEL -> Previews.clicked(e, commands, caller, action.equals(Buttons.SEND), id,
                    this::work);
            case Buttons.CLAIM, Buttons.SNOOZE, Buttons.RESOLVE, Buttons.ANSWERED_THERE -> {
                e.deferReply(true).queue();
                Command command = command(action, id);
                later(e.getHook(), () -> commands.answer(caller, command).text());
            }
            default -> e.deferEdit().queue();
        }
    }

    // ---- modals ----

    @Override
    public void onModalInteraction(ModalInteractionEvent e) {
        Optional<Buttons.Click> form = Buttons.parse(e.getModalId());
        if (form.isEmpty()) {
            e.deferEdit().queue();
            return;
        }
        long id = form.get().conversation();
        String user = e.getUser().getId();
        Caller caller = caller(Where.of(e));
        e.deferReply(true).queue();
        InteractionHook hook = e.getHook();
        if (form.get().action().equals(Buttons.DISMISS_FORM)) {
            String reason = value(e.getValue(ReplyModals.REASON));
            later(hook, () -> commands.answer(caller, new Command.Dismiss(id, reason)).text());
            return;
        }
        if (!caller.allowed()) {
            later(hook, () -> commands.answer(caller, new Command.Reply(id, "")).text());
            return;
        }
        String text = value(e.getValue(ReplyModals.TEXT));
        ModalMapping picked = e.getValue(ReplyModals.TEMPLATE);
        List<String> choice = picked == null ? List.of() : picked.getAsStringList();
        work(() -> submitReply(hook, caller, user, id, text, choice));
    }

    private void submitReply(InteractionHook hook, Caller caller, String user, long id, String text, List<String> choice) {
        if (text.isBlank()) {
            int index = choice.isEmpty() ? -1 : (int) number(choice.get(0));
            if (index < 0 || index >= templates.size()) {
                send(hook, Words.WRITE_A_REPLY_FIRST, id);
                return;
            }
            Answer form = commands.answer(caller, new Command.ReplyForm(id));
            if (form.replyForm() == null) {
                send(hook, form.text(), 0);
                return;
            }
            String filled = templates.get(index).fill(ReplyTemplate.values(form.replyForm().conversation(),
                    form.replyForm().latest().author(), caller.member().name()));
            drafts.keep(user, id, filled);
            send(hook, "“" + templates.get(index).name() + "” is filled in and waiting in Reply…: press it to read,"
                    + " edit and send.", id);
            return;
        }
        Answer answer = commands.answer(caller, new Command.Reply(id, text));
        if (answer.ok()) {
            drafts.take(user, id);
            send(hook, answer.text(), 0);
        } else {
            drafts.keep(user, id, text);
            send(hook, answer.text() + "\nYour text is kept: press Reply… to edit it.", id);
        }
    }

    // ---- helpers ----

    /** The command a card button stands for. */
    private static Command command(String action, long id) {
        return switch (action) {
            case Buttons.REPLY -> new Command.ReplyForm(id);
            case Buttons.DISMISS -> new Command.DismissForm(id);
            case Buttons.SNOOZE -> new Command.Snooze(id);
            case Buttons.RESOLVE -> new Command.Resolve(id);
            case Buttons.SEND -> new Command.SendDraft(id);
            case Buttons.CANCEL -> new Command.CancelDraft(id);
            case Buttons.ANSWERED_THERE -> new Command.AnsweredThere(id);
            default -> new Command.Claim(id);
        };
    }

    /** Who is asking: a member, or someone turned away with a sentence (the handler audits it). */
    private Caller caller(Where w) {
        DiscordAccess.Verdict v = access.check(w.user(), w.guild(), w.channel(), w.parent());
        return v.allowed() ? Caller.member(v.member()) : Caller.turnedAway("discord:" + w.user(), v.refusal(), v.reason());
    }

    /** Runs {@code answer} off the event thread and sends its text through the hook (nothing for null: sent already). */
    private void later(InteractionHook hook, java.util.function.Supplier<String> answer) {
        work(() -> {
            String text;
            try {
                text = answer.get();
            } catch (RuntimeException ex) {
                log.error("a Discord interaction failed after its defer", ex);
                text = OOPS;
            }
            if (text != null) {
                send(hook, text, 0);
            }
        });
    }

    private void work(Runnable task) {
        try {
            work.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException ex) {
                    log.error("a Discord interaction failed after its defer", ex);
                }
            });
        } catch (RejectedExecutionException ex) {
            log.warn("too much work queued; a Discord interaction was deferred and dropped");
        }
    }

    /** An ephemeral answer; with a Reply… button when {@code replyTo} is a conversation. */
    private static void send(InteractionHook hook, String answer, long replyTo) {
        var message = hook.sendMessage(DiscordAnswers.text(answer)).setEphemeral(true)
                .setAllowedMentions(java.util.EnumSet.noneOf(net.dv8tion.jda.api.entities.Message.MentionType.class));
        if (replyTo > 0) {
            message = message.addComponents(ActionRow.of(Button.success(Buttons.id(Buttons.REPLY, replyTo), "Reply…")));
        }
        message.queue(null, ex -> log.warn("an answer could not be shown in Discord: {}", ex.getMessage()));
    }

    private static String value(ModalMapping m) {
        return m == null ? "" : m.getAsString();
    }

    private static long number(String value) {
        try {
            return value == null ? -1 : Long.parseLong(value.strip());
        } catch (NumberFormatException ex) {
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
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            work.shutdownNow();
        }
    }
}
