package dev.earshot.source;

import dev.earshot.config.BlueskySourceConfig;
import dev.earshot.config.DemoSourceConfig;
import dev.earshot.config.FeedSourceConfig;
import dev.earshot.config.MastodonSourceConfig;
import dev.earshot.config.RedditSourceConfig;
import dev.earshot.config.SourceConfig;
import dev.earshot.config.XSourceConfig;
import dev.earshot.port.SocialSource;
import dev.earshot.source.bluesky.BlueskySource;
import dev.earshot.source.demo.DemoSource;
import dev.earshot.source.feed.FeedSource;
import dev.earshot.source.http.JsonHttp;
import dev.earshot.source.mastodon.MastodonSource;
import dev.earshot.source.reddit.RedditSource;
import dev.earshot.source.x.XSource;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;

/** Turns the {@code sources} section into adapters: the one place that knows every platform. */
public final class SourceAdapters {
    private SourceAdapters() {
    }

    /** One adapter per configured source, in the file's order; they share one HTTP client. */
    public static List<SocialSource> open(List<SourceConfig> configs, Clock clock) {
        HttpClient http = JsonHttp.defaultClient();
        return configs.stream().map(sc -> open(sc, clock, http)).toList();
    }

    private static SocialSource open(SourceConfig config, Clock clock, HttpClient http) {
        if (config instanceof DemoSourceConfig demo) {
            return new DemoSource(demo.name(), demo.seed(), demo.account(), clock);
        }
        if (config instanceof MastodonSourceConfig mastodon) {
            return new MastodonSource(mastodon, http, clock);
        }
        if (config instanceof BlueskySourceConfig bluesky) {
            return new BlueskySource(bluesky, http, clock);
        }
        if (config instanceof XSourceConfig x) {
            return XSource.create(x, clock);
        }
        if (config instanceof RedditSourceConfig reddit) {
            return new RedditSource(reddit, http, clock);
        }
        if (config instanceof FeedSourceConfig feed) {
            return new FeedSource(feed, http, clock);
        }
        throw new IllegalArgumentException("source " + config.name() + ": " + config.platform().displayName()
                + " sources are not available in this version yet");
    }
}
