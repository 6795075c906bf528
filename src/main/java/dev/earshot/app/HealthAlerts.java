package dev.earshot.app;

import dev.earshot.core.Effect;
import dev.earshot.port.SocialSource;
import dev.earshot.port.Store;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the team in chat, once, that a source needs a human, and once that it works again
 * (RELIABILITY promise 22). The post goes through the outbox to the default channel, so it waits
 * out a chat outage like any other post. A broken chat cannot carry its own alert: chat targets
 * are shown on {@code /healthz} and logged only.
 */
public final class HealthAlerts {
    private static final Logger log = LoggerFactory.getLogger(HealthAlerts.class);
    /** No channel: nothing is posted (tools and tests that do not want chat alerts). */
    public static final HealthAlerts NONE = new HealthAlerts(null, null, Clock.systemUTC());

    private final Store store;
    private final String channel;
    private final Clock clock;

    public HealthAlerts(Store store, String channel, Clock clock) {
        this.store = store;
        this.channel = channel;
        this.clock = clock;
    }

    /** The source was marked DEGRADED just now (not already): one alert. */
    void degraded(SocialSource source, String reason, Duration firstProbe, Duration longestProbe) {
        post(source, "⚠️ " + source.platform().displayName() + " source " + source.name() + " needs a human: "
                + reason + ". Earshot keeps trying, next in " + minutes(firstProbe) + ", then at most every "
                + minutes(longestProbe) + "; nothing is lost.");
    }

    /** The source works again after it was DEGRADED. */
    void recovered(SocialSource source) {
        post(source, "✅ " + source.platform().displayName() + " source " + source.name() + " works again.");
    }

    private void post(SocialSource source, String text) {
        if (channel == null || store == null) {
            return;
        }
        try {
            store.write(tx -> {
                tx.enqueue(new Effect.ChannelPost(0, text, List.of()), "chat:" + channel, clock.instant());
                return null;
            });
        } catch (RuntimeException e) {
            // The alert is a courtesy; /healthz and the ERROR log line carry the news anyway.
            log.warn("source:{}: could not queue the chat alert ({})", source.name(), e.toString());
        }
    }

    private static String minutes(Duration d) {
        long m = Math.max(1, d.toMinutes());
        return m == 1 ? "1 minute" : m + " minutes";
    }
}
