package dev.earshot.config;

import static dev.earshot.config.Yaml.TEAM;
import static dev.earshot.config.Yaml.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code reddit} and {@code feed} source types: defaults, and every wrong value named by its path. */
class RedditAndFeedConfigTest {
    private static final String HTTPS_ONLY =
            "must start with https:// (http:// is accepted only on 127.0.0.1, ::1 and localhost)";

    @Test
    void aRedditSourceNeedsItsAppAndAccountAndGetsSensibleDefaults() throws ConfigException {
        assertEquals(List.of("sources[0].clientId: must be set", "sources[0].clientSecret: must be set",
                "sources[0].password: must be set", "sources[0].username: must be set"),
                problems(TEAM + "sources:\n  - { type: reddit, name: r }\n"));
        EarshotConfig c = ConfigLoader.load(TEAM + """
                sources:
                  - type: reddit
                    name: acme-reddit
                    clientId: ${ID}
                    clientSecret: ${SECRET}
                    username: u/AcmeSupport
                    password: ${PASSWORD}
                """, "t.yml", Map.of("ID", "id", "SECRET", "s", "PASSWORD", "p")::get);
        RedditSourceConfig r = (RedditSourceConfig) c.sources().get(0);
        assertEquals("AcmeSupport", r.username());
        assertEquals(URI.create("https://www.reddit.com"), r.authUrl());
        assertEquals(URI.create("https://oauth.reddit.com"), r.apiUrl());
        assertEquals(Duration.ofSeconds(60), r.pollEvery());
        assertTrue(r.userAgent().endsWith("(by /u/AcmeSupport)"), r.userAgent());
        assertFalse(r.toString().contains("=s,") || r.toString().contains("=p,"), "secrets are redacted: " + r);
    }

    @Test
    void redditsWrongValuesAreNamed() {
        assertEquals(List.of("sources[0].username: must be a Reddit username: 3 to 20 letters, digits, _ or -",
                "sources[0].authUrl: " + HTTPS_ONLY, "sources[0].apiUrl: " + HTTPS_ONLY,
                "sources[0].subreddits[0]: must be a subreddit name: 2 to 21 letters, digits or _ (without r/)"),
                problems(TEAM + "sources:\n  - { type: reddit, name: r, clientId: i, clientSecret: s, password: p,"
                        + " username: 'acme support', authUrl: 'http://reddit.example', apiUrl: 'http://api.example',"
                        + " keywords: [acme], subreddits: ['r/no spaces'] }\n"));
        assertEquals(List.of("sources[0].subreddits: must name where the keywords are searched"),
                problems(TEAM + "sources:\n  - { type: reddit, name: r, clientId: i, clientSecret: s, password: p,"
                        + " username: acme, keywords: [acme] }\n"));
    }

    @Test
    void aFeedNeedsASecureUrl() throws ConfigException {
        assertEquals(List.of("sources[0].url: must be set"), problems(TEAM + "sources:\n  - { type: feed, name: f }\n"));
        assertEquals(List.of("sources[0].url: " + HTTPS_ONLY, "sources[0].pollEvery: must be at least 1s",
                "sources[0].ownAuthors[0]: must not be empty"),
                problems(TEAM + "sources:\n  - { type: feed, name: f, url: 'http://blog.example/feed', pollEvery: 0s,"
                        + " ownAuthors: [''] }\n"));
        FeedSourceConfig f = (FeedSourceConfig) ConfigLoader.load(TEAM
                + "sources:\n  - { type: feed, name: blog, url: 'https://blog.example/comments/feed' }\n", "t.yml",
                n -> null).sources().get(0);
        assertEquals(Duration.ofMinutes(5), f.pollEvery());
        assertEquals(List.of(), f.ownAuthors());
    }
}
