package dev.earshot.config;

import dev.earshot.core.SpikeRule;
import java.util.List;

/**
 * Volume spike alerts: new conversations in the last 15 minutes (all sources, each source, each
 * keyword) against the same hour of the week over the past weeks. Off by default.
 *
 * @param enabled default false
 * @param factor how many times the usual number makes a spike; default 3, above 1
 * @param floor the least the usual number is taken to be, so a quiet account is not noisy; default 5
 * @param weeks how many past weeks the usual number is taken from; default 4
 * @param keywords the words watched on their own; default: every source's {@code keywords}
 */
public record SpikesConfig(Boolean enabled, Double factor, Integer floor, Integer weeks, List<String> keywords) {
    public SpikesConfig {
        SpikeRule d = SpikeRule.defaults();
        enabled = enabled != null && enabled;
        factor = factor == null ? d.factor() : factor;
        floor = floor == null ? d.floor() : floor;
        weeks = weeks == null ? d.weeks() : weeks;
        keywords = keywords == null ? null : SourceConfig.keywords(keywords);
    }

    public static SpikesConfig defaults() {
        return new SpikesConfig(null, null, null, null, null);
    }

    /** Call only on a validated config. */
    public SpikeRule toRule() {
        return new SpikeRule(factor, floor, weeks);
    }

    /** The keywords watched: the ones set here, or else every source's. */
    public List<String> keywordsOr(List<SourceConfig> sources) {
        return keywords != null ? keywords
                : sources.stream().flatMap(s -> s.keywords().stream()).distinct().toList();
    }
}
