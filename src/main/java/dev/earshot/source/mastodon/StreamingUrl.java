package dev.earshot.source.mastodon;

import dev.earshot.config.Urls;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the notification stream may be read, given what the instance names in
 * {@code configuration.urls.streaming}. The instance's answer is not config the operator checked,
 * so it meets the same rule as every URL in config ({@link Urls}: https, http only on loopback),
 * and, as the stream carries the access token, one more: the token goes over TLS, or in clear
 * only back to the very host the operator configured (a local fake).
 */
final class StreamingUrl {
    private StreamingUrl() {
    }

    /** The stream's base as an HTTP URL, or empty when the token must not go there. */
    static Optional<URI> of(URI instance, String declared) {
        if (declared == null || declared.isBlank()) {
            return Optional.of(instance);
        }
        URI url;
        try {
            url = URI.create(declared.strip().replaceFirst("(?i)^wss://", "https://").replaceFirst("(?i)^ws://", "http://"));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (Urls.problem(url).isPresent()) {
            return Optional.empty();
        }
        boolean tls = url.getScheme().equalsIgnoreCase("https");
        boolean sameHost = host(url).equals(host(instance)) && url.getScheme().equalsIgnoreCase(instance.getScheme());
        return tls || sameHost ? Optional.of(url) : Optional.empty();
    }

    private static String host(URI url) {
        return url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
    }
}
