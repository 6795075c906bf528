package dev.earshot.app;

import dev.earshot.core.AfterHoursAck;
import dev.earshot.core.ReadCosts;
import dev.earshot.core.SpikeRule;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the team configured for social care beyond the queue: the after-hours acknowledgement,
 * volume spike alerts and what paid reads cost. Everything is off or empty by default.
 *
 * @param costs what each paid source's reads cost, by source name (X sources); others read free
 * @param channel where spike alerts and budget notices go (the chat's channel); null: nowhere
 */
public record CareSettings(AfterHoursAck afterHours, Spikes spikes, Map<String, ReadCosts> costs, String channel) {
    public CareSettings {
        afterHours = afterHours == null ? AfterHoursAck.off() : afterHours;
        spikes = spikes == null ? Spikes.off() : spikes;
        costs = costs == null ? Map.of() : Map.copyOf(costs);
    }

    public static CareSettings none() {
        return new CareSettings(null, null, null, null);
    }

    /**
     * Spike alerts.
     *
     * @param keywords the words counted as their own scope (the sources' keywords), besides each
     *     source and all of them together
     */
    public record Spikes(boolean enabled, SpikeRule rule, List<String> keywords) {
        public Spikes {
            Objects.requireNonNull(rule, "rule");
            keywords = keywords == null ? List.of() : List.copyOf(keywords);
        }

        public static Spikes off() {
            return new Spikes(false, SpikeRule.defaults(), List.of());
        }
    }
}
