package dev.earshot.chat.discord;

import dev.earshot.app.Command;
import dev.earshot.app.CommandHandler;
import dev.earshot.app.Inbox;
import dev.earshot.core.Member;
import dev.earshot.core.Refusal;
import dev.earshot.core.ReplyTemplate;
import dev.earshot.core.Team;
import java.time.Duration;
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
    private static final String OOPS = "Something went wrong on Earshot's side; nothing was changed."
            + " The operator can see why in the log.";

    private final CommandHandler commands;
    private final Inbox inbox;
    private final DiscordAccess access;
    private final List<ReplyTemplate> templates;
    private final Drafts drafts = new Drafts(1_000);
    private final ExecutorService work;

    /**
     * @param guild the configured server; interactions from elsewhere are refused
     * @param channels the channels cards go to; commands from elsewhere are refused
     */
    public DiscordCommands(CommandHandler commands, Inbox inbox, Team team, String guild, List<String> channels,
                           List<ReplyTemplate> templates) {
        this.commands = commands;
        this.inbox = inbox;
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
        DiscordAccess.Verdict verdict = check(Where.of(e));
        e.deferReply(true).queue();
        InteractionHook hook = e.getHook();
        String verb = e.getSubcommandName() == null ? "help" : e.getSubcommandName();
        List<SlashCommand.Given> given = e.getOptions().stream().map(o -> new SlashCommand.Given(o.getName(),
                o.getAsString(), o.getType() == net.dv8tion.jda.api.interactions.commands.OptionType.USER
                        ? o.getAsUser().getId() : null)).toList();
        long id = given.stream().filter(g -> g.name().equals(SlashCommand.ID)).map(g -> number(g.text())).findFirst()
                .orElse(0L);
        later(hook, () -> {
            if (!verdict.allowed()) {
                refused(id, e.getUser().getId(), "/earshot " + verb, verdict);
                return verdict.refusal();
            }
            String line = SlashCommand.line(verb, given, user -> access.team().byChatId("discord", user));
            return commands.handle(verdict.member(), line);
        });
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent e) {
        if (!SlashCommand.ID.equals(e.getFocusedOption().getName())) {
            e.replyChoices().queue();
            return;
        }
        DiscordAccess.Verdict verdict = check(Where.of(e));
        if (!verdict.allowed()) {
            e.replyChoices().queue();
            return;
        }
        e.replyChoices(QueueChoices.of(inbox.queue(50), e.getFocusedOption().getValue())).queue();
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
        DiscordAccess.Verdict verdict = check(Where.of(e));
        if (!verdict.allowed()) {
            e.reply(verdict.refusal()).setEphemeral(true).queue();
            work(() -> refused(id, e.getUser().getId(), action, verdict));
            return;
        }
        Member member = verdict.member();
        switch (action) {
            case Buttons.REPLY -> {
                try {
                    e.replyModal(ReplyModals.reply(inbox.replyContext(id), templates,
                            drafts.take(e.getUser().getId(), id))).queue();
                } catch (Refusal r) {
                    e.reply(DiscordAnswers.text(r.getMessage())).setEphemeral(true).queue();
                }
            }
            case Buttons.DISMISS -> e.replyModal(ReplyModals.dismiss(id)).queue();
            case Buttons.CLAIM, Buttons.SNOOZE, Buttons.RESOLVE -> {
                e.deferReply(true).queue();
                Command command = switch (action) {
                    case Buttons.CLAIM -> new Command.Claim(id);
                    case Buttons.SNOOZE -> new Command.Snooze(id, Duration.ofHours(1));
                    default -> new Command.Resolve(id);
                };
                later(e.getHook(), () -> commands.execute(member, command));
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
        DiscordAccess.Verdict verdict = check(Where.of(e));
        e.deferReply(true).queue();
        InteractionHook hook = e.getHook();
        if (!verdict.allowed()) {
            later(hook, () -> {
                refused(id, user, form.get().action(), verdict);
                return verdict.refusal();
            });
            return;
        }
        if (form.get().action().equals(Buttons.DISMISS_FORM)) {
            String reason = value(e.getValue(ReplyModals.REASON));
            later(hook, () -> commands.execute(verdict.member(), new Command.Dismiss(id, reason)));
            return;
        }
        String text = value(e.getValue(ReplyModals.TEXT));
        ModalMapping picked = e.getValue(ReplyModals.TEMPLATE);
        List<String> choice = picked == null ? List.of() : picked.getAsStringList();
        work(() -> submitReply(hook, verdict.member(), user, id, text, choice));
    }

    private void submitReply(InteractionHook hook, Member member, String user, long id, String text, List<String> choice) {
        if (text.isBlank()) {
            int index = choice.isEmpty() ? -1 : (int) number(choice.get(0));
            if (index < 0 || index >= templates.size()) {
                send(hook, "Write a reply first; nothing was sent.", id);
                return;
            }
            try {
                Inbox.ReplyContext context = inbox.replyContext(id);
                String filled = templates.get(index).fill(ReplyTemplate.values(context.conversation(),
                        context.latest().author(), member.name()));
                drafts.keep(user, id, filled);
                send(hook, "“" + templates.get(index).name() + "” is filled in and waiting in Reply…: press it to read,"
                        + " edit and send.", id);
            } catch (Refusal r) {
                send(hook, r.getMessage(), 0);
            }
            return;
        }
        try {
            String answer = commands.execute(member, new Command.Reply(id, text));
            drafts.take(user, id);
            send(hook, answer, 0);
        } catch (Refusal r) {
            drafts.keep(user, id, text);
            send(hook, r.getMessage() + "\nYour text is kept: press Reply… to edit it.", id);
        } catch (RuntimeException ex) {
            drafts.keep(user, id, text);
            log.error("a reply from the Discord modal failed", ex);
            send(hook, OOPS + "\nYour text is kept: press Reply… to try again.", id);
        }
    }

    // ---- helpers ----

    private DiscordAccess.Verdict check(Where w) {
        return access.check(w.user(), w.guild(), w.channel(), w.parent());
    }

    /** Runs {@code answer} off the event thread and sends its text through the hook. */
    private void later(InteractionHook hook, java.util.function.Supplier<String> answer) {
        work(() -> {
            String text;
            try {
                text = answer.get();
            } catch (Refusal r) {
                text = r.getMessage();
            } catch (RuntimeException ex) {
                log.error("a Discord interaction failed after its defer", ex);
                text = OOPS;
            }
            send(hook, text, 0);
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

    private void refused(long conversationId, String user, String action, DiscordAccess.Verdict verdict) {
        try {
            inbox.refused(conversationId, "discord:" + user, action, verdict.reason());
        } catch (RuntimeException ex) {
            log.warn("the refusal of {} could not be written to the audit log", user, ex);
        }
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
