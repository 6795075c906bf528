package dev.earshot.config;

import java.time.LocalTime;

/**
 * The morning digest (and the weekly one on Mondays). A team that sets nothing gets a digest at
 * 09:00 in {@code team.timezone}, in the chat's channel.
 *
 * @param enabled false turns the scheduled digests off; {@code /earshot digest} still works
 * @param at the local time of the daily digest
 * @param weekly whether Mondays bring a weekly digest of the week before, too
 * @param channel where digests go; null means the chat's own channel
 *
 * <p>"SLA met" and the after-hours figures follow the team's own {@code sla} and
 * {@code businessHours} sections, the ones the nudges run on.
 */
public record DigestConfig(Boolean enabled, LocalTime at, Boolean weekly, String channel) {
    public DigestConfig {
        enabled = enabled == null || enabled;
        at = at == null ? LocalTime.of(9, 0) : at;
        weekly = weekly == null || weekly;
    }

    public static DigestConfig defaults() {
        return new DigestConfig(null, null, null, null);
    }

    /** The channel digests go to: the one set here, or else {@code chatChannel}. */
    public String channelOr(String chatChannel) {
        return channel == null || channel.isBlank() ? chatChannel : channel.strip();
    }
}
