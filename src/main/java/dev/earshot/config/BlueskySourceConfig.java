package dev.earshot.config;

import dev.earshot.core.Platform;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * A Bluesky account, logged in with an app password (never the account password).
 *
 * @param handle {@code acme.bsky.social}
 * @param service the PDS to log in to; another one for self-hosted accounts
 * @param keywords searched for besides notifications ({@code app.bsky.feed.searchPosts}); empty: no search
 * @param directMessages read direct messages too (the app password must allow it); default false
 */
public record BlueskySourceConfig(String name, String handle, Secret appPassword, URI service,
        Duration pollEvery, Duration backfill, Integer backfillMax, List<String> keywords,
        Boolean directMessages) implements SourceConfig {
    public static final URI DEFAULT_SERVICE = URI.create("https://bsky.social");

    public BlueskySourceConfig {
        service = service == null ? DEFAULT_SERVICE : service;
        pollEvery = pollEvery == null ? Duration.ofSeconds(30) : pollEvery;
        backfill = backfill == null ? DEFAULT_BACKFILL : backfill;
        backfillMax = backfillMax == null ? DEFAULT_BACKFILL_MAX : backfillMax;
        keywords = SourceConfig.keywords(keywords);
        directMessages = directMessages != null && directMessages;
    }

    public BlueskySourceConfig(String name, String handle, Secret appPassword, URI service, Duration pollEvery,
            Duration backfill, Integer backfillMax, List<String> keywords) {
        this(name, handle, appPassword, service, pollEvery, backfill, backfillMax, keywords, false);
    }

    public BlueskySourceConfig(String name, String handle, Secret appPassword, URI service, Duration pollEvery,
            Duration backfill, Integer backfillMax) {
        this(name, handle, appPassword, service, pollEvery, backfill, backfillMax, List.of(), false);
    }

    @Override
    public Platform platform() {
        return Platform.BLUESKY;
    }
}
