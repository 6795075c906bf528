package dev.earshot.archfixtures.source.text;

/** Keeps every rule: the shared text helper. */
public final class Graphemes {
    public static int count(String text) {
        return text.codePointCount(0, text.length());
    }
}
