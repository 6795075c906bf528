package dev.earshot.config;

import dev.earshot.core.Platform;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * An RSS or Atom feed: a blog's comment feed, a forum's latest posts, a review site's feed.
 * Read-only: the team answers on the site and marks the conversation "Answered there".
 *
 * @param url the feed's address
 * @param pollEvery how often to look; the feed's own {@code Cache-Control: max-age} or RSS
 *     {@code ttl} can make it less often, never more
 * @param ownAuthors author names that are the brand (its own comments are never customers'); matched
 *     without regard to case
 */
public record FeedSourceConfig(String name, URI url, Duration pollEvery, Duration backfill, Integer backfillMax,
        List<String> ownAuthors) implements SourceConfig {

    public FeedSourceConfig {
        pollEvery = pollEvery == null ? Duration.ofMinutes(5) : pollEvery;
        backfill = backfill == null ? DEFAULT_BACKFILL : backfill;
        backfillMax = backfillMax == null ? DEFAULT_BACKFILL_MAX : backfillMax;
        ownAuthors = SourceConfig.keywords(ownAuthors);
    }

    public FeedSourceConfig(String name, URI url) {
        this(name, url, null, null, null, List.of());
    }

    @Override
    public Platform platform() {
        return Platform.FEED;
    }
}
