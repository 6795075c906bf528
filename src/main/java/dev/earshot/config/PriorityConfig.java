package dev.earshot.config;

import dev.earshot.core.PriorityRules;
import dev.earshot.core.Sentiment;
import java.util.List;

/**
 * How urgency is read from a customer's text (urgent words, and the tone with the shipped VADER
 * lexicon), who counts as a VIP, and when a new conversation pages the on-call teammate at once.
 *
 * @param pageAbove a new conversation scoring this or more mentions the on-call teammate at once; 0 never
 * @param vips people whose messages go up the queue
 * @param vipPoints what a VIP adds when their entry does not say
 */
public record PriorityConfig(List<String> urgentWords, Integer pageAbove, List<VipConfig> vips, Integer vipPoints) {
    public static final int DEFAULT_PAGE_ABOVE = 70;
    public static final int DEFAULT_VIP_POINTS = 30;

    public PriorityConfig {
        urgentWords = urgentWords == null ? PriorityRules.DEFAULT_URGENT_WORDS : List.copyOf(urgentWords);
        pageAbove = pageAbove == null ? DEFAULT_PAGE_ABOVE : pageAbove;
        vips = vips == null ? List.of() : List.copyOf(vips);
        vipPoints = vipPoints == null ? DEFAULT_VIP_POINTS : vipPoints;
    }

    public PriorityConfig(List<String> urgentWords, Integer pageAbove) {
        this(urgentWords, pageAbove, null, null);
    }

    public PriorityConfig(List<String> urgentWords) {
        this(urgentWords, null);
    }

    public static PriorityConfig defaults() {
        return new PriorityConfig(null, null);
    }

    /** The rules; call only on a validated config (a VIP needs a handle or an id and a known platform). */
    public PriorityRules toRules() {
        return new PriorityRules(urgentWords, new Sentiment(VaderLexicon.ratings()),
                vips.stream().map(v -> v.toVip(vipPoints)).toList());
    }
}
