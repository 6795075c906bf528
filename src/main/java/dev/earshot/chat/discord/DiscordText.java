package dev.earshot.chat.discord;

import dev.earshot.core.Member;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Text that is not ours, made safe for Discord. Pings are stopped by allowed mentions (none, on
 * every message); this escaping keeps customer text from <em>looking</em> like ours: no
 * Markdown, no masked links ({@code [bank](https://evil)}), no mention chips, no headings or
 * subtext lines that could pass for Earshot's mark. Control and direction-override characters go.
 */
final class DiscordText {
    private static final String MARKDOWN = "\\*_~`|>#[]()<-:!";

    private DiscordText() {
    }

    /** Plain text as Discord Markdown that renders exactly as typed. */
    static String escape(String text) {
        String clean = clean(text);
        StringBuilder out = new StringBuilder(clean.length() + 16);
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            if (MARKDOWN.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        // "@everyone" and "@here" are not mentions once escaped; the zero-width space also keeps
        // them from being highlighted in clients that ignore the backslash.
        return out.toString().replace("@everyone", "@\u200beveryone").replace("@here", "@\u200bhere");
    }

    /** Drops control characters (but newlines and tabs) and the ones that flip text direction. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            boolean control = Character.getType(cp) == Character.CONTROL && cp != '\n' && cp != '\t';
            boolean bidi = (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E
                    || cp == 0x200F;
            if (!control && !bidi) {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /** The first {@code max} characters (never splitting a surrogate pair), with an ellipsis if cut. */
    static String cut(String text, int max) {
        String t = text == null ? "" : text;
        if (t.length() <= max) {
            return t;
        }
        int end = max - 1;
        if (end > 0 && Character.isHighSurrogate(t.charAt(end - 1))) {
            end--;
        }
        return t.substring(0, Math.max(0, end)) + "…";
    }

    /** One line: newlines become spaces. */
    static String oneLine(String text, int max) {
        return cut(clean(text).replaceAll("\\s+", " ").strip(), max);
    }

    /** {@code <@id> <@id> } for the members Earshot chose to ping (those with a Discord id). */
    static String mentions(List<Member> members) {
        String ids = userIds(members).stream().map(id -> "<@" + id + ">").collect(Collectors.joining(" "));
        return ids.isEmpty() ? "" : ids + " ";
    }

    static List<String> userIds(List<Member> members) {
        return members.stream().map(m -> m.chatIds().get("discord")).filter(id -> id != null
                && id.matches("\\d{1,20}")).distinct().toList();
    }
}
