package dev.earshot.chat.discord;

import dev.earshot.app.ConversationView;
import dev.earshot.core.Conversation;
import java.util.List;
import net.dv8tion.jda.api.interactions.commands.Command;

/** The {@code id} autocomplete: waiting conversations whose number starts with what was typed, 25 at most. */
final class QueueChoices {
    private QueueChoices() {
    }

    static List<Command.Choice> of(List<ConversationView> queue, String typed) {
        String prefix = typed == null ? "" : typed.strip().replaceFirst("^#", "");
        return queue.stream().filter(v -> Long.toString(v.conversation().id()).startsWith(prefix)).limit(25)
                .map(v -> {
                    Conversation c = v.conversation();
                    String name = DiscordText.oneLine(c.ref() + " · @" + c.authorHandle() + " · "
                            + c.platform().displayName() + " · " + v.first().text(), 100);
                    return new Command.Choice(name, c.id());
                }).toList();
    }
}
