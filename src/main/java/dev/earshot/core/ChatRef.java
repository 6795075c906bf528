package dev.earshot.core;

/**
 * Where a conversation's card lives in a chat, for example {@code slack:C0123:1700000000.000100}.
 * Opaque to everything but the chat adapter that made it.
 */
public record ChatRef(String value) {
    public ChatRef {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a chat reference cannot be empty");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
