package dev.earshot.core;

import java.util.List;
import java.util.Locale;

/**
 * Scores a customer's message: who they are (followers, log-scaled), what kind of message it
 * is, and whether it sounds urgent. One place for the arithmetic so the card and the queue agree.
 */
public final class PriorityRules {
    public static final List<String> DEFAULT_URGENT_WORDS = List.of(
            "refund", "broken", "cancel", "emergency", "urgent", "asap", "scam", "charged twice",
            "not working", "down", "lawyer", "unacceptable", "worst");

    private final List<String> urgentWords;

    public PriorityRules(List<String> urgentWords) {
        this.urgentWords = urgentWords.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
    }

    public static PriorityRules defaults() {
        return new PriorityRules(DEFAULT_URGENT_WORDS);
    }

    public Priority score(Message message) {
        return new Priority(kindWeight(message.kind()) + influence(message.author().followers())
                + urgency(message.text()));
    }

    static int kindWeight(MessageKind kind) {
        return switch (kind) {
            case DM -> 25;
            case MENTION, REPLY -> 15;
            case QUOTE -> 10;
            case KEYWORD -> 5;
        };
    }

    /** 8 points per tenfold followers, at most 40 (100k followers and more). */
    static int influence(long followers) {
        if (followers <= 0) {
            return 0;
        }
        return (int) Math.min(40, Math.round(Math.log10(followers + 1) * 8));
    }

    int urgency(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        int points = urgentWords.stream().anyMatch(lower::contains) ? 20 : 0;
        if (text.contains("!!") || shouts(text)) {
            points += 10;
        }
        return points;
    }

    /** Mostly capital letters over a sentence's worth of letters reads as shouting. */
    private static boolean shouts(String text) {
        long letters = text.codePoints().filter(Character::isLetter).count();
        long upper = text.codePoints().filter(Character::isUpperCase).count();
        return letters >= 12 && upper * 10 >= letters * 7;
    }
}
