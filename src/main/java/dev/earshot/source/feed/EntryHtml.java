package dev.earshot.source.feed;

import dev.earshot.source.text.Clip;
import java.util.Locale;
import java.util.Set;
import org.jsoup.parser.Parser;

/**
 * An entry's HTML (a comment, a post) as the plain text a person reads: tags gone, entities
 * decoded, paragraphs and line breaks kept, scripts, styles and comments dropped. One forward
 * pass over the characters, no tree: a feed can nest markup as deep as it likes (an HTML tree
 * builder is quadratic on thousands of nested blocks) and the cost stays linear. Only the first
 * {@link #MAX_HTML} characters are read; the text is clipped with a visible {@code …} (the card
 * links to the entry).
 */
final class EntryHtml {
    static final int MAX_HTML = Clip.MAX_CHARS * 20;
    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "ul", "ol", "blockquote", "pre", "h1", "h2",
            "h3", "h4", "h5", "h6", "tr", "table", "section", "article", "header", "footer");
    private static final Set<String> HIDDEN = Set.of("script", "style", "template");

    private EntryHtml() {
    }

    static String text(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        boolean cut = html.length() > MAX_HTML;
        String in = cut ? html.substring(0, MAX_HTML) : html;
        String lower = in.toLowerCase(Locale.ROOT); // same length: ASCII tag names are all it is searched for
        StringBuilder out = new StringBuilder(Math.min(in.length(), Clip.MAX_CHARS * 2));
        int i = 0;
        while (i < in.length() && out.length() <= Clip.MAX_CHARS * 4) {
            char c = in.charAt(i);
            if (c != '<') {
                out.append(c);
                i++;
            } else if (in.startsWith("<!--", i)) {
                int end = in.indexOf("-->", i + 4);
                i = end < 0 ? in.length() : end + 3;
            } else {
                int end = in.indexOf('>', i + 1);
                if (end < 0) {
                    break; // half a tag at the end: not text
                }
                String name = tagName(in, i + 1, end);
                if (name.equals("br")) {
                    out.append('\n');
                } else if (BLOCKS.contains(name)) {
                    out.append("\n\n");
                }
                boolean opens = in.charAt(i + 1) != '/' && in.charAt(end - 1) != '/';
                i = end + 1;
                if (opens && HIDDEN.contains(name)) {
                    int close = lower.indexOf("</" + name, i);
                    i = close < 0 ? in.length() : close;
                }
            }
        }
        String text = Parser.unescapeEntities(out.toString(), false)
                .replace('\u00A0', ' ')
                .replaceAll("[ \\t\\x0B\\f\\r]+", " ")
                .replaceAll(" ?\\n ?", "\n")
                .replaceAll("\\n{3,}", "\n\n")
                .strip();
        return Clip.text(text, cut || i < in.length());
    }

    /** The lower-case name of the tag between {@code from} and {@code end}, without {@code /}. */
    private static String tagName(String in, int from, int end) {
        int s = from < end && in.charAt(from) == '/' ? from + 1 : from;
        int e = s;
        while (e < end && Character.isLetterOrDigit(in.charAt(e))) {
            e++;
        }
        return in.substring(s, e).toLowerCase(Locale.ROOT);
    }
}
