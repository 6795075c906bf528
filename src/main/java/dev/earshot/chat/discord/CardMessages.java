package dev.earshot.chat.discord;

import dev.earshot.core.Card;
import dev.earshot.core.Priority;
import dev.earshot.core.Spans;
import java.awt.Color;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * A core {@link Card} as a Discord message: an embed (the customer's words in the description,
 * where nothing can ping; who, platform, age, priority and state as fields; the mark in the footer)
 * and the buttons the card's state allows. A burst is one message listing up to 25 cards, a line
 * and a Claim button each. Allowed mentions are always none. Limits are Discord's: description
 * 4,096, field 1,024, 25 buttons in 5 rows, 6,000 characters per message.
 */
final class CardMessages {
    /** Cards in one grouped message: Discord allows 5 rows of 5 buttons. */
    static final int GROUP_MAX = 25;
    /** Customer text kept in a card; the rest is one click away (Open). */
    static final int TEXT_MAX = 3_000;
    private static final int LINE_TEXT = 100;
    /** The lines of a grouped message share this much of the embed description (Discord: 4,096). */
    private static final int DESCRIPTION_BUDGET = 4_000;
    /** How a grouped message's footer starts, before its lines' marks. */
    static final String GROUP_FOOTER = "burst ·";

    private CardMessages() {
    }

    static MessageCreateData card(Card card, String key) {
        return new MessageCreateBuilder().setEmbeds(embed(card, PostMarks.lineMark(card.conversationId(), key))).setComponents(buttons(card))
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class)).build();
    }

    static MessageEmbed embed(Card card, String mark) {
        var a = card.author();
        EmbedBuilder e = new EmbedBuilder()
                .setTitle(DiscordText.cut("#" + card.conversationId() + " · " + DiscordText.oneLine(a.displayName(), 80)
                        + " (@" + DiscordText.oneLine(a.handle(), 80) + ")", 256))
                .setDescription(body(card))
                .setColor(color(card.priority()))
                .addField("Platform", card.platform().displayName(), true)
                .addField("Followers", String.format(Locale.ENGLISH, "%,d", a.followers()), true)
                .addField("Waiting", Spans.format(card.age()), true)
                .addField("Priority", label(card.priority()), true)
                .addField("Why", card.priorityLine().isBlank() ? "-"
                        : DiscordText.escape(DiscordText.cut(DiscordText.clean(card.priorityLine()), 900)), false)
                .addField("Messages", Integer.toString(card.messageCount()), true)
                .addField("State", DiscordText.escape(DiscordText.cut(card.stateLine(), 900)), false)
                .setFooter(mark);
        return e.build();
    }

    /** The customer's words, escaped, cut with a pointer to the rest when they are too long. */
    static String body(Card card) {
        String text = DiscordText.clean(card.text());
        if (text.length() <= TEXT_MAX) {
            return text.isBlank() ? "(no text)" : DiscordText.escape(text);
        }
        return DiscordText.escape(DiscordText.cut(text, TEXT_MAX)) + "\n*(" + (text.length() - TEXT_MAX + 1)
                + " more characters: Open shows the whole message)*";
    }

    static List<ActionRow> buttons(Card card) {
        long id = card.conversationId();
        List<Button> buttons = new ArrayList<>();
        for (Card.Action action : card.actions()) {
            switch (action) {
                case CLAIM -> buttons.add(Button.primary(Buttons.id(Buttons.CLAIM, id), "Claim"));
                case REPLY -> buttons.add(Button.success(Buttons.id(Buttons.REPLY, id), "Reply…"));
                case ANSWERED_THERE -> buttons.add(Button.success(Buttons.id(Buttons.ANSWERED_THERE, id),
                        "Answered there"));
                case DISMISS -> buttons.add(Button.secondary(Buttons.id(Buttons.DISMISS, id), "Dismiss…"));
                case SNOOZE -> buttons.add(Button.secondary(Buttons.id(Buttons.SNOOZE, id), "Snooze 1h"));
                case RESOLVE -> buttons.add(Button.secondary(Buttons.id(Buttons.RESOLVE, id), "Resolve"));
                case OPEN -> {
                    if (card.url() != null && card.url().matches("https?://\\S{1,500}")) {
                        buttons.add(Button.link(card.url(), "Open"));
                    }
                }
            }
        }
        return buttons.isEmpty() ? List.of() : List.of(ActionRow.of(buttons));
    }

    /** One message for a burst: a line per card, a Claim button per card, each line's mark in the footer. */
    static MessageCreateData group(List<Card> cards, List<String> keys) {
        if (cards.isEmpty() || cards.size() > GROUP_MAX || cards.size() != keys.size()) {
            throw new IllegalArgumentException("a group holds 1 to " + GROUP_MAX + " cards, one key each");
        }
        StringBuilder lines = new StringBuilder();
        StringBuilder marks = new StringBuilder(GROUP_FOOTER);
        List<Button> claims = new ArrayList<>();
        for (int i = 0; i < cards.size(); i++) {
            Card c = cards.get(i);
            lines.append(i == 0 ? "" : "\n").append(fit(line(c), DESCRIPTION_BUDGET / cards.size()));
            marks.append(' ').append(PostMarks.lineMark(c.conversationId(), keys.get(i)));
            claims.add(Button.primary(Buttons.id(Buttons.CLAIM, c.conversationId()), "Claim #" + c.conversationId())
                    .withDisabled(!c.actions().contains(Card.Action.CLAIM)));
        }
        List<ActionRow> rows = new ArrayList<>();
        for (int i = 0; i < claims.size(); i += 5) {
            rows.add(ActionRow.of(claims.subList(i, Math.min(claims.size(), i + 5))));
        }
        MessageEmbed embed = new EmbedBuilder().setTitle(cards.size() + " new conversations")
                .setDescription(lines.toString()).setFooter(marks.toString()).build();
        return new MessageCreateBuilder().setEmbeds(embed).setComponents(rows)
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class)).build();
    }

    /** A card's one line in a grouped message; it starts with {@code **#12**}, which is how a redraw finds it. */
    static String line(Card c) {
        return lineStart(c.conversationId()) + " · " + c.platform().displayName() + " · @"
                + DiscordText.escape(DiscordText.oneLine(c.author().handle(), 40)) + " · " + label(c.priority())
                + " · " + DiscordText.escape(DiscordText.oneLine(c.text(), LINE_TEXT)) + " — "
                + DiscordText.escape(DiscordText.oneLine(c.stateLine(), 60));
    }

    /** Cuts an escaped line to {@code max}, never leaving half an escape at the end. */
    static String fit(String line, int max) {
        if (line.length() <= max) {
            return line;
        }
        String cut = line.substring(0, max - 1);
        while (cut.endsWith("\\")) {
            cut = cut.substring(0, cut.length() - 1);
        }
        if (!cut.isEmpty() && Character.isHighSurrogate(cut.charAt(cut.length() - 1))) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }

    static String lineStart(long conversationId) {
        return "**#" + conversationId + "**";
    }

    private static String label(Priority p) {
        return p.label().name().toLowerCase(Locale.ROOT) + " (" + p.score() + ")";
    }

    private static Color color(Priority p) {
        return switch (p.label()) {
            case URGENT -> new Color(0xD9, 0x30, 0x25);
            case HIGH -> new Color(0xF2, 0x9D, 0x0C);
            case NORMAL -> new Color(0x2E, 0x86, 0xDE);
            case LOW -> new Color(0x95, 0xA5, 0xA6);
        };
    }
}
