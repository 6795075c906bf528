package dev.earshot.source.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Web addresses in a text as the platforms' own link finders see them: {@code http(s)://} up to
 * white space or {@code <>"}, not glued to a word before it, and without the punctuation that ends
 * the sentence after it ({@code see https://acme.example/help.} links {@code …/help}).
 */
public final class Links {
    private static final Pattern URL = Pattern.compile("(?<![\\w/@.])https?://[^\\s<>\"]+",
            Pattern.UNICODE_CHARACTER_CLASS | Pattern.CASE_INSENSITIVE);
    /** Punctuation that ends a sentence, not a link. */
    private static final String TRAILING = ".,;:!?)]}'\"";

    private Links() {
    }

    /** One address: {@code text.substring(start, end)} is {@code url}. */
    public record Link(int start, int end, String url) {
    }

    public static List<Link> in(String text) {
        List<Link> links = new ArrayList<>();
        if (text == null) {
            return links;
        }
        Matcher m = URL.matcher(text);
        while (m.find()) {
            int end = m.end();
            while (end > m.start() && TRAILING.indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
            links.add(new Link(m.start(), end, text.substring(m.start(), end)));
        }
        return links;
    }
}
