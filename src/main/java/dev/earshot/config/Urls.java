package dev.earshot.config;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The one rule for every URL in config: {@code https://}, except on loopback hosts where
 * {@code http://} is allowed for local fakes. Credentials inside a URL are refused: they would
 * escape the redacting {@link Secret} and end up in logs.
 */
public final class Urls {
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "::1", "[::1]", "localhost");

    private Urls() {
    }

    /** Why the URL is not acceptable, as a sentence; empty when it is fine. */
    public static Optional<String> problem(URI url) {
        if (url == null || !url.isAbsolute() || url.getHost() == null || url.getScheme() == null) {
            return Optional.of("must be a URL like https://example.org");
        }
        if (url.getUserInfo() != null) {
            return Optional.of("must not carry a user or password; put credentials in their own key");
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            return Optional.empty();
        }
        if (scheme.equals("http") && isLoopback(url)) {
            return Optional.empty();
        }
        return Optional.of("must start with https:// (http:// is accepted only on 127.0.0.1, ::1"
                + " and localhost)");
    }

    /** The same rule for a WebSocket URL: {@code wss://}, or {@code ws://} on loopback hosts. */
    public static Optional<String> socketProblem(URI url) {
        if (url == null || !url.isAbsolute() || url.getHost() == null || url.getScheme() == null) {
            return Optional.of("must be a URL like wss://example.org");
        }
        if (url.getUserInfo() != null) {
            return Optional.of("must not carry a user or password; put credentials in their own key");
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("wss") || scheme.equals("ws") && isLoopback(url)) {
            return Optional.empty();
        }
        return Optional.of("must start with wss:// (ws:// is accepted only on 127.0.0.1, ::1 and localhost)");
    }

    static boolean isLoopback(URI url) {
        return url.getHost() != null && LOOPBACK.contains(url.getHost().toLowerCase(Locale.ROOT));
    }

    static void check(Problems problems, String path, URI url) {
        problem(url).ifPresent(p -> problems.add(path, p));
    }

    static void checkSocket(Problems problems, String path, URI url) {
        socketProblem(url).ifPresent(p -> problems.add(path, p));
    }
}
