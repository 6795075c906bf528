package dev.earshot.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The tone of a text, read with a valence lexicon: each known word or emoticon is rated from
 * -4 (very negative) to +4 (very positive), as in the VADER lexicon that Earshot ships. A small
 * subset of VADER's rules, enough to rank customers' messages: two-word phrases ("fed up"), a
 * negation within the three words before flips and dampens a rating ("not happy"; unlike VADER,
 * not across the end of a sentence), "but" weighs what follows it more than what comes before,
 * and the sum is normalised to -1..+1.
 *
 * <p>Where the lexicon comes from is not core's business: whoever builds this passes the ratings.
 */
public final class Sentiment {
    /** VADER's constants: a negated rating is scaled by this; the sum is normalised with alpha. */
    private static final double NEGATED = -0.74;
    private static final double ALPHA = 15;
    private static final int NEGATION_REACH = 3;
    private static final Set<String> NEGATIONS = Set.of("not", "no", "never", "nobody", "none", "nothing",
            "neither", "nor", "nowhere", "cannot", "without", "aint", "dont", "doesnt", "didnt", "isnt",
            "wasnt", "werent", "wont", "cant", "couldnt", "shouldnt", "wouldnt", "havent", "hasnt");

    private final Map<String, Double> valences;

    /** @param valences rating per lower-case word, emoticon or two-word phrase */
    public Sentiment(Map<String, Double> valences) {
        Map<String, Double> copy = new HashMap<>();
        valences.forEach((word, valence) -> copy.put(word.toLowerCase(Locale.ROOT), valence));
        this.valences = Map.copyOf(copy);
    }

    /** Reads no tone at all: every text is neutral. */
    public static Sentiment none() {
        return new Sentiment(Map.of());
    }

    public int size() {
        return valences.size();
    }

    /** From -1 (very negative) through 0 (neutral or unknown words) to +1 (very positive). */
    public double compound(String text) {
        if (valences.isEmpty() || text == null || text.isBlank()) {
            return 0;
        }
        List<String> raw = List.of(text.strip().split("\\s+"));
        List<String> words = new ArrayList<>(raw.size());
        for (String token : raw) {
            String lower = token.toLowerCase(Locale.ROOT);
            // An emoticon is looked up as written; a word without the punctuation around it.
            words.add(valences.containsKey(lower) ? lower : strip(lower));
        }
        double before = 0;
        double after = 0;
        boolean sawBut = false;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.equals("but")) {
                sawBut = true;
                continue;
            }
            Double valence = i + 1 < words.size() ? valences.get(word + " " + words.get(i + 1)) : null;
            int width = 2;
            if (valence == null) {
                valence = valences.get(word);
                width = 1;
            }
            if (valence == null) {
                continue;
            }
            double v = negated(raw, words, i) ? valence * NEGATED : valence;
            if (sawBut) {
                after += v;
            } else {
                before += v;
            }
            i += width - 1;
        }
        double sum = sawBut ? before * 0.5 + after * 1.5 : before;
        double normalised = sum / Math.sqrt(sum * sum + ALPHA);
        return Math.max(-1, Math.min(1, normalised));
    }

    private static boolean negated(List<String> raw, List<String> words, int at) {
        for (int j = at - 1; j >= Math.max(0, at - NEGATION_REACH); j--) {
            if (endsSentence(raw.get(j))) {
                return false;
            }
            String w = words.get(j);
            if (NEGATIONS.contains(w.replace("'", "")) || w.endsWith("n't")) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsSentence(String token) {
        return token.endsWith(".") || token.endsWith("!") || token.endsWith("?");
    }

    /** Leading and trailing punctuation off; inner apostrophes and hyphens stay ("can't", "e-mail"). */
    private static String strip(String token) {
        int start = 0;
        int end = token.length();
        while (start < end && !Character.isLetterOrDigit(token.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetterOrDigit(token.charAt(end - 1))) {
            end--;
        }
        return token.substring(start, end);
    }
}
