package dev.earshot;

import dev.earshot.app.Application;
import dev.earshot.app.CareSettings;
import dev.earshot.app.Digests;
import dev.earshot.app.FollowThrough;
import dev.earshot.config.DigestConfig;
import dev.earshot.config.EarshotConfig;
import dev.earshot.config.SpikesConfig;
import dev.earshot.core.BusinessHours;
import dev.earshot.core.Team;
import java.time.ZoneId;

/** The config's team-wide sections, as the application takes them: used by the composition root and the CLI. */
public final class TeamSettings {
    private TeamSettings() {
    }

    /** The follow-through part of the config, as the application takes it. */
    public static FollowThrough followThrough(EarshotConfig config, Team team, String channel) {
        ZoneId zone = config.team().timezone();
        BusinessHours hours = config.businessHours().toBusinessHours(zone);
        return new FollowThrough(team, hours, config.sla().toPolicy(hours), config.nudges().toPlan(),
                config.oncall().toRotation(zone), config.team().manager(), config.continuity().toContinuity(),
                config.priority().pageAbove(), channel);
    }

    /** The team's settings, as the application takes them. */
    public static Application.Settings of(EarshotConfig config, Team team, String channel) {
        SpikesConfig spikes = config.spikes();
        CareSettings care = new CareSettings(config.afterHours().toAck(), new CareSettings.Spikes(spikes.enabled(),
                spikes.toRule(), spikes.keywordsOr(config.sources())), config.readCosts(), channel);
        return new Application.Settings(team, config.priority().toRules(), config.routing()::channelFor,
                followThrough(config, team, channel), digestSettings(config, channel), config.replyTemplates(), care);
    }

    /** The digest's settings: the digest section, with the chat's channel unless it names another. */
    public static Digests.Settings digestSettings(EarshotConfig config, String chatChannel) {
        DigestConfig digest = config.digest();
        return new Digests.Settings(digest.at(), digest.weekly(), digest.channelOr(chatChannel));
    }
}
