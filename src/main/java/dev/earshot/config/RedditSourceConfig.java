package dev.earshot.config;

import dev.earshot.core.Platform;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * A Reddit account, through a "script" app of that account (reddit.com/prefs/apps): the app's
 * client id and secret, and the account's username and password, for OAuth's password grant.
 *
 * @param authUrl where tokens come from; another one for a local fake
 * @param apiUrl where the API is; another one for a local fake
 * @param userAgent what Reddit sees as the client; Reddit requires a descriptive one and throttles
 *     generic ones. Default: {@code java:dev.earshot:<version> (by /u/<username>)}
 * @param keywords searched for in {@code subreddits} besides the inbox; empty (the default): no search
 * @param subreddits where keywords are searched, without {@code r/}; required with keywords
 */
public record RedditSourceConfig(String name, Secret clientId, Secret clientSecret, String username, Secret password,
        URI authUrl, URI apiUrl, String userAgent, Duration pollEvery, Duration backfill, Integer backfillMax,
        List<String> keywords, List<String> subreddits) implements SourceConfig {
    public static final URI DEFAULT_AUTH_URL = URI.create("https://www.reddit.com");
    public static final URI DEFAULT_API_URL = URI.create("https://oauth.reddit.com");

    public RedditSourceConfig {
        authUrl = authUrl == null ? DEFAULT_AUTH_URL : authUrl;
        apiUrl = apiUrl == null ? DEFAULT_API_URL : apiUrl;
        pollEvery = pollEvery == null ? Duration.ofSeconds(60) : pollEvery;
        backfill = backfill == null ? DEFAULT_BACKFILL : backfill;
        backfillMax = backfillMax == null ? DEFAULT_BACKFILL_MAX : backfillMax;
        keywords = SourceConfig.keywords(keywords);
        subreddits = SourceConfig.keywords(subreddits).stream()
                .map(s -> s.startsWith("/r/") ? s.substring(3) : s.startsWith("r/") ? s.substring(2) : s).toList();
        username = username == null ? null : username.strip().replaceFirst("^/?u/", "");
        userAgent = userAgent == null || userAgent.isBlank()
                ? "java:dev.earshot:" + version() + " (by /u/" + username + ")" : userAgent.strip();
    }

    @Override
    public Platform platform() {
        return Platform.REDDIT;
    }

    private static String version() {
        String v = RedditSourceConfig.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
