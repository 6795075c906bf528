package dev.earshot.source.mastodon;

import java.util.Comparator;

/**
 * Mastodon ids are opaque strings. Today they are decimal numbers of varying length, so order them
 * as the server does: shorter first, then character by character.
 */
final class StatusIds {
    static final Comparator<String> ORDER = Comparator.comparingInt(String::length)
            .thenComparing(Comparator.naturalOrder());

    private StatusIds() {
    }

    /** The later of two ids; either may be null. */
    static String max(String a, String b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return ORDER.compare(a, b) >= 0 ? a : b;
    }

    static String min(String a, String b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return ORDER.compare(a, b) <= 0 ? a : b;
    }
}
