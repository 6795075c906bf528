package dev.earshot.core;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The words most messages share (a spike's "what is it about"): each counted once per message,
 * lower-cased, at least three letters, without links, handles and the commonest English words.
 * Linear in the text, which is capped by the sources.
 */
public final class TopWords {
    private static final Set<String> COMMON = Set.of("the", "and", "for", "you", "your", "are", "with", "this",
            "that", "not", "but", "have", "has", "was", "can", "our", "all", "just", "why", "what", "how", "when",
            "from", "they", "any", "its", "it's", "get", "got", "did", "does", "been", "will", "who", "out", "now",
            "still", "again", "there", "their", "please", "about", "here", "one", "too", "very");

    private TopWords() {
    }

    /** The {@code n} words found in the most texts, most first; ties in alphabetical order. */
    public static List<String> top(List<String> texts, int n) {
        Map<String, Integer> counts = new HashMap<>();
        for (String text : texts) {
            Set<String> once = new HashSet<>();
            for (String token : text.toLowerCase(Locale.ROOT).split("\\s+")) {
                if (token.startsWith("http") || token.startsWith("@") || token.contains("/")) {
                    continue;
                }
                for (String word : token.split("[^\\p{L}\\p{N}']+")) {
                    String w = word.replaceAll("^'+|'+$", "");
                    if (w.codePointCount(0, w.length()) >= 3 && !COMMON.contains(w) && once.add(w)) {
                        counts.merge(w, 1, Integer::sum);
                    }
                }
            }
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(n).map(Map.Entry::getKey).toList();
    }
}
