package dev.earshot.config;

import dev.earshot.core.PriorityRules;
import dev.earshot.core.Sentiment;
import java.util.List;

/**
 * How urgency is read from a customer's text (urgent words, and the tone with the shipped VADER
 * lexicon), and when a new conversation pages the on-call teammate at once.
 *
 * @param pageAbove a new conversation scoring this or more mentions the on-call teammate at once; 0 never
 */
public record PriorityConfig(List<String> urgentWords, Integer pageAbove) {
    public static final int DEFAULT_PAGE_ABOVE = 70;

    public PriorityConfig {
        urgentWords = urgentWords == null ? PriorityRules.DEFAULT_URGENT_WORDS : List.copyOf(urgentWords);
        pageAbove = pageAbove == null ? DEFAULT_PAGE_ABOVE : pageAbove;
    }

    public PriorityConfig(List<String> urgentWords) {
        this(urgentWords, null);
    }

    public static PriorityConfig defaults() {
        return new PriorityConfig(null, null);
    }

    public PriorityRules toRules() {
        return new PriorityRules(urgentWords, new Sentiment(VaderLexicon.ratings()));
    }
}
