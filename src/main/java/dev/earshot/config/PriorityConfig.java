package dev.earshot.config;

import dev.earshot.core.PriorityRules;
import java.util.List;

/** How urgency is read from a customer's text. */
public record PriorityConfig(List<String> urgentWords) {
    public PriorityConfig {
        urgentWords = urgentWords == null ? PriorityRules.DEFAULT_URGENT_WORDS : List.copyOf(urgentWords);
    }

    public static PriorityConfig defaults() {
        return new PriorityConfig(null);
    }

    public PriorityRules toRules() {
        return new PriorityRules(urgentWords);
    }
}
