package dev.earshot.chat.discord;

import dev.earshot.app.Queries;
import dev.earshot.app.ReplyWords;
import dev.earshot.core.ReplyTemplate;
import java.util.List;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.components.textdisplay.TextDisplay;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.modals.Modal;

/**
 * The Reply… and Dismiss… modals. Reply… quotes the customer's latest words, says the platform's
 * limit, and offers the saved replies in a select menu: a template picked with the text box left
 * empty comes back filled in, to edit and send (the second step). The box takes Discord's 4,000;
 * the platform's own count is checked when the reply is queued, and a refusal keeps the text.
 */
final class ReplyModals {
    static final String TEXT = "text";
    static final String TEMPLATE = "template";
    static final String REASON = "reason";
    /** Discord's most for a text input. */
    static final int INPUT_MAX = 4_000;

    private ReplyModals() {
    }

    static Modal reply(Queries.ReplyContext context, List<ReplyTemplate> templates, String draft) {
        var c = context.conversation();
        var latest = context.latest();
        String quote = "**@" + DiscordText.escape(DiscordText.oneLine(latest.author().handle(), 80)) + " wrote on "
                + c.platform().displayName() + ":**\n" + DiscordText.escape(DiscordText.cut(DiscordText.clean(latest.text()), 1_500))
                + "\n-# " + DiscordText.escape(DiscordText.clean(ReplyWords.formNote(context)));
        TextInput.Builder box = TextInput.create(TEXT, TextInputStyle.PARAGRAPH).setRequired(templates.isEmpty())
                .setMaxLength(INPUT_MAX);
        if (draft != null && !draft.isEmpty()) {
            box.setValue(DiscordText.cut(draft, INPUT_MAX));
        }
        Modal.Builder modal = Modal.create(Buttons.id(Buttons.REPLY_FORM, c.id()), DiscordText.cut("Reply to " + c.ref()
                + " on " + c.platform().displayName(), Modal.MAX_TITLE_LENGTH))
                .addComponents(TextDisplay.of(quote), Label.of("Your reply, as the brand", box.build()));
        if (!templates.isEmpty()) {
            StringSelectMenu.Builder pick = StringSelectMenu.create(TEMPLATE).setRequired(false).setPlaceholder("Pick one");
            for (int i = 0; i < templates.size() && i < 25; i++) {
                pick.addOption(DiscordText.cut(templates.get(i).name(), 100), Integer.toString(i));
            }
            modal.addComponents(Label.of("Or start from a saved reply", "Leave the box empty to see it filled in first.",
                    pick.build()));
        }
        return modal.build();
    }

    static Modal dismiss(long conversationId) {
        return Modal.create(Buttons.id(Buttons.DISMISS_FORM, conversationId), "Dismiss #" + conversationId)
                .addComponents(Label.of("Why does #" + conversationId + " need no answer?",
                        TextInput.create(REASON, TextInputStyle.SHORT).setRequired(true).setMaxLength(500)
                                .setPlaceholder("spam, not for us, answered elsewhere").build()))
                .build();
    }
}
