package dev.earshot.source.feed;

import dev.earshot.source.text.Clip;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * An entry's HTML (a comment, a post) as the plain text a person reads: tags gone, entities
 * decoded, paragraphs and line breaks kept, scripts and styles dropped. Only the first
 * {@link #MAX_HTML} characters are read, so the cost stays linear and small whatever the feed
 * sends; the text is clipped with a visible {@code …} (the card links to the entry).
 */
final class EntryHtml {
    static final int MAX_HTML = Clip.MAX_CHARS * 20;

    private EntryHtml() {
    }

    static String text(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        boolean cut = html.length() > MAX_HTML;
        Element body = Jsoup.parseBodyFragment(cut ? html.substring(0, MAX_HTML) : html).body();
        body.select("script, style, template").remove();
        body.select("br").forEach(br -> br.after(new TextNode("\n")));
        body.select("p, div, li, blockquote, pre, h1, h2, h3, h4, h5, h6, tr")
                .forEach(block -> block.appendChild(new TextNode("\n\n")));
        String text = body.wholeText()
                .replace('\u00A0', ' ')
                .replaceAll("[ \\t\\x0B\\f\\r]+", " ")
                .replaceAll(" *\\n *", "\n")
                .replaceAll("\\n{3,}", "\n\n")
                .strip();
        return Clip.text(text, cut);
    }
}
