package dev.earshot.core;

import java.util.List;
import java.util.Locale;

/**
 * Scores a customer's message: who they are (followers, log-scaled), what kind of message it
 * is, whether it sounds urgent, and its tone (a negative tone raises it). One place for the
 * arithmetic so the card and the queue agree.
 */
public final class PriorityRules {
    public static final List<String> DEFAULT_URGENT_WORDS = List.of(
            "refund", "broken", "cancel", "emergency", "urgent", "asap", "scam", "charged twice",
            "not working", "down", "lawyer", "unacceptable", "worst");

    /** The most a very negative tone adds. */
    static final int MAX_TONE = 20;

    private final List<String> urgentWords;
    private final Sentiment tone;

    /** Without a lexicon: tone counts for nothing. */
    public PriorityRules(List<String> urgentWords) {
        this(urgentWords, Sentiment.none());
    }

    public PriorityRules(List<String> urgentWords, Sentiment tone) {
        this.urgentWords = urgentWords.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
        this.tone = tone;
    }

    public static PriorityRules defaults() {
        return new PriorityRules(DEFAULT_URGENT_WORDS);
    }

    public Priority score(Message message) {
        return new Priority(kindWeight(message.kind()) + influence(message.author().followers())
                + urgency(message.text()) + tone(message.text()));
    }

    /**
     * Up to {@link #MAX_TONE} points for a negative tone, in proportion to how negative; a
     * neutral or happy message gets none (a happy customer is not made to wait for it).
     */
    public int tone(String text) {
        double compound = tone.compound(text);
        return compound >= -0.05 ? 0 : (int) Math.round(-compound * MAX_TONE);
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
