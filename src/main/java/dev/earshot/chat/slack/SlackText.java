package dev.earshot.chat.slack;

import dev.earshot.core.Member;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Text as Slack reads it. Everything that is not ours (the customer's text, names, a teammate's
 * note) goes through {@link #escape}: with {@code &}, {@code <} and {@code >} escaped no
 * {@code <!channel>}, {@code <@U…>} or {@code <https://evil|bank.com>} can form, so nothing pings
 * and no link lies. The only entities in our messages are the ones made here: a member's mention
 * and a link to a URL that was checked.
 */
final class SlackText {
    private static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]{2,30}");

    private SlackText() {
    }

    /** Replaces only {@code &}, {@code <} and {@code >}, as Slack documents. */
    /**
     * What a user typed after a slash command, as they typed it. Slack sends it escaped ({@code &},
     * {@code <}, {@code >} as entities) and may turn mentions and links into {@code <@U123|name>},
     * {@code <#C1|name>} and {@code <url|label>}; a reply must reach the customer exactly as written.
     */
    static String typed(String text) {
        if (text == null) {
            return "";
        }
        String plain = ENTITY.matcher(text).replaceAll(m -> Matcher.quoteReplacement(asTyped(m.group(1), m.group(2))));
        return plain.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /** {@code <target>} or {@code <target|label>}, as Slack writes mentions, channels and links. */
    private static final Pattern ENTITY = Pattern.compile("<([^<>|]+)(?:\\|([^<>]*))?>");

    private static String asTyped(String target, String label) {
        if (label != null && !label.isEmpty()) {
            return target.startsWith("@") || target.startsWith("#") ? target.charAt(0) + label : label;
        }
        return target.startsWith("!") ? "@" + target.substring(1) : target;
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A report (the digest) as Slack shows it: its first line, the title, in bold; the rest, laid
     * out for a fixed-width font, as a code block so its columns stay aligned. All of it escaped;
     * every backtick is followed by a zero-width space, so nothing in the text can open or close a
     * block.
     */
    static String report(String text) {
        String plain = text == null ? "" : text.stripTrailing();
        int newline = plain.indexOf('\n');
        String title = (newline < 0 ? plain : plain.substring(0, newline)).strip();
        String body = newline < 0 ? "" : plain.substring(newline + 1).replaceFirst("^(\\s*\\n)+", "");
        String heading = title.isEmpty() ? "" : "*" + unfenced(title) + "*";
        if (body.isBlank()) {
            return heading;
        }
        return (heading.isEmpty() ? "" : heading + "\n") + "```\n" + unfenced(body) + "\n```";
    }

    private static String unfenced(String text) {
        return escape(text).replace("`", "`\u200B");
    }

    /** A real mention of a member ({@code <@U012AB3CD>}); their plain name when they have no Slack id. */
    static String mention(Member member) {
        String id = member.chatIds().get("slack");
        return id != null && USER_ID.matcher(id).matches() ? "<@" + id + ">" : "@" + escape(member.name());
    }

    /** Mentions followed by a space, or nothing. */
    static String mentions(List<Member> members) {
        return members.isEmpty() ? "" : members.stream().map(SlackText::mention).collect(Collectors.joining(" ")) + " ";
    }

    /**
     * A link {@code <url|label>} when the URL is plain http(s); the escaped label alone otherwise.
     * The URL cannot close the entity early: {@code <}, {@code >}, {@code |} and spaces are
     * percent-encoded, {@code &} is escaped.
     */
    static String link(String url, String label) {
        String safe = safeUrl(url);
        return safe == null ? escape(label) : "<" + safe + "|" + escape(label).replace("|", "¦") + ">";
    }

    /** The URL fit to go between {@code <} and {@code >}, or null when it is not a plain http(s) URL. */
    static String safeUrl(String url) {
        if (url == null || url.isBlank() || url.length() > 2_000) {
            return null;
        }
        String trimmed = url.strip();
        try {
            URI uri = URI.create(trimmed.replace(" ", "%20").replace("|", "%7C"));
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                return null;
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("%3C");
                case '>' -> out.append("%3E");
                case '|' -> out.append("%7C");
                case ' ' -> out.append("%20");
                default -> {
                    if (Character.isISOControl(c)) {
                        return null;
                    }
                    out.append(c);
                }
            }
        }
        return out.toString();
    }

    /** At most {@code max} code points, ending in "…" when cut. */
    static String cut(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, Math.max(0, max - 1))) + "…";
    }

    /** The first words, on one line: for a row in a grouped message and for notifications. */
    static String firstWords(String text, int max) {
        String flat = text == null || text.isBlank() ? "(no text)" : text.replaceAll("\\s+", " ").strip();
        return cut(flat, max);
    }

    /**
     * {@code raw} escaped and quoted ({@code >} at the start of each line), cut so the result
     * measures at most {@code budget} characters; the cut is made in the raw text, so an escape is
     * never split. Returns the quote and whether it was cut.
     */
    static Quoted quote(String raw, int budget) {
        String text = raw == null || raw.isBlank() ? "(no text)" : raw.strip();
        StringBuilder out = new StringBuilder(">");
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            String piece = cp == '\n' ? "\n>" : escape(new String(Character.toChars(cp)));
            if (out.length() + piece.length() > budget - 1) {
                return new Quoted(out.append('…').toString(), true);
            }
            out.append(piece);
            i += Character.charCount(cp);
        }
        return new Quoted(out.toString(), false);
    }

    record Quoted(String text, boolean cut) {
    }
}
