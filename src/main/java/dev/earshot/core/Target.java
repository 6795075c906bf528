package dev.earshot.core;

/**
 * Where an outbox row goes: a chat channel (cards, the posts in their threads, channel posts,
 * notices and reports all go to the channel, so that a card always goes out before its thread) or
 * a source account (replies to customers). Each target is sent to on its own, in order.
 *
 * <p>The store keeps a target as one string, {@code chat:<channel>} or {@code source:<name>}:
 * {@link #encoded()} and {@link #decode} are the only places that spell it.
 */
public sealed interface Target {
    String CHAT = "chat:";
    String SOURCE = "source:";

    /** The stored form, also the name this target has on {@code /healthz} and in the metrics. */
    String encoded();

    static Target chat(String channel) {
        return new Chat(channel);
    }

    /** The channel a conversation's card, thread and notices go to. */
    static Target chatOf(Conversation conversation) {
        return new Chat(conversation.channel());
    }

    static Target source(String name) {
        return new Source(name);
    }

    /** The target a stored string names; throws when it names none. */
    static Target decode(String encoded) {
        if (encoded != null && encoded.startsWith(CHAT)) {
            return new Chat(encoded.substring(CHAT.length()));
        }
        if (encoded != null && encoded.startsWith(SOURCE)) {
            return new Source(encoded.substring(SOURCE.length()));
        }
        throw new IllegalArgumentException("not an outbox target: " + encoded);
    }

    /** A chat channel, as the chat adapter names it. */
    record Chat(String channel) implements Target {
        public Chat {
            requireName(channel, "channel");
        }

        @Override
        public String encoded() {
            return CHAT + channel;
        }

        @Override
        public String toString() {
            return encoded();
        }
    }

    /** A configured source, by its name (a conversation's account). */
    record Source(String name) implements Target {
        public Source {
            requireName(name, "source name");
        }

        @Override
        public String encoded() {
            return SOURCE + name;
        }

        @Override
        public String toString() {
            return encoded();
        }
    }

    private static void requireName(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a target needs a " + what);
        }
    }
}
