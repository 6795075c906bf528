package dev.earshot.chat.discord;

import dev.earshot.core.ChatRef;
import dev.earshot.port.DeliveryException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where something lives in Discord, as a {@link ChatRef}: {@code discord:<channel>:<message>}
 * for a channel post, {@code discord:<channel>:<message>:12} for conversation 12's card and
 * {@code discord:<channel>:<message>:12:group} for its line in a grouped message (a burst). A
 * card's thread is started from the card's message, so it has the message's id. Only this adapter
 * reads or writes these.
 *
 * @param conversation the card's conversation, or 0 for a plain channel post
 */
record DiscordRef(String channel, String message, long conversation, boolean grouped) {
    private static final Pattern SHAPE = Pattern.compile("discord:(\\d{1,20}):(\\d{1,20})(?::([1-9]\\d{0,17})(:group)?)?");

    DiscordRef(String channel, String message) {
        this(channel, message, 0, false);
    }

    /** The card's thread: Discord gives a thread started from a message that message's id. */
    String thread() {
        return message;
    }

    ChatRef toChatRef() {
        return new ChatRef("discord:" + channel + ":" + message + (conversation == 0 ? "" : ":" + conversation)
                + (grouped ? ":group" : ""));
    }

    /** Refuses, as a delivery that can never work, a reference this adapter did not make. */
    static DiscordRef of(ChatRef ref) throws DeliveryException {
        Matcher m = SHAPE.matcher(ref.value());
        if (!m.matches()) {
            throw new DeliveryException(DeliveryException.Kind.REJECTED, "not a Discord message reference: " + ref);
        }
        return new DiscordRef(m.group(1), m.group(2), m.group(3) == null ? 0 : Long.parseLong(m.group(3)),
                m.group(4) != null);
    }
}
