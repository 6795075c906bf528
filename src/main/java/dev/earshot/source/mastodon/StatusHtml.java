package dev.earshot.source.mastodon;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * A status's HTML {@code content} as the plain text a person reads: paragraphs and line breaks
 * kept, mentions and hashtags as {@code @name} and {@code #tag}, links as their full address,
 * entities decoded, no tags. A link whose label is not its address keeps both: {@code label (address)}.
 */
final class StatusHtml {
    private StatusHtml() {
    }

    static String text(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Element body = Jsoup.parseBodyFragment(html).body();
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t && !insideHidden(t)) {
                    out.append(t.text());
                } else if (node instanceof Element e && e.normalName().equals("br")) {
                    out.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (!(node instanceof Element e) || insideHidden(e)) {
                    return;
                }
                switch (e.normalName()) {
                    case "p", "blockquote", "pre", "li", "h1", "h2", "h3", "h4", "h5", "h6" -> out.append("\n\n");
                    case "a" -> {
                        String href = e.attr("href");
                        String label = e.text().strip();
                        if (isPlainLink(e) && !href.isBlank() && !sameAddress(label, href)) {
                            out.append(" (").append(href).append(')');
                        }
                    }
                    default -> { }
                }
            }
        }, body);
        return tidy(out.toString());
    }

    /** Mastodon 4.5 prepends a hidden "RE: link" paragraph to quotes for old clients; people do not see it. */
    private static boolean insideHidden(Node node) {
        for (Node n = node; n != null; n = n.parent()) {
            if (n instanceof Element e && e.hasClass("quote-inline")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPlainLink(Element a) {
        return !a.hasClass("mention") && !a.hasClass("hashtag") && !a.hasClass("u-url");
    }

    private static boolean sameAddress(String label, String href) {
        String l = bare(label);
        String h = bare(href);
        return l.equals(h) || (l.endsWith("…") && h.startsWith(l.substring(0, l.length() - 1)));
    }

    private static String bare(String url) {
        String u = url.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "").replaceFirst("^www\\.", "");
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    private static String tidy(String s) {
        String lines = s.replace('\u00a0', ' ').replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n[ \\t]+", "\n");
        return lines.replaceAll("\\n{3,}", "\n\n").strip();
    }
}
