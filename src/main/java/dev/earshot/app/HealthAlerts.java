package dev.earshot.app;

import dev.earshot.app.outbox.Dispatcher;
import dev.earshot.core.Effect;
import dev.earshot.core.Target;
import dev.earshot.port.SocialSource;
import dev.earshot.port.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the team in chat, once, that a source needs a human, and once that it works again
 * (RELIABILITY promise 22), whether the poller or a reply found out. The post goes through the
 * outbox to the default channel, so it waits out a chat outage like any other post. A broken chat
 * cannot carry its own alert: chat targets are shown on {@code /healthz} and logged only.
 * Both the poller and the dispatcher probe a source again after 1 minute, doubling up to 30.
 */
public final class HealthAlerts implements HealthBoard.Watcher {
    private static final Logger log = LoggerFactory.getLogger(HealthAlerts.class);

    private final Store store;
    private final Sources sources;
    private final String channel;
    private final Clock clock;

    public HealthAlerts(Store store, Sources sources, String channel, Clock clock) {
        this.store = store;
        this.sources = sources;
        this.channel = channel;
        this.clock = clock;
    }

    @Override
    public void changed(String component, HealthBoard.Status now, String reason) {
        if (!component.startsWith(Target.SOURCE) || channel == null) {
            return;
        }
        boolean replies = component.endsWith(Dispatcher.REPLIES);
        String name = ((Target.Source) Target.decode(replies
                ? component.substring(0, component.length() - Dispatcher.REPLIES.length()) : component)).name();
        Optional<SocialSource> source = sources.get(name);
        String platform = source.map(s -> s.platform().displayName()).orElse(null);
        post(component, now == HealthBoard.Status.DEGRADED ? ChannelWords.sourceNeedsHuman(platform, name, replies, reason)
                : ChannelWords.sourceWorksAgain(platform, name, replies));
    }

    @Override
    public void limited(String component, String reason, Instant until) {
        if (!component.startsWith(Target.SOURCE) || channel == null) {
            return;
        }
        boolean replies = component.endsWith(Dispatcher.REPLIES);
        String name = ((Target.Source) Target.decode(replies
                ? component.substring(0, component.length() - Dispatcher.REPLIES.length()) : component)).name();
        String platform = sources.get(name).map(s -> s.platform().displayName()).orElse(null);
        post(component, CareWords.limitSpent(platform, name, replies, until, clock.instant()));
    }

    private void post(String component, String text) {
        try {
            store.write(tx -> {
                tx.enqueue(new Effect.ChannelPost(0, text, List.of()), Target.chat(channel), clock.instant());
                return null;
            });
        } catch (RuntimeException e) {
            // The alert is a courtesy; /healthz and the ERROR log line carry the news anyway.
            log.warn("{}: could not queue the chat alert ({})", component, e.toString());
        }
    }
}
