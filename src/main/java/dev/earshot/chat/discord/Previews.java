package dev.earshot.chat.discord;

import dev.earshot.app.Answer;
import dev.earshot.app.Caller;
import dev.earshot.app.Command;
import dev.earshot.app.CommandHandler;
import java.util.EnumSet;
import java.util.function.Consumer;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A typed reply's preview in Discord: shown to its author alone, as the customer will see it, with
 * Send and Cancel ({@code earshot:send:<draft>}, {@code earshot:cancel:<draft>}). A press is
 * acknowledged at once (deferEdit); the outcome then replaces the preview, without its buttons.
 * The store settles the draft once, so a second press sends nothing.
 */
final class Previews {
    private static final Logger log = LoggerFactory.getLogger(Previews.class);

    private Previews() {
    }

    /** The preview, ephemeral, with its two buttons; mentions off (the reply quotes the customer). */
    static void show(InteractionHook hook, Answer answer) {
        long draft = answer.preview().draftId();
        hook.sendMessage(DiscordAnswers.text(answer.text())).setEphemeral(true)
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .addComponents(ActionRow.of(Button.success(Buttons.id(Buttons.SEND, draft), "Send"),
                        Button.secondary(Buttons.id(Buttons.CANCEL, draft), "Cancel")))
                .queue(null, ex -> log.warn("a reply preview could not be shown in Discord: {}", ex.getMessage()));
    }

    /** Send or Cancel pressed by a member: acknowledged now, answered on {@code work}. */
    static void clicked(ButtonInteractionEvent e, CommandHandler commands, Caller caller, boolean send, long draft,
                        Consumer<Runnable> work) {
        e.deferEdit().queue();
        InteractionHook hook = e.getHook();
        work.accept(() -> {
            Answer answer = commands.answer(caller, send ? new Command.SendDraft(draft) : new Command.CancelDraft(draft));
            hook.editOriginal(DiscordAnswers.text(answer.text())).setComponents()
                    .queue(null, ex -> log.warn("a reply preview could not be updated in Discord: {}", ex.getMessage()));
        });
    }
}
