package dev.earshot.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Scores a customer's message: who they are (followers, log-scaled; a configured VIP), what kind
 * of message it is, whether it sounds urgent, and its tone (a negative tone raises it). One place
 * for the arithmetic so the card and the queue agree; the score comes with its parts, so the card
 * explains the very sum that ranks it.
 */
public final class PriorityRules {
    public static final List<String> DEFAULT_URGENT_WORDS = List.of(
            "refund", "broken", "cancel", "emergency", "urgent", "asap", "scam", "charged twice",
            "not working", "down", "lawyer", "unacceptable", "worst");

    /** The most a very negative tone adds. */
    static final int MAX_TONE = 20;
    static final int URGENT_WORD = 20;
    static final int SHOUTING = 10;

    private final List<String> urgentWords;
    private final Sentiment tone;
    private final List<Vip> vips;

    /** Without a lexicon: tone counts for nothing. */
    public PriorityRules(List<String> urgentWords) {
        this(urgentWords, Sentiment.none());
    }

    public PriorityRules(List<String> urgentWords, Sentiment tone) {
        this(urgentWords, tone, List.of());
    }

    public PriorityRules(List<String> urgentWords, Sentiment tone, List<Vip> vips) {
        this.urgentWords = urgentWords.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
        this.tone = tone;
        this.vips = List.copyOf(vips);
    }

    public static PriorityRules defaults() {
        return new PriorityRules(DEFAULT_URGENT_WORDS);
    }

    public Priority score(Message message) {
        List<Priority.Part> parts = new ArrayList<>();
        parts.add(new Priority.Part(Priority.Factor.KIND, kindWeight(message.kind()),
                message.kind().name().toLowerCase(Locale.ROOT)));
        long followers = message.author().followers();
        parts.add(new Priority.Part(Priority.Factor.FOLLOWERS, influence(followers), Long.toString(followers)));
        vip(message.author()).ifPresent(v -> parts.add(new Priority.Part(Priority.Factor.VIP, v.points(), v.shownAs())));
        urgentWord(message.text()).ifPresent(w -> parts.add(new Priority.Part(Priority.Factor.URGENT_WORD, URGENT_WORD, w)));
        if (shouts(message.text())) {
            parts.add(new Priority.Part(Priority.Factor.SHOUTING, SHOUTING, ""));
        }
        parts.add(new Priority.Part(Priority.Factor.TONE, tone(message.text()), ""));
        return Priority.of(parts);
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

    /** The first VIP entry the author matches (the first written wins). */
    Optional<Vip> vip(Author author) {
        return vips.stream().filter(v -> v.matches(author)).findFirst();
    }

    /** Urgent words and shouting together, as {@link #score} counts them. */
    int urgency(String text) {
        return (urgentWord(text).isPresent() ? URGENT_WORD : 0) + (shouts(text) ? SHOUTING : 0);
    }

    /** The first configured urgent word the text holds (as configured, lower case). */
    Optional<String> urgentWord(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return urgentWords.stream().filter(lower::contains).findFirst();
    }

    /** "!!", or mostly capital letters over a sentence's worth of letters, reads as shouting. */
    private static boolean shouts(String text) {
        if (text.contains("!!")) {
            return true;
        }
        long letters = text.codePoints().filter(Character::isLetter).count();
        long upper = text.codePoints().filter(Character::isUpperCase).count();
        return letters >= 12 && upper * 10 >= letters * 7;
    }
}
