package dev.earshot.source.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.earshot.port.DeliveryException;
import dev.earshot.source.text.LogSafe;
import java.time.Duration;
import java.util.Optional;

/**
 * What the platform answered. {@link #toString()} never shows the body: a login's answer holds
 * session tokens.
 *
 * @param raw the body as text, for error messages when it is not JSON
 * @param retryAfter the wait a 429 asked for, when it said
 */
public record HttpReply(String platform, String method, String path, JsonHttp.Call call, int status, JsonNode body,
                        String raw, Optional<Duration> retryAfter) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** The platform's error code: Mastodon's {@code error} text, XRPC's {@code error} name. */
    public String error() {
        return body.path("error").asText("");
    }

    /**
     * The platform's own words for what went wrong, short and on one line, for a log line or
     * the team: {@code error} and {@code message} (Mastodon, XRPC), else {@code title} and
     * {@code detail} (X's problem details), else the raw body.
     */
    public String errorText() {
        String text = words(body.path("error").asText(""), body.path("message").asText(""));
        if (text.isEmpty()) {
            text = words(body.path("title").asText(""), body.path("detail").asText(""));
        }
        if (text.isEmpty() && !body.isContainerNode()) {
            text = raw.strip();
        }
        return LogSafe.clean(text.length() > 300 ? text.substring(0, 300) + "…" : text);
    }

    private static String words(String first, String second) {
        if (first.isEmpty() || second.isEmpty() || first.equals(second)) {
            return first.isEmpty() ? second : first;
        }
        return first + ": " + second;
    }

    public JsonNode orThrow() throws DeliveryException {
        if (ok()) {
            return body;
        }
        throw failure();
    }

    /** The common rules: 429 waits, 5xx and 408 retry, 401/403 need a human, other 4xx are final. */
    public DeliveryException failure() {
        String what = platform + " " + method + " " + path + " answered " + status
                + (errorText().isEmpty() ? "" : ": " + errorText());
        if (status == 429) {
            return DeliveryException.rateLimited(what, retryAfter.orElse(null));
        }
        if (status >= 500 || status == 408) {
            return new DeliveryException(DeliveryException.Kind.TRANSIENT, what);
        }
        if (status == 401 || status == 403) {
            return new DeliveryException(DeliveryException.Kind.BROKEN, what);
        }
        return new DeliveryException(call == JsonHttp.Call.WRITE ? DeliveryException.Kind.REJECTED
                : DeliveryException.Kind.BROKEN, what);
    }

    /** Status and endpoint only: a body may hold tokens (a Bluesky login's answer does). */
    @Override
    public String toString() {
        return "Reply[" + platform + " " + method + " " + path + " -> " + status + ", " + raw.length()
                + " characters]";
    }
}
