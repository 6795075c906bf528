package dev.earshot.source.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import dev.earshot.config.Secret;
import dev.earshot.port.DeliveryException;
import dev.earshot.source.http.HttpReply;
import dev.earshot.source.http.JsonHttp;
import dev.earshot.source.text.LogSafe;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The brand's session on its PDS. Logs in ({@code createSession}) only when there is no session
 * or the refresh token no longer works: Bluesky allows 30 logins in 5 minutes and 300 a day.
 * An expired access token (400 or 401 {@code ExpiredToken}) is refreshed with
 * {@code refreshSession} and the call tried once more. A refused app password is BROKEN, and no
 * new login is tried for {@link #LOGIN_PAUSE} whatever the poller does.
 */
final class BlueskySession {
    private static final Logger log = LoggerFactory.getLogger(BlueskySession.class);
    static final Duration LOGIN_PAUSE = Duration.ofMinutes(10);
    private static final Set<String> STALE = Set.of("ExpiredToken", "InvalidToken");

    private final JsonHttp http;
    private final String handle;
    private final Secret appPassword;
    private final Clock clock;
    private Tokens tokens;
    private Instant loginNotBefore = Instant.MIN;
    private String loginRefusal;
    private int logins;
    private int refreshes;

    /** What a session is: the JWTs (never logged) and who the brand is. */
    record Tokens(String access, String refresh, String did, String handle) {
        @Override
        public String toString() {
            return "Tokens[did=" + did + ", handle=" + handle + "]";
        }
    }

    /** One authenticated call, given the current access token. */
    @FunctionalInterface
    interface Call {
        HttpReply send(String accessJwt) throws DeliveryException;
    }

    BlueskySession(JsonHttp http, String handle, Secret appPassword, Clock clock) {
        this.http = http;
        this.handle = handle;
        this.appPassword = appPassword;
        this.clock = clock;
    }

    /** Sends with the session; an expired token is refreshed (or, failing that, a new login made) once. */
    synchronized HttpReply send(Call call) throws DeliveryException {
        HttpReply reply = call.send(tokens().access());
        if (stale(reply)) {
            renew();
            reply = call.send(tokens().access());
        }
        return reply;
    }

    synchronized Tokens tokens() throws DeliveryException {
        if (tokens == null) {
            login();
        }
        return tokens;
    }

    synchronized int logins() {
        return logins;
    }

    synchronized int refreshes() {
        return refreshes;
    }

    private static boolean stale(HttpReply reply) {
        return (reply.status() == 400 || reply.status() == 401) && STALE.contains(reply.error());
    }

    private void renew() throws DeliveryException {
        HttpReply reply = http.post("/xrpc/com.atproto.server.refreshSession").as(JsonHttp.Call.READ)
                .bearer(tokens.refresh()).send();
        if (reply.ok()) {
            refreshes++;
            tokens = tokens(reply.body());
            log.debug("Bluesky session of {} refreshed", handle);
            return;
        }
        if (reply.status() == 400 || reply.status() == 401) {
            log.info("Bluesky session of {} could not be refreshed ({}); logging in again", handle, reply.errorText());
            tokens = null;
            login();
            return;
        }
        throw reply.failure();
    }

    private void login() throws DeliveryException {
        Instant now = clock.instant();
        if (now.isBefore(loginNotBefore)) {
            throw new DeliveryException(DeliveryException.Kind.BROKEN, loginRefusal + " (no new login before "
                    + loginNotBefore + ")");
        }
        HttpReply reply = http.post("/xrpc/com.atproto.server.createSession").as(JsonHttp.Call.READ)
                .json(Map.of("identifier", handle, "password", appPassword.reveal())).send();
        logins++;
        if (reply.ok()) {
            tokens = tokens(reply.body());
            log.info("Bluesky: logged in as {} ({})", LogSafe.clean(tokens.handle()), LogSafe.clean(tokens.did()));
            return;
        }
        if (reply.status() == 400 || reply.status() == 401 || reply.status() == 403) {
            loginNotBefore = now.plus(LOGIN_PAUSE);
            loginRefusal = "Bluesky refused the login of " + handle + " (" + reply.status() + " "
                    + reply.errorText() + "): check the handle and the app password";
            throw new DeliveryException(DeliveryException.Kind.BROKEN, loginRefusal);
        }
        throw reply.failure();
    }

    private static Tokens tokens(JsonNode body) {
        return new Tokens(body.path("accessJwt").asText(), body.path("refreshJwt").asText(),
                body.path("did").asText(), body.path("handle").asText());
    }
}
