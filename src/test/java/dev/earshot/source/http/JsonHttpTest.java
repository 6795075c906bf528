package dev.earshot.source.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.port.DeliveryException;
import dev.earshot.port.DeliveryException.Kind;
import dev.earshot.source.http.FakeHttpServer.Response;
import dev.earshot.testing.TestClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JsonHttpTest {
    static final String TOKEN = "canary-token-do-not-log";
    final TestClock clock = TestClock.at("2026-11-23T09:00:00Z");
    final FakeHttpServer fake = new FakeHttpServer();
    final JsonHttp http = new JsonHttp("Mastodon", fake.uri(), FakeHttpServer.client(), clock,
            RateLimitHeaders.MASTODON, Duration.ofSeconds(5));

    @AfterEach
    void tearDown() {
        fake.close();
    }

    private DeliveryException failing(int status, Map<String, String> headers, String body, boolean write) {
        fake.failNext("/x", Response.status(status, headers, body));
        return assertThrows(DeliveryException.class,
                () -> (write ? http.post("/x") : http.get("/x")).bearer(TOKEN).fetch());
    }

    @Test
    void mapsEveryOutcomeToWhatTheCallerShouldDo() {
        assertEquals(Kind.TRANSIENT, failing(503, Map.of(), "", false).kind());
        assertEquals(Kind.TRANSIENT, failing(500, Map.of(), "", true).kind());
        DeliveryException auth = failing(401, Map.of(), "{\"error\":\"The access token is invalid\"}", false);
        assertEquals(Kind.BROKEN, auth.kind());
        assertEquals("Mastodon GET /x answered 401: The access token is invalid", auth.getMessage());
        assertEquals(Kind.BROKEN, failing(403, Map.of(), "", true).kind());
        DeliveryException rejected = failing(422, Map.of(),
                "{\"error\":\"Validation failed: Text character limit of 500 exceeded\"}", true);
        assertEquals(Kind.REJECTED, rejected.kind());
        assertTrue(rejected.getMessage().endsWith("Validation failed: Text character limit of 500 exceeded"));
        assertEquals(Kind.BROKEN, failing(400, Map.of(), "{}", false).kind(), "a read we got wrong needs a human");
        for (DeliveryException e : new DeliveryException[] {auth, rejected}) {
            assertFalse(e.getMessage().contains(TOKEN));
        }
    }

    @Test
    void aRefusedConnectionIsTransient() {
        JsonHttp nowhere = new JsonHttp("Bluesky", URI.create("http://127.0.0.1:1"), FakeHttpServer.client(), clock,
                RateLimitHeaders.BLUESKY, Duration.ofSeconds(2));
        DeliveryException e = assertThrows(DeliveryException.class, () -> nowhere.get("/xrpc/x").bearer(TOKEN).fetch());
        assertEquals(Kind.TRANSIENT, e.kind());
        assertFalse(e.getMessage().contains(TOKEN));
    }

    @Test
    void a429WaitsForRetryAfterInSecondsOrAsADate() {
        DeliveryException seconds = failing(429, Map.of("Retry-After", "42"), "", false);
        assertEquals(Kind.RATE_LIMITED, seconds.kind());
        assertEquals(Duration.ofSeconds(42), seconds.retryAfter().orElseThrow());
        clock.advance(Duration.ofSeconds(42));
        DeliveryException date = failing(429, Map.of("Retry-After", "Mon, 23 Nov 2026 09:02:42 GMT"), "", false);
        assertEquals(Duration.ofMinutes(2), date.retryAfter().orElseThrow());
    }

    @Test
    void aSpentBudgetHoldsEveryCallUntilTheResetWithoutCalling() throws DeliveryException {
        fake.route("GET", "/ok", r -> Response.ok(Map.of("fine", true)));
        fake.everyResponse("X-RateLimit-Remaining", "0");
        fake.everyResponse("X-RateLimit-Reset", "2026-11-23T09:05:00.000Z");
        http.get("/ok").fetch();
        fake.everyResponse("X-RateLimit-Remaining", "300");
        int before = fake.requests().size();
        clock.advance(Duration.ofMinutes(1));
        DeliveryException e = assertThrows(DeliveryException.class, () -> http.get("/ok").fetch());
        assertEquals(Kind.RATE_LIMITED, e.kind());
        assertEquals(Duration.ofMinutes(4), e.retryAfter().orElseThrow());
        assertEquals(before, fake.requests().size(), "nothing was sent");
        clock.advance(Duration.ofMinutes(4));
        assertTrue(http.get("/ok").fetch().path("fine").asBoolean());
    }

    @Test
    void aSpentPostingBudgetDoesNotStopPolling() throws DeliveryException {
        fake.route("GET", "/api/v1/notifications", r -> Response.ok(Map.of("fine", true)));
        fake.route("POST", "/api/v1/statuses", r -> Response.ok(Map.of("id", "1")));
        fake.everyResponse("X-RateLimit-Remaining", "0");
        fake.everyResponse("X-RateLimit-Reset", "2026-11-23T09:05:00.000Z");
        http.post("/api/v1/statuses").fetch();
        fake.everyResponse("X-RateLimit-Remaining", "300");
        int before = fake.requests().size();
        DeliveryException e = assertThrows(DeliveryException.class, () -> http.post("/api/v1/statuses").fetch());
        assertEquals(Kind.RATE_LIMITED, e.kind());
        assertEquals(before, fake.requests().size(), "posting waits for its own reset");
        assertTrue(http.get("/api/v1/notifications").fetch().path("fine").asBoolean(), "reading goes on");
        assertEquals(Instant.parse("2026-11-23T09:05:00Z"), http.blockedUntil());
        fake.failNext("/api/v1/notifications", Response.status(429, Map.of("Retry-After", "60"), ""));
        assertThrows(DeliveryException.class, () -> http.get("/api/v1/notifications").fetch());
        assertEquals(Kind.RATE_LIMITED, assertThrows(DeliveryException.class,
                () -> http.get("/api/v1/notifications").fetch()).kind(), "a 429 holds its endpoint too");
    }

    private JsonHttp bounded(SlowServer server, HttpLimits limits) {
        return new JsonHttp("X", server.uri(), FakeHttpServer.client(), clock, RateLimitHeaders.X, limits);
    }

    @Test
    void aBodyThatTricklesInIsCutByTheTotalDeadline() throws Exception {
        try (SlowServer x = new SlowServer(SlowServer.Body.TRICKLE, 10_000)) {
            HttpLimits limits = new HttpLimits(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(30),
                    Duration.ofSeconds(2), 1_000_000);
            long start = System.nanoTime();
            DeliveryException e = assertThrows(DeliveryException.class, () -> bounded(x, limits).post("/2/tweets").fetch());
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertEquals(Kind.TRANSIENT, e.kind(), "the outcome is unknown: look before sending again");
            assertEquals("X POST /2/tweets got no full answer within 2 s; cut there", e.getMessage());
            assertTrue(ms < 5_000, "cut after " + ms + " ms");
            assertEquals(1, x.requests.get(), "sent once, never again by the client");
        }
    }

    @Test
    void aBodyThatTricklesInIsCutByTheBodyDeadline() throws Exception {
        try (SlowServer x = new SlowServer(SlowServer.Body.TRICKLE, 200)) {
            HttpLimits limits = new HttpLimits(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1),
                    Duration.ofSeconds(30), 1_000_000);
            DeliveryException e = assertThrows(DeliveryException.class, () -> bounded(x, limits).get("/2/users/me").fetch());
            assertEquals(Kind.TRANSIENT, e.kind());
            assertEquals("X GET /2/users/me: the body was not complete 1 s after the headers", e.getMessage());
        }
    }

    @Test
    void anEndlessBodyIsCutAtTheCapWithAClearError() throws Exception {
        try (SlowServer x = new SlowServer(SlowServer.Body.ENDLESS, 0)) {
            HttpLimits limits = HttpLimits.DEFAULT.withMaxBytes(64 * 1024);
            DeliveryException e = assertThrows(DeliveryException.class, () -> bounded(x, limits).get("/2/users/me").fetch());
            assertEquals(Kind.TRANSIENT, e.kind());
            assertEquals("X GET /2/users/me: the body was larger than 65536 bytes; cut there", e.getMessage());
        }
    }

    @Test
    void aReplyNeverShowsItsBody() throws DeliveryException {
        fake.route("POST", "/xrpc/com.atproto.server.createSession", r -> Response.ok(Map.of(
                "accessJwt", "eyJ-access-canary", "refreshJwt", "eyJ-refresh-canary", "did", "did:plc:x")));
        HttpReply login = http.post("/xrpc/com.atproto.server.createSession").send();
        assertTrue(login.ok());
        assertEquals("Reply[Mastodon POST /xrpc/com.atproto.server.createSession -> 200, "
                + login.raw().length() + " characters]", login.toString());
        assertFalse(login.toString().contains("canary"));
    }

    @Test
    void errorWordsAreOneCleanLine() {
        DeliveryException e = failing(422, Map.of(), "{\"error\":\"bad\\nINFO forged line\"}", true);
        assertEquals("Mastodon POST /x answered 422: bad?INFO forged line", e.getMessage());
        DeliveryException x = failing(403, Map.of(), "{\"title\":\"Forbidden\",\"detail\":\"Not allowed\"}", true);
        assertTrue(x.getMessage().endsWith("403: Forbidden: Not allowed"), x.getMessage());
    }

    @Test
    void anEndpointIsItsMethodAndPathWithoutIds() {
        assertEquals("GET /api/v1/statuses/:id/context", JsonHttp.endpoint("GET", "/api/v1/statuses/1234/context"));
        assertEquals("GET /api/v1/accounts/:id/statuses", JsonHttp.endpoint("GET", "/api/v1/accounts/42/statuses"));
        assertEquals("POST /xrpc/com.atproto.server.createSession",
                JsonHttp.endpoint("POST", "/xrpc/com.atproto.server.createSession"));
    }

    @Test
    void resetHeadersAreReadInEveryFormPlatformsUse() {
        Instant now = Instant.parse("2026-11-23T09:00:00Z");
        assertEquals(now.plusSeconds(30), RateLimitHeaders.instant("30", now).orElseThrow(), "seconds from now");
        assertEquals(Instant.ofEpochSecond(1_795_424_700L), RateLimitHeaders.instant("1795424700", now).orElseThrow(),
                "epoch seconds (Bluesky, X)");
        assertEquals(Instant.parse("2020-09-08T13:25:00.019685Z"),
                RateLimitHeaders.instant("2020-09-08T13:25:00.019685Z", now).orElseThrow(), "ISO (Mastodon)");
        assertEquals(Instant.parse("2026-11-23T09:01:00Z"),
                RateLimitHeaders.instant("Mon, 23 Nov 2026 09:01:00 GMT", now).orElseThrow(), "HTTP date");
        assertTrue(RateLimitHeaders.instant("soon", now).isEmpty(), "unreadable: the caller backs off itself");
        assertEquals(Duration.ofSeconds(1), RateLimitHeaders.bounded(Duration.ofSeconds(-5)), "never a tight loop");
        assertEquals(Duration.ofHours(24), RateLimitHeaders.bounded(Duration.ofDays(30)));
    }
}
