package dev.earshot.chat.discord;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a post whose outcome is unknown is found again. Both come from the outbox key's SHA-256:
 * <ul>
 *   <li>the {@code nonce} (25 characters, Discord's limit) sent with {@code enforce_nonce}: for a few
 *       minutes Discord answers a repeat with the message it already made;</li>
 *   <li>the mark, {@code earshot·<20 hex>}, in the card's embed footer ({@code earshot·12·<hex>} per
 *       line of a grouped message) or in a small last line {@code -# earshot·<hex>} of a text post,
 *       found later by reading the channel's recent messages.</li>
 * </ul>
 * Customer text is escaped ({@link DiscordText}), so it cannot carry a mark of ours.
 */
final class PostMarks {
    private static final Pattern MARK = Pattern.compile("earshot·(?:(\\d{1,18})·)?([0-9a-f]{20})");

    private PostMarks() {
    }

    static String nonce(String key) {
        return "e" + hash(key).substring(0, 24);
    }

    static String mark(String key) {
        return "earshot·" + hash(key).substring(0, 20);
    }

    /** The mark of one line of a grouped message. */
    static String lineMark(long conversation, String key) {
        return "earshot·" + conversation + "·" + hash(key).substring(0, 20);
    }

    /** The last line of a text post. */
    static String textLine(String key) {
        return "\n-# " + mark(key);
    }

    /** Whether {@code text} holds the key's mark: empty if not, 0 for a whole message, else the line's conversation. */
    static Optional<Long> holds(String text, String key) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = hash(key).substring(0, 20);
        Matcher m = MARK.matcher(text);
        while (m.find()) {
            if (m.group(2).equals(wanted)) {
                return Optional.of(m.group(1) == null ? 0L : Long.parseLong(m.group(1)));
            }
        }
        return Optional.empty();
    }

    private static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
