package dev.earshot.source.reddit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.earshot.config.RedditSourceConfig;
import dev.earshot.port.DeliveryException;
import dev.earshot.port.DeliveryException.Kind;
import dev.earshot.source.http.HttpLimits;
import dev.earshot.source.http.HttpReply;
import dev.earshot.source.http.JsonHttp;
import dev.earshot.source.http.RateLimitHeaders;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bearer token of the script app, from OAuth's password grant ({@code POST
 * /api/v1/access_token} with the app's id and secret as basic auth). Kept until shortly before
 * it expires, then fetched again; dropped when the API refuses it. Reddit answers a wrong
 * password with 200 and {@code {"error":"invalid_grant"}}, a wrong app id or secret with 401:
 * both need a human. Neither the token nor the secrets ever reach a log or an error.
 */
final class RedditToken {
    private static final Logger log = LoggerFactory.getLogger(RedditToken.class);
    /** A token is fetched again this long before Reddit said it expires. */
    static final Duration EARLY = Duration.ofMinutes(5);

    private final RedditSourceConfig config;
    private final JsonHttp http;
    private final Clock clock;
    private String token;
    private Instant expires = Instant.MIN;

    RedditToken(RedditSourceConfig config, HttpClient client, Clock clock, HttpLimits bounds) {
        this.config = config;
        this.http = new JsonHttp("Reddit", config.authUrl(), client, clock, RateLimitHeaders.REDDIT, bounds);
        this.clock = clock;
    }

    synchronized String get() throws DeliveryException {
        if (token != null && clock.instant().isBefore(expires.minus(EARLY))) {
            return token;
        }
        String basic = Base64.getEncoder().encodeToString((config.clientId().reveal() + ":"
                + config.clientSecret().reveal()).getBytes(StandardCharsets.UTF_8));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("username", config.username());
        form.put("password", config.password().reveal());
        HttpReply r = http.post("/api/v1/access_token").as(JsonHttp.Call.READ).header("Authorization", "Basic " + basic)
                .header("User-Agent", config.userAgent()).form(form).send();
        if (r.status() == 401) {
            throw new DeliveryException(Kind.BROKEN, "Reddit refused the app's client id or secret (401)"
                    + " for source " + config.name());
        }
        JsonNode body = r.orThrow();
        String error = body.path("error").asText("");
        if (!error.isEmpty() || !body.path("access_token").isTextual()) {
            throw new DeliveryException(Kind.BROKEN, "Reddit refused to log in as u/" + config.username()
                    + (error.isEmpty() ? "" : " (" + r.errorText() + ")")
                    + ": check the username and password, that the account is a developer of the script app,"
                    + " and that it has no two-factor authentication");
        }
        token = body.path("access_token").asText();
        long seconds = body.path("expires_in").asLong(3600);
        expires = clock.instant().plusSeconds(Math.max(seconds, EARLY.toSeconds() + 60));
        log.info("{}: logged in to Reddit as u/{} until {}", config.name(), config.username(), expires);
        return token;
    }

    /** The API refused the token: the next call fetches a new one. */
    synchronized void forget() {
        token = null;
    }
}
