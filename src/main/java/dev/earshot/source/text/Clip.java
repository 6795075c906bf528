package dev.earshot.source.text;

/**
 * The most of a customer's text Earshot keeps for one message. Platforms allow long posts (a
 * Mastodon instance may allow 100,000 characters); a card shows the start, ends it with a visible
 * {@code …}, and links to the post for the rest.
 */
public final class Clip {
    public static final int MAX_CHARS = 5_000;

    private Clip() {
    }

    /** The text, or its first {@link #MAX_CHARS} characters and {@code …}; never splits a surrogate pair. */
    public static String text(String text) {
        return text(text, false);
    }

    /** The same, and the mark in any case when {@code cut}: the text was cut before it came here. */
    public static String text(String text, boolean cut) {
        if (text == null || (text.length() <= MAX_CHARS && !cut)) {
            return text;
        }
        if (text.length() <= MAX_CHARS) {
            return text.isEmpty() ? "…" : text.stripTrailing() + " …";
        }
        int end = MAX_CHARS;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end).stripTrailing() + " …";
    }
}
