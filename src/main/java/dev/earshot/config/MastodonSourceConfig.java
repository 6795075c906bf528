package dev.earshot.config;

import dev.earshot.core.Platform;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * A Mastodon account.
 *
 * @param instance the server the account lives on, {@code https://mastodon.social}
 * @param backfill how far back to read on first start
 * @param backfillMax at most this many messages on first start
 * @param keywords searched for besides mentions ({@code /api/v2/search}); one starting with
 *     {@code #} reads that hashtag's timeline instead. Empty: no search
 */
public record MastodonSourceConfig(String name, URI instance, Secret accessToken,
        Duration pollEvery, Duration backfill, Integer backfillMax, List<String> keywords) implements SourceConfig {
    public MastodonSourceConfig {
        pollEvery = pollEvery == null ? Duration.ofSeconds(30) : pollEvery;
        backfill = backfill == null ? DEFAULT_BACKFILL : backfill;
        backfillMax = backfillMax == null ? DEFAULT_BACKFILL_MAX : backfillMax;
        keywords = SourceConfig.keywords(keywords);
    }

    public MastodonSourceConfig(String name, URI instance, Secret accessToken, Duration pollEvery, Duration backfill,
            Integer backfillMax) {
        this(name, instance, accessToken, pollEvery, backfill, backfillMax, List.of());
    }

    @Override
    public Platform platform() {
        return Platform.MASTODON;
    }
}
