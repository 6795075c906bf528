package dev.earshot.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.earshot.core.Platform;
import java.time.Duration;
import java.util.List;

/** One social account to listen to; the {@code type} key picks the platform. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = DemoSourceConfig.class, name = "demo"),
    @JsonSubTypes.Type(value = MastodonSourceConfig.class, name = "mastodon"),
    @JsonSubTypes.Type(value = BlueskySourceConfig.class, name = "bluesky"),
    @JsonSubTypes.Type(value = XSourceConfig.class, name = "x"),
    @JsonSubTypes.Type(value = RedditSourceConfig.class, name = "reddit"),
    @JsonSubTypes.Type(value = FeedSourceConfig.class, name = "feed")
})
public sealed interface SourceConfig permits DemoSourceConfig, MastodonSourceConfig, BlueskySourceConfig,
        XSourceConfig, RedditSourceConfig, FeedSourceConfig {

    /** The values of {@code type}, in the order the docs list them. */
    List<String> TYPES = List.of("demo", "mastodon", "bluesky", "x", "reddit", "feed");

    Duration DEFAULT_BACKFILL = Duration.ofHours(24);
    int DEFAULT_BACKFILL_MAX = 200;

    /** Unique among sources; names the account in the store and on cards. */
    String name();

    Duration pollEvery();

    Platform platform();

    /** Search terms besides mentions; none unless configured. */
    default List<String> keywords() {
        return List.of();
    }

    /** A configured keyword list as kept: stripped, never null (null items stay, for the validator to name). */
    static List<String> keywords(List<String> configured) {
        if (configured == null) {
            return List.of();
        }
        return configured.stream().map(k -> k == null ? "" : k.strip()).toList();
    }
}
