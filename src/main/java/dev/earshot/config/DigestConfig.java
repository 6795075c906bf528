package dev.earshot.config;

import java.time.Duration;
import java.time.LocalTime;

/**
 * The morning digest (and the weekly one on Mondays). A team that sets nothing gets a digest at
 * 09:00 in {@code team.timezone}, in the chat's channel.
 *
 * @param enabled false turns the scheduled digests off; {@code /earshot digest} still works
 * @param at the local time of the daily digest
 * @param weekly whether Mondays bring a weekly digest of the week before, too
 * @param channel where digests go; null means the chat's own channel
 * @param slaTarget the first-response target behind "SLA met". A stand-in until the SLA engineer's
 *     {@code sla} section exists; then it should be read from there
 * @param businessHours the window that splits off the after-hours figures; a stand-in until a
 *     top-level {@code businessHours} section exists (same keys, so it can move there as it is)
 */
public record DigestConfig(Boolean enabled, LocalTime at, Boolean weekly, String channel, Duration slaTarget,
        DigestHoursConfig businessHours) {
    public DigestConfig {
        enabled = enabled == null || enabled;
        at = at == null ? LocalTime.of(9, 0) : at;
        weekly = weekly == null || weekly;
        slaTarget = slaTarget == null ? Duration.ofHours(1) : slaTarget;
        businessHours = businessHours == null ? DigestHoursConfig.defaults() : businessHours;
    }

    public static DigestConfig defaults() {
        return new DigestConfig(null, null, null, null, null, null);
    }

    /** The channel digests go to: the one set here, or else {@code chatChannel}. */
    public String channelOr(String chatChannel) {
        return channel == null || channel.isBlank() ? chatChannel : channel.strip();
    }
}
