package dev.earshot.chat.slack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.earshot.core.Card;
import dev.earshot.core.Priority;
import dev.earshot.core.Spans;
import java.util.List;
import java.util.Optional;

/**
 * A core {@link Card} as Block Kit: the full card (who, what they wrote, how old and urgent, the
 * state line, the buttons its state allows) and the one-line form used in a grouped message.
 * Every piece of text that is not ours is escaped by {@link SlackText}. Buttons carry the
 * conversation id as their value; their action ids are {@link Actions}'.
 */
final class CardBlocks {
    /** Slack's limit for a section's text. */
    static final int SECTION_MAX = 3_000;
    /** Slack's limit of blocks per message. */
    static final int BLOCKS_MAX = 50;
    /** Lines in one grouped message: the heading takes one block of the 50. */
    static final int ROWS_MAX = 45;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private CardBlocks() {
    }

    /** The whole card. */
    static ArrayNode card(Card card) {
        long id = card.conversationId();
        ArrayNode blocks = JSON.arrayNode();
        // verbatim: the author's name and handle are the customer's; only our own <url|…> link renders.
        blocks.add(section("earshot.card." + id, header(card), true));
        blocks.add(section("earshot.text." + id, body(card), true));
        blocks.add(context(facts(card)));
        blocks.add(section("earshot.state." + id, SlackText.escape(SlackText.cut(card.stateLine(), 2_900)), true));
        ArrayNode buttons = JSON.arrayNode();
        for (Card.Action action : card.actions()) {
            button(action, card).ifPresent(buttons::add);
        }
        if (!buttons.isEmpty()) {
            ObjectNode actions = blocks.addObject();
            actions.put("type", "actions").put("block_id", "earshot.actions." + id);
            actions.set("elements", buttons);
        }
        return blocks;
    }

    /** The notification text of a card (Slack shows it where blocks cannot be shown). */
    static String fallback(Card card) {
        return "#" + card.conversationId() + " · " + card.platform().displayName() + " · @"
                + SlackText.escape(card.author().handle()) + ": "
                + SlackText.escape(SlackText.firstWords(card.text(), 150));
    }

    /** One message listing a burst of new conversations: a heading and a line each. */
    static ArrayNode group(List<Card> cards) {
        if (cards.isEmpty() || cards.size() > ROWS_MAX) {
            throw new IllegalArgumentException("a grouped message holds 1 to " + ROWS_MAX + " cards, not " + cards.size());
        }
        ArrayNode blocks = JSON.arrayNode();
        blocks.add(section("earshot.group", "*📣 " + cards.size() + " new conversations came in at once* (#"
                + cards.get(0).conversationId() + " to #" + cards.get(cards.size() - 1).conversationId()
                + "). Each line updates here when someone takes it; `/earshot show &lt;id&gt;` tells the whole story.", false));
        cards.forEach(c -> blocks.add(row(c)));
        return blocks;
    }

    static String groupFallback(List<Card> cards) {
        return cards.size() + " new conversations: #" + cards.get(0).conversationId() + " to #"
                + cards.get(cards.size() - 1).conversationId();
    }

    /** The line of one conversation in a grouped message, with its most useful button. */
    static ObjectNode row(Card card) {
        String text = "*#" + card.conversationId() + "* · " + card.platform().displayName() + " · @"
                + SlackText.escape(card.author().handle()) + followersShort(card.author().followers()) + " · "
                + priority(card.priority()) + "\n>" + SlackText.escape(SlackText.firstWords(card.text(), 90))
                + "\n" + SlackText.escape(SlackText.cut(card.stateLine(), 300));
        ObjectNode row = section(rowBlockId(card.conversationId()), text, true);
        Optional<ObjectNode> button = card.actions().contains(Card.Action.CLAIM) ? button(Card.Action.CLAIM, card)
                : card.actions().contains(Card.Action.REPLY) ? button(Card.Action.REPLY, card)
                : button(Card.Action.OPEN, card);
        button.ifPresent(b -> row.set("accessory", b));
        return row;
    }

    static String rowBlockId(long conversationId) {
        return "earshot.row." + conversationId;
    }

    private static String header(Card card) {
        var a = card.author();
        String who = SlackText.link(a.profileUrl(), "@" + a.handle());
        String about = SlackText.escape(a.displayName())
                + (a.followers() >= 0 ? " · " + followers(a.followers()) + " followers" : "");
        return "*#" + card.conversationId() + "* · " + card.platform().displayName() + " · " + who + " (" + about + ")";
    }

    /** The customer's words, quoted, cut with "…" and a link to the whole post when too long. */
    private static String body(Card card) {
        String more = SlackText.safeUrl(card.url()) != null
                ? "\n" + SlackText.link(card.url(), "Read it all on " + card.platform().displayName())
                : "\n_Cut here; `/earshot show " + card.conversationId() + "` has it all._";
        SlackText.Quoted whole = SlackText.quote(card.text(), SECTION_MAX);
        if (!whole.cut()) {
            return whole.text();
        }
        return SlackText.quote(card.text(), SECTION_MAX - more.length()).text() + more;
    }

    /** Age, priority and why (escaped: a VIP's handle is the customer's), message count. */
    private static String facts(Card card) {
        String why = card.priorityLine().isBlank() ? "" : " (" + SlackText.escape(SlackText.cut(card.priorityLine(), 400)) + ")";
        return "🕒 " + Spans.format(card.age()) + " ago · " + priority(card.priority()) + why
                + (card.messageCount() > 1 ? " · " + card.messageCount() + " messages" : "");
    }

    static String priority(Priority p) {
        String mark = switch (p.label()) {
            case URGENT -> "🔴 ";
            case HIGH -> "🟠 ";
            case NORMAL -> "";
            case LOW -> "";
        };
        return mark + p.label() + " " + p.score();
    }

    private static Optional<ObjectNode> button(Card.Action action, Card card) {
        String value = Long.toString(card.conversationId());
        return switch (action) {
            case CLAIM -> Optional.of(button(Actions.CLAIM, "Claim", value).put("style", "primary"));
            case REPLY -> Optional.of(button(Actions.REPLY, "Reply…", value));
            case ANSWERED_THERE -> Optional.of(button(Actions.ANSWERED_THERE, "Answered there", value));
            case DISMISS -> Optional.of(button(Actions.DISMISS, "Dismiss…", value));
            case SNOOZE -> Optional.of(button(Actions.SNOOZE, "Snooze 1h", value));
            case RESOLVE -> Optional.of(button(Actions.RESOLVE, "Resolve", value));
            case OPEN -> Optional.ofNullable(SlackText.safeUrl(card.url()))
                    .map(url -> button(Actions.OPEN, "Open on " + card.platform().displayName(), value)
                            .put("url", card.url().strip()));
        };
    }

    private static ObjectNode button(String actionId, String label, String value) {
        ObjectNode button = JSON.objectNode();
        button.put("type", "button").put("action_id", actionId).put("value", value);
        button.set("text", plain(label));
        return button;
    }

    static ObjectNode plain(String text) {
        return JSON.objectNode().put("type", "plain_text").put("text", text).put("emoji", true);
    }

    static ObjectNode section(String blockId, String mrkdwn, boolean verbatim) {
        ObjectNode section = JSON.objectNode().put("type", "section");
        if (blockId != null) {
            section.put("block_id", blockId);
        }
        ObjectNode text = section.putObject("text").put("type", "mrkdwn").put("text", mrkdwn);
        if (verbatim) {
            text.put("verbatim", true);
        }
        return section;
    }

    static ObjectNode context(String mrkdwn) {
        ObjectNode context = JSON.objectNode().put("type", "context");
        context.putArray("elements").addObject().put("type", "mrkdwn").put("text", mrkdwn);
        return context;
    }

    static String followers(long n) {
        if (n >= 1_000_000) {
            return String.format(java.util.Locale.ROOT, "%.1fM", n / 1_000_000.0);
        }
        return n >= 1_000 ? String.format(java.util.Locale.ROOT, "%.1fk", n / 1_000.0) : Long.toString(n);
    }

    private static String followersShort(long n) {
        return n >= 0 ? " (" + followers(n) + ")" : "";
    }
}
