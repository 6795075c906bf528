package dev.earshot.source.x;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.earshot.core.BillableReads;
import dev.earshot.port.DeliveryException;
import dev.earshot.port.DeliveryException.Kind;
import dev.earshot.source.http.HttpReply;
import dev.earshot.source.http.JsonHttp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The X API v2 calls Earshot makes, through the shared {@link JsonHttp} (deadlines, size cap,
 * {@code x-rate-limit-*} per endpoint), each signed with OAuth 1.0a by {@link OAuth1Signer}. Adds
 * what only X says: a 403 on a post is about that post unless it names the app or its token, and
 * a 403 for duplicate content means the text was probably posted already. Messages never hold a
 * key or token.
 */
final class XCalls {
    private final JsonHttp http;
    private final JsonHttp.Signer signer;
    private final XReads reads = new XReads();

    XCalls(JsonHttp http, JsonHttp.Signer signer) {
        this.http = http;
        this.signer = signer;
    }

    JsonHttp http() {
        return http;
    }

    /** {@code GET /2/users/me}: the account the tokens belong to. */
    XPage.User me() throws DeliveryException {
        JsonNode body = get("/2/users/me", Map.of("user.fields", "username,name"));
        JsonNode data = body.path("data");
        if (!data.hasNonNull("id")) {
            throw new DeliveryException(Kind.TRANSIENT, "X answered /2/users/me without an id");
        }
        return XPage.user(data);
    }

    /** {@code GET /2/users/:id/mentions}, one page. */
    XPage mentions(String userId, Map<String, String> query) throws DeliveryException {
        return XPage.parse(get("/2/users/" + userId + "/mentions", query));
    }

    /** {@code GET /2/users/:id/tweets}, one page. */
    XPage posts(String userId, Map<String, String> query) throws DeliveryException {
        return XPage.parse(get("/2/users/" + userId + "/tweets", query));
    }

    /** {@code GET /2/tweets/search/recent}, one page (the last seven days; X bills each post returned). */
    XPage search(Map<String, String> query) throws DeliveryException {
        return XPage.parse(get("/2/tweets/search/recent", query));
    }

    /** {@code GET /2/dm_events}: the account's direct message events, newest first, one page. */
    JsonNode dmEvents(Map<String, String> query) throws DeliveryException {
        return get("/2/dm_events", query);
    }

    /** {@code GET /2/dm_conversations/:id/dm_events}: one conversation's events, newest first. */
    JsonNode dmConversation(String conversationId, Map<String, String> query) throws DeliveryException {
        return get("/2/dm_conversations/" + encode(conversationId) + "/dm_events", query);
    }

    /**
     * {@code POST /2/dm_conversations/:id/messages}. Like a reply, a lost answer leaves the outcome
     * unknown (TRANSIENT): the caller must look before sending again. Returns the event id.
     */
    String sendDm(String conversationId, String text) throws DeliveryException {
        ObjectNode body = JsonHttp.JSON.createObjectNode();
        body.put("text", text);
        JsonNode sent = post("/2/dm_conversations/" + encode(conversationId) + "/messages", body);
        if (!sent.hasNonNull("dm_event_id")) {
            throw new DeliveryException(Kind.TRANSIENT, "X accepted the direct message but named no event id");
        }
        return sent.get("dm_event_id").asText();
    }

    /**
     * {@code POST /2/tweets} as a reply. A connection lost after sending, a timeout and a 5xx are
     * TRANSIENT with an unknown outcome: the caller must look before sending again.
     *
     * @throws Duplicate when X refuses the text as a duplicate: probably sent already
     */
    String createReply(String text, String inReplyTo) throws DeliveryException {
        ObjectNode body = JsonHttp.JSON.createObjectNode();
        body.put("text", text);
        body.putObject("reply").put("in_reply_to_tweet_id", inReplyTo);
        JsonNode created = post("/2/tweets", body);
        if (!created.hasNonNull("id")) {
            throw new DeliveryException(Kind.TRANSIENT, "X accepted the reply but named no id");
        }
        return created.get("id").asText();
    }

    private JsonNode get(String path, Map<String, String> query) throws DeliveryException {
        JsonHttp.Request request = http.get(path).signedBy(signer);
        new TreeMap<>(query).forEach(request::query);
        JsonNode body = request.fetch();
        reads.count(path, body);
        return body;
    }

    /** What X bills that these calls read since the last time. */
    BillableReads takeReads() {
        return reads.take();
    }

    /** A signed JSON POST; returns the answer's {@code data}. */
    private JsonNode post(String path, ObjectNode body) throws DeliveryException {
        HttpReply reply = http.post(path).signedBy(signer).json(body).send();
        if (reply.status() == 403) {
            String said = reply.raw().toLowerCase(Locale.ROOT);
            if (path.equals("/2/tweets") && said.contains("duplicate")) {
                throw new Duplicate(reply.failure().getMessage());
            }
            if (!aboutAccess(said)) {
                // This one post can never be made as it is (replies limited, the post gone).
                throw new DeliveryException(Kind.REJECTED, reply.failure().getMessage());
            }
        }
        return reply.orThrow().path("data");
    }

    /** X's words for a 403 that concerns the app or its token, not the one post. */
    private static boolean aboutAccess(String said) {
        return said.contains("client-forbidden") || said.contains("permission") || said.contains("oauth")
                || said.contains("unsupported-authentication") || said.contains("suspended");
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** X refused a post as a duplicate of one the account made before. */
    static final class Duplicate extends DeliveryException {
        Duplicate(String message) {
            super(Kind.REJECTED, message, null, null);
        }
    }

    @Override
    public String toString() {
        return "XCalls[" + http.base() + "]";
    }
}
