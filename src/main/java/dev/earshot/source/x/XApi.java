package dev.earshot.source.x;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.earshot.config.XSourceConfig;
import dev.earshot.port.DeliveryException;
import dev.earshot.port.DeliveryException.Kind;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import twitter4j.HttpParameter;
import twitter4j.RequestMethod;
import twitter4j.auth.OAuthAuthorization;
import twitter4j.conf.ConfigurationBuilder;

/**
 * The X API v2 calls Earshot makes, over the JDK {@link HttpClient}, each signed with
 * OAuth 1.0a user context by Twitter4J's signer. Maps X's answers to {@link DeliveryException}
 * kinds and keeps each endpoint's rate limit. Messages never hold a key or token.
 *
 * <p>Why not Twitter4J's own transport: it re-sends a POST whose answer was lost (HttpURLConnection
 * retries once), and X has no idempotency key, so a reply could reach the customer twice.
 */
final class XApi {
    /** One rate-limit bucket each, as X counts them. */
    enum Endpoint { ME, MENTIONS, USER_POSTS, SEARCH, CREATE_POST, DM_EVENTS, DM_CONVERSATION, SEND_DM }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final String base;
    private final OAuthAuthorization oauth;
    private final RateLimits limits;

    XApi(HttpClient http, URI base, OAuthAuthorization oauth, Clock clock) {
        this.http = http;
        String b = base.toString();
        this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
        this.oauth = oauth;
        this.limits = new RateLimits(clock);
    }

    static XApi create(XSourceConfig config, Clock clock) {
        // Only the signer of this configuration is used; debug stays off so the base string is never printed.
        OAuthAuthorization oauth = new OAuthAuthorization(new ConfigurationBuilder()
                .setDebugEnabled(false)
                .setOAuthConsumerKey(config.apiKey().reveal())
                .setOAuthConsumerSecret(config.apiSecret().reveal())
                .setOAuthAccessToken(config.accessToken().reveal())
                .setOAuthAccessTokenSecret(config.accessTokenSecret().reveal())
                .build());
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return new XApi(http, config.baseUrl(), oauth, clock);
    }

    /** {@code GET /2/users/me}: the account the tokens belong to. */
    XPage.User me() throws DeliveryException {
        JsonNode body = get(Endpoint.ME, "/2/users/me", Map.of("user.fields", "username,name"));
        JsonNode data = body.path("data");
        if (!data.hasNonNull("id")) {
            throw new DeliveryException(Kind.TRANSIENT, "X answered /2/users/me without an id");
        }
        return XPage.user(data);
    }

    /** {@code GET /2/users/:id/mentions}, one page. */
    XPage mentions(String userId, Map<String, String> query) throws DeliveryException {
        return XPage.parse(get(Endpoint.MENTIONS, "/2/users/" + userId + "/mentions", query));
    }

    /** {@code GET /2/tweets/search/recent}, one page (the last seven days; X bills each post returned). */
    XPage search(Map<String, String> query) throws DeliveryException {
        return XPage.parse(get(Endpoint.SEARCH, "/2/tweets/search/recent", query));
    }

    /** {@code GET /2/dm_events}: the account's direct message events, newest first, one page. */
    JsonNode dmEvents(Map<String, String> query) throws DeliveryException {
        return get(Endpoint.DM_EVENTS, "/2/dm_events", query);
    }

    /** {@code GET /2/dm_conversations/:id/dm_events}: one conversation's events, newest first. */
    JsonNode dmConversation(String conversationId, Map<String, String> query) throws DeliveryException {
        return get(Endpoint.DM_CONVERSATION, "/2/dm_conversations/" + encode(conversationId) + "/dm_events", query);
    }

    /**
     * {@code POST /2/dm_conversations/:id/messages}. Like a reply, a lost answer leaves the outcome
     * unknown (TRANSIENT): the caller must look before sending again. Returns the event id.
     */
    String sendDm(String conversationId, String text) throws DeliveryException {
        ObjectNode body = JSON.createObjectNode();
        body.put("text", text);
        JsonNode sent = post(Endpoint.SEND_DM, "/2/dm_conversations/" + encode(conversationId) + "/messages", body);
        if (!sent.hasNonNull("dm_event_id")) {
            throw new DeliveryException(Kind.TRANSIENT, "X accepted the direct message but named no event id");
        }
        return sent.get("dm_event_id").asText();
    }

    /** {@code GET /2/users/:id/tweets}, one page. */
    XPage posts(String userId, Map<String, String> query) throws DeliveryException {
        return XPage.parse(get(Endpoint.USER_POSTS, "/2/users/" + userId + "/tweets", query));
    }

    /**
     * {@code POST /2/tweets} as a reply. A connection lost after sending, a timeout and a 5xx are
     * TRANSIENT with an unknown outcome: the caller must look before sending again.
     *
     * @throws Duplicate when X refuses the text as a duplicate: probably sent already
     */
    String createReply(String text, String inReplyTo) throws DeliveryException {
        ObjectNode body = JSON.createObjectNode();
        body.put("text", text);
        body.putObject("reply").put("in_reply_to_tweet_id", inReplyTo);
        JsonNode created = post(Endpoint.CREATE_POST, "/2/tweets", body);
        if (!created.hasNonNull("id")) {
            throw new DeliveryException(Kind.TRANSIENT, "X accepted the reply but named no id");
        }
        return created.get("id").asText();
    }

    /** A signed JSON POST; returns the answer's {@code data}. */
    private JsonNode post(Endpoint endpoint, String path, ObjectNode body) throws DeliveryException {
        String url = base + path;
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", sign(RequestMethod.POST, url))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build();
        return send(endpoint, request).path("data");
    }

    private JsonNode get(Endpoint endpoint, String path, Map<String, String> query) throws DeliveryException {
        StringJoiner q = new StringJoiner("&");
        new TreeMap<>(query).forEach((k, v) -> q.add(encode(k) + "=" + encode(v)));
        String url = base + path + (q.length() == 0 ? "" : "?" + q);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", sign(RequestMethod.GET, url))
                .header("Accept", "application/json")
                .GET()
                .build();
        return send(endpoint, request);
    }

    /** Query parameters in the URL are part of the signature; a JSON body is not (OAuth 1.0a). */
    private String sign(RequestMethod method, String url) {
        return oauth.getAuthorizationHeader(new twitter4j.HttpRequest(method, url, new HttpParameter[0], oauth,
                Map.of()));
    }

    private JsonNode send(Endpoint endpoint, HttpRequest request) throws DeliveryException {
        limits.check(endpoint);
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DeliveryException(Kind.TRANSIENT, "X could not be reached (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException(Kind.TRANSIENT, "interrupted while calling X");
        }
        int status = response.statusCode();
        limits.update(endpoint, response.headers(), status);
        if (status >= 200 && status < 300) {
            return parse(response.body());
        }
        String what = request.method() + " " + request.uri().getPath() + " answered " + status + problem(response.body());
        if (status == 429) {
            throw DeliveryException.rateLimited("X rate limit: " + what, limits.untilReset(endpoint).orElse(null));
        }
        if (status >= 500) {
            throw new DeliveryException(Kind.TRANSIENT, "X: " + what);
        }
        String said = response.body() == null ? "" : response.body().toLowerCase(java.util.Locale.ROOT);
        if (endpoint == Endpoint.CREATE_POST && status == 403 && said.contains("duplicate")) {
            throw new Duplicate("X: " + what);
        }
        if ((endpoint == Endpoint.CREATE_POST || endpoint == Endpoint.SEND_DM) && status != 401 && !aboutAccess(said)) {
            // This one reply can never be posted as it is (too long, the post is gone, replies limited).
            throw new DeliveryException(Kind.REJECTED, "X: " + what);
        }
        // Refused credentials or access, or a read X will never answer as asked: a human must look.
        throw new DeliveryException(Kind.BROKEN, "X: " + what);
    }

    /** X's words for a 403 that concerns the app or its token, not the one post. */
    private static boolean aboutAccess(String said) {
        return said.contains("client-forbidden") || said.contains("permission") || said.contains("oauth")
                || said.contains("unsupported-authentication") || said.contains("suspended");
    }

    private static JsonNode parse(String body) throws DeliveryException {
        try {
            return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            throw new DeliveryException(Kind.TRANSIENT, "X answered with something that is not JSON");
        }
    }

    /** X's own words from an error body ({@code title}, {@code detail}), short; never the request. */
    private static String problem(String body) {
        try {
            JsonNode n = JSON.readTree(body == null || body.isBlank() ? "{}" : body);
            String title = n.path("title").asText("");
            String detail = n.path("detail").asText(n.path("errors").path(0).path("message").asText(""));
            String words = detail.equals(title) ? title
                    : (title + (title.isEmpty() || detail.isEmpty() ? "" : ": ") + detail).strip();
            return words.isEmpty() ? "" : " (" + (words.length() > 200 ? words.substring(0, 200) + "…" : words) + ")";
        } catch (IOException e) {
            return "";
        }
    }

    /** RFC 3986: what OAuth 1.0a signs, so a space is %20, never +. */
    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }

    /** X refused a post as a duplicate of one the account made before. */
    static final class Duplicate extends DeliveryException {
        Duplicate(String message) {
            super(Kind.REJECTED, message, null, null);
        }
    }

    @Override
    public String toString() {
        return "XApi[" + base + "]";
    }
}
