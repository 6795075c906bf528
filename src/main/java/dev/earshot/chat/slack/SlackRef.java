package dev.earshot.chat.slack;

import dev.earshot.core.ChatRef;
import dev.earshot.port.DeliveryException;
import java.util.regex.Pattern;

/**
 * Where something lives in Slack, as a {@link ChatRef}: {@code slack:C0123:1700000000.000100}
 * for a message, {@code slack:C0123:1700000000.000100:42} for conversation 42's line in a grouped
 * message (a burst). Only this adapter reads or writes these.
 *
 * @param row the conversation whose line this is in a grouped message, or 0 for a whole message
 */
record SlackRef(String channel, String ts, long row) {
    private static final Pattern CHANNEL = Pattern.compile("[A-Z0-9]{2,40}");
    private static final Pattern TS = Pattern.compile("\\d{1,12}\\.\\d{1,9}");

    SlackRef(String channel, String ts) {
        this(channel, ts, 0);
    }

    boolean grouped() {
        return row != 0;
    }

    ChatRef toChatRef() {
        return new ChatRef("slack:" + channel + ":" + ts + (grouped() ? ":" + row : ""));
    }

    /** Refuses, as a delivery that can never work, a reference this adapter did not make. */
    static SlackRef of(ChatRef ref) throws DeliveryException {
        String[] parts = ref.value().split(":");
        boolean shape = (parts.length == 3 || parts.length == 4) && parts[0].equals("slack")
                && CHANNEL.matcher(parts[1]).matches() && TS.matcher(parts[2]).matches()
                && (parts.length == 3 || parts[3].matches("[1-9]\\d{0,17}"));
        if (!shape) {
            throw new DeliveryException(DeliveryException.Kind.REJECTED, "not a Slack message reference: " + ref);
        }
        return new SlackRef(parts[1], parts[2], parts.length == 4 ? Long.parseLong(parts[3]) : 0);
    }
}
