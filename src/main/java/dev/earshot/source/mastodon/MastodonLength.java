package dev.earshot.source.mastodon;

import dev.earshot.source.text.Graphemes;
import dev.earshot.source.text.Links;
import java.util.regex.Pattern;

/**
 * A status's length as Mastodon's {@code StatusLengthValidator} counts it: every link counts as
 * {@code characters_reserved_per_url} (23 by default) whatever its length, a mention of a remote
 * account ({@code @user@domain}) counts as {@code @user}, and the rest in grapheme clusters.
 */
final class MastodonLength {
    static final int DEFAULT_URL_CHARS = 23;

    /** {@code Account::MENTION_RE}: a username, optionally followed by {@code @domain}. */
    private static final Pattern MENTION = Pattern.compile(
            "(?<![/\\w])@([a-z0-9_]+(?:[a-z0-9_.-]+[a-z0-9_]+)?)(?:@[\\w.-]+\\w)?",
            Pattern.UNICODE_CHARACTER_CLASS | Pattern.CASE_INSENSITIVE);

    private MastodonLength() {
    }

    /** Whether a status as rendered says what we sent: mentions shown as {@code @user}, spaces aside. */
    static boolean sameText(String rendered, String sent) {
        return normal(rendered).equals(normal(sent));
    }

    private static String normal(String text) {
        return MENTION.matcher(text == null ? "" : text).replaceAll("@$1").replaceAll("\\s+", " ").strip();
    }

    static int count(String text, int urlChars) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        String placeholder = "x".repeat(urlChars);
        StringBuilder out = new StringBuilder();
        int last = 0;
        for (Links.Link link : Links.in(text)) {
            out.append(text, last, link.start()).append(placeholder);
            last = link.end();
        }
        out.append(text.substring(last));
        String countable = MENTION.matcher(out).replaceAll("@$1");
        return Graphemes.count(countable);
    }
}
