package dev.earshot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UrlsTest {
    private static final String HTTPS_ONLY =
            "must start with https:// (http:// is accepted only on 127.0.0.1, ::1 and localhost)";

    @ParameterizedTest
    @ValueSource(strings = {"https://mastodon.social", "https://slack.com/api/", "HTTPS://Example.org:8443/x",
        "http://127.0.0.1:8080", "http://localhost/api/", "http://[::1]:9000/", "http://LOCALHOST"})
    void accepted(String url) {
        assertEquals(Optional.empty(), Urls.problem(URI.create(url)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://mastodon.social", "http://127.0.0.2", "http://localhost.evil.org",
        "ftp://example.org", "ws://localhost"})
    void refusedUnlessHttpsOrLoopback(String url) {
        assertEquals(Optional.of(HTTPS_ONLY), Urls.problem(URI.create(url)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mastodon.social", "/api", "https:///path", "mailto:a@example.org"})
    void notAUrl(String url) {
        assertEquals(Optional.of("must be a URL like https://example.org"), Urls.problem(URI.create(url)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://user:xoxb-canary-123@example.org", "http://me@localhost"})
    void credentialsInsideAUrlAreRefused(String url) {
        assertEquals(Optional.of("must not carry a user or password; put credentials in their own key"),
                Urls.problem(URI.create(url)));
    }
}
