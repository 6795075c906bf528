package dev.earshot.source.mastodon;

import dev.earshot.source.text.Clip;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * A status's HTML {@code content} as the plain text a person reads: paragraphs and line breaks
 * kept, mentions and hashtags as {@code @name} and {@code #tag}, links as their full address,
 * entities decoded, no tags. A link whose label is not its address keeps both: {@code label (address)}.
 *
 * <p>Linear in the size of the HTML, however it nests: one walk over the tree, one pass to tidy
 * the white space. Only the first {@link #MAX_HTML} characters of HTML are read, the walk stops
 * once the text is past {@link Clip#MAX_CHARS}, and the text is clipped there with a visible
 * {@code …} (the card links to the status for the rest).
 */
final class StatusHtml {
    /** Twenty characters of markup per character kept: a status with a link in every word still fits. */
    static final int MAX_HTML = Clip.MAX_CHARS * 20;

    private StatusHtml() {
    }

    static String text(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        boolean cut = html.length() > MAX_HTML;
        int end = cut ? cutAt(html) : html.length();
        Element body = Jsoup.parseBodyFragment(html.substring(0, end)).body();
        StringBuilder out = new StringBuilder();
        NodeTraversor.filter(new NodeFilter() {
            /** How many open elements are hidden from people; text inside any of them is left out. */
            private int hidden;
            /** Characters of visible text so far, white space aside. */
            private int kept;
            /** Where the text of each open link starts in {@code out}. */
            private final Deque<Integer> links = new ArrayDeque<>();

            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Element e && isHidden(e)) {
                    hidden++;
                } else if (hidden == 0 && node instanceof Element e && e.normalName().equals("a")) {
                    links.push(out.length());
                } else if (hidden == 0 && node instanceof TextNode t) {
                    out.append(t.text());
                    kept += t.isBlank() ? 0 : t.text().length();
                } else if (hidden == 0 && node instanceof Element e && e.normalName().equals("br")) {
                    out.append('\n');
                }
                // Past the cap nothing more is kept: stop reading rather than build text to throw away.
                return kept > Clip.MAX_CHARS ? FilterResult.STOP : FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (!(node instanceof Element e)) {
                    return FilterResult.CONTINUE;
                }
                if (isHidden(e)) {
                    hidden--;
                    return FilterResult.CONTINUE;
                }
                if (hidden > 0) {
                    return FilterResult.CONTINUE;
                }
                switch (e.normalName()) {
                    case "p", "blockquote", "pre", "li", "h1", "h2", "h3", "h4", "h5", "h6" -> out.append("\n\n");
                    case "a" -> {
                        int start = links.isEmpty() ? out.length() : links.pop();
                        String href = e.attr("href");
                        if (isPlainLink(e) && !href.isBlank() && !sameAddress(out, start, href)) {
                            out.append(" (").append(href).append(')');
                        }
                    }
                    default -> { }
                }
                return FilterResult.CONTINUE;
            }
        }, body);
        return Clip.text(tidy(out), cut);
    }

    /** Where to cut HTML longer than {@link #MAX_HTML}: before a tag it would halve (half a tag reads as text), never in a surrogate pair. */
    private static int cutAt(String html) {
        int end = MAX_HTML;
        int open = html.lastIndexOf('<', end - 1);
        if (open > html.lastIndexOf('>', end - 1)) {
            end = open;
        }
        return end > 0 && Character.isHighSurrogate(html.charAt(end - 1)) ? end - 1 : end;
    }

    /** Mastodon 4.5 prepends a hidden "RE: link" paragraph to quotes for old clients; people do not see it. */
    private static boolean isHidden(Element e) {
        return e.hasClass("quote-inline");
    }

    private static boolean isPlainLink(Element a) {
        return !a.hasClass("mention") && !a.hasClass("hashtag") && !a.hasClass("u-url");
    }

    /**
     * Whether the link's text, {@code out} from {@code start}, is its address. A text much longer
     * than the address is not, and is not looked at: links nested a thousand deep stay linear.
     */
    private static boolean sameAddress(CharSequence out, int start, String href) {
        if (out.length() - start > href.length() + 8) {
            return false;
        }
        String l = bare(out.subSequence(start, out.length()).toString().strip());
        String h = bare(href);
        return l.equals(h) || (l.endsWith("…") && h.startsWith(l.substring(0, l.length() - 1)));
    }

    private static String bare(String url) {
        String u = url.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "").replaceFirst("^www\\.", "");
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    /**
     * In one pass: no-break spaces as spaces, no spaces or tabs at the start or end of a line, at
     * most one empty line in a row, nothing around the whole.
     */
    static String tidy(CharSequence s) {
        StringBuilder out = new StringBuilder(s.length());
        StringBuilder spaces = new StringBuilder();
        boolean lineStart = true;
        int newlines = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\u00a0') {
                if (!lineStart) {
                    spaces.append(c == '\t' ? '\t' : ' ');
                }
            } else if (c == '\n') {
                spaces.setLength(0);
                lineStart = true;
                if (++newlines <= 2) {
                    out.append('\n');
                }
            } else {
                out.append(spaces).append(c);
                spaces.setLength(0);
                lineStart = false;
                newlines = 0;
            }
        }
        return out.toString().strip();
    }
}
