package dev.earshot.config;

import dev.earshot.core.Platform;
import java.net.URI;
import java.time.Duration;

/**
 * A Mastodon account.
 *
 * @param instance the server the account lives on, {@code https://mastodon.social}
 * @param backfill how far back to read on first start
 * @param backfillMax at most this many messages on first start
 */
public record MastodonSourceConfig(String name, URI instance, Secret accessToken,
        Duration pollEvery, Duration backfill, Integer backfillMax) implements SourceConfig {
    public MastodonSourceConfig {
        pollEvery = pollEvery == null ? Duration.ofSeconds(30) : pollEvery;
        backfill = backfill == null ? DEFAULT_BACKFILL : backfill;
        backfillMax = backfillMax == null ? DEFAULT_BACKFILL_MAX : backfillMax;
    }

    @Override
    public Platform platform() {
        return Platform.MASTODON;
    }
}
