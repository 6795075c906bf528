package dev.earshot.config;

import dev.earshot.core.Platform;
import java.net.URI;
import java.time.Duration;

/**
 * An X account, with OAuth 1.0a user-context keys (the app's key pair and the account's token
 * pair).
 *
 * @param baseUrl another API base, for a local fake
 */
public record XSourceConfig(String name, Secret apiKey, Secret apiSecret, Secret accessToken,
        Secret accessTokenSecret, URI baseUrl, Duration pollEvery, Duration backfill,
        Integer backfillMax) implements SourceConfig {
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.x.com");

    public XSourceConfig {
        baseUrl = baseUrl == null ? DEFAULT_BASE_URL : baseUrl;
        pollEvery = pollEvery == null ? Duration.ofSeconds(60) : pollEvery;
        backfill = backfill == null ? DEFAULT_BACKFILL : backfill;
        backfillMax = backfillMax == null ? DEFAULT_BACKFILL_MAX : backfillMax;
    }

    @Override
    public Platform platform() {
        return Platform.X;
    }
}
