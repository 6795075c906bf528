package dev.earshot.chat.discord;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Custom ids of Earshot's buttons and modals: {@code earshot:<action>:<conversation>}, well under
 * Discord's 100 characters. Anything else is not ours and is ignored.
 */
final class Buttons {
    static final String CLAIM = "claim";
    static final String REPLY = "reply";
    static final String DISMISS = "dismiss";
    static final String SNOOZE = "snooze";
    static final String RESOLVE = "resolve";
    /** Under a typed reply's preview; the number is the draft's id, not a conversation's. */
    static final String SEND = "send";
    static final String CANCEL = "cancel";
    /** Feeds: the teammate answered on the site. */
    static final String ANSWERED_THERE = "answered";
    /** Modals. */
    static final String REPLY_FORM = "replyform";
    static final String DISMISS_FORM = "dismissform";
    /** The template picker offered with Reply…. */
    static final String TEMPLATE = "template";
    private static final Pattern ID = Pattern.compile("earshot:([a-z]{1,20}):([1-9]\\d{0,17})");

    private Buttons() {
    }

    static String id(String action, long conversation) {
        return "earshot:" + action + ":" + conversation;
    }

    record Click(String action, long conversation) {
    }

    static Optional<Click> parse(String customId) {
        Matcher m = customId == null ? null : ID.matcher(customId);
        return m == null || !m.matches() ? Optional.empty()
                : Optional.of(new Click(m.group(1), Long.parseLong(m.group(2))));
    }
}
