package dev.earshot.chat.slack;

import java.util.List;

/**
 * The action ids and callback ids Earshot puts in Slack, in one place so that what the cards and
 * forms offer and what the listeners ({@link ButtonListener}, {@link FormListener}) answer
 * cannot drift apart.
 */
final class Actions {
    static final String CLAIM = "earshot.claim";
    static final String REPLY = "earshot.reply";
    static final String DISMISS = "earshot.dismiss";
    static final String SNOOZE = "earshot.snooze";
    static final String RESOLVE = "earshot.resolve";
    /** Feeds: the teammate answered on the site. */
    static final String ANSWERED_THERE = "earshot.answered-there";
    /** A link button: Slack still sends the click, which must be acked. */
    static final String OPEN = "earshot.open";
    /** Send and Cancel under a typed reply's preview; their value is the draft's id. */
    static final String SEND = "earshot.send";
    static final String CANCEL = "earshot.cancel";
    /** The template picker inside the reply form. */
    static final String TEMPLATE = "earshot.template";

    /** Every button on a card or a grouped line. */
    static final List<String> CARD_BUTTONS = List.of(CLAIM, REPLY, ANSWERED_THERE, DISMISS, SNOOZE, RESOLVE, OPEN);

    /** Callback ids of the forms (modals). */
    static final String REPLY_FORM = "earshot.reply-form";
    static final String DISMISS_FORM = "earshot.dismiss-form";

    private Actions() {
    }
}
