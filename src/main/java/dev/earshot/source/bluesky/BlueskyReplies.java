package dev.earshot.source.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.earshot.core.Message;
import dev.earshot.port.DeliveryException;
import dev.earshot.port.SocialSource.SentReply;
import dev.earshot.source.http.HttpReply;
import dev.earshot.source.http.JsonFields;
import dev.earshot.source.http.JsonHttp;
import dev.earshot.source.text.Graphemes;
import dev.earshot.source.text.LogSafe;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The brand's public replies on Bluesky, and the look-up that settles one whose outcome is unknown.
 * Apart from fetching because a reply must never be posted twice: its record key comes from the
 * idempotency key, and the same key finds it again. Also reads the brand's own feed, which both
 * the look-up and each poll (answers given from the Bluesky app) need.
 */
final class BlueskyReplies {
    private static final Logger log = LoggerFactory.getLogger(BlueskyReplies.class);

    private final String name;
    private final JsonHttp http;
    private final BlueskySession session;
    private final Clock clock;

    BlueskyReplies(String name, JsonHttp http, BlueskySession session, Clock clock) {
        this.name = name;
        this.http = http;
        this.session = session;
        this.clock = clock;
    }

    /**
     * Replies under the customer's post: {@code reply.parent} is their post, {@code reply.root} the
     * root of its thread; their {@code @handle} first, as a mention facet; the record key derived
     * from the idempotency key, so a retry finds the first post instead of making a second.
     */
    SentReply send(Message to, String text, String idempotencyKey) throws DeliveryException {
        BlueskySession.Tokens me = session.tokens();
        JsonNode parentPost = post(to.externalId());
        String handle = parentPost.path("author").path("handle").asText();
        String did = parentPost.path("author").path("did").asText();
        String body = PostText.withMention(text, handle);
        int graphemes = Graphemes.count(body);
        int bytes = Graphemes.utf8Bytes(body);
        if (graphemes > PostText.MAX_GRAPHEMES || bytes > PostText.MAX_BYTES) {
            throw new DeliveryException(DeliveryException.Kind.REJECTED, "with the mention @" + handle
                    + " the reply is " + graphemes + " characters and " + bytes + " bytes; Bluesky allows "
                    + PostText.MAX_GRAPHEMES + " characters and " + PostText.MAX_BYTES + " bytes");
        }
        ObjectNode parent = ref(parentPost.path("uri").asText(), parentPost.path("cid").asText());
        JsonNode parentReply = parentPost.path("record").path("reply").path("root");
        ObjectNode root = parentReply.isObject() && parentReply.hasNonNull("uri")
                ? ref(parentReply.path("uri").asText(), parentReply.path("cid").asText()) : parent.deepCopy();

        Instant now = clock.instant();
        ObjectNode record = JsonNodeFactory.instance.objectNode();
        record.put("$type", BlueskySource.POST);
        record.put("text", body);
        record.put("createdAt", now.toString());
        ObjectNode reply = record.putObject("reply");
        reply.set("root", root);
        reply.set("parent", parent);
        List<PostText.Facet> facets = PostText.facets(body, handle, did);
        if (!facets.isEmpty()) {
            record.set("facets", PostText.json(facets));
        }
        String rkey = Tid.forReply(to.createdAt(), idempotencyKey);
        ObjectNode input = JsonNodeFactory.instance.objectNode();
        input.put("repo", me.did());
        input.put("collection", BlueskySource.POST);
        input.put("rkey", rkey);
        input.set("record", record);

        HttpReply created = session.send(token -> http.post("/xrpc/com.atproto.repo.createRecord")
                .bearer(token).json(input).send());
        if (created.ok()) {
            String uri = created.body().path("uri").asText();
            return new SentReply(uri, BlueskyMapper.webUrl(me.handle(), uri), now);
        }
        if (created.status() != 429 && created.status() != 401 && created.status() != 403) {
            // The key may be taken by our own earlier attempt (the answer to it was lost): then it was sent.
            Optional<SentReply> earlier = findByKey(to, rkey);
            if (earlier.isPresent()) {
                log.info("{}: reply to {} was already posted as {}", name, LogSafe.clean(to.externalId()),
                        LogSafe.clean(earlier.get().externalId()));
                return earlier.get();
            }
        }
        throw created.failure();
    }

    /** By the record key when there is an idempotency key; else the brand's first reply to {@code to} in its feed. */
    Optional<SentReply> find(Message to, String idempotencyKey) throws DeliveryException {
        if (idempotencyKey != null) {
            return findByKey(to, Tid.forReply(to.createdAt(), idempotencyKey));
        }
        String brand = session.tokens().did();
        for (JsonNode item : ownFeed(brand)) {
            JsonNode post = item.path("post");
            if (to.externalId().equals(JsonFields.text(post.path("record").path("reply").path("parent"), "uri"))) {
                String uri = post.path("uri").asText();
                return Optional.of(new SentReply(uri, BlueskyMapper.webUrl(session.tokens().handle(), uri),
                        BlueskyMapper.createdAt(post.path("record"), post)));
            }
        }
        return Optional.empty();
    }

    /** The first page of the brand's own posts and replies (reposts left out). */
    List<JsonNode> ownFeed(String brand) throws DeliveryException {
        JsonNode body = session.send(token -> http.get("/xrpc/app.bsky.feed.getAuthorFeed").bearer(token)
                .query("actor", brand).query("limit", Integer.toString(BlueskySource.FEED_PAGE))
                .query("filter", "posts_with_replies").send()).orThrow();
        List<JsonNode> items = new ArrayList<>();
        for (JsonNode item : body.path("feed")) {
            if (brand.equals(item.path("post").path("author").path("did").asText())
                    && !item.path("reason").isObject()) {
                items.add(item);
            }
        }
        return items;
    }

    /** {@code getRecord} for the reply's record key: there only if an earlier attempt got through. */
    private Optional<SentReply> findByKey(Message to, String rkey) throws DeliveryException {
        BlueskySession.Tokens me = session.tokens();
        HttpReply found = session.send(token -> http.get("/xrpc/com.atproto.repo.getRecord").bearer(token)
                .query("repo", me.did()).query("collection", BlueskySource.POST).query("rkey", rkey).send());
        if (found.status() == 404 || (found.status() == 400 && found.error().equals("RecordNotFound"))) {
            return Optional.empty();
        }
        JsonNode body = found.orThrow();
        JsonNode value = body.path("value");
        String parent = JsonFields.text(value.path("reply").path("parent"), "uri");
        if (!to.externalId().equals(parent)) {
            return Optional.empty();
        }
        String uri = body.path("uri").asText();
        return Optional.of(new SentReply(uri, BlueskyMapper.webUrl(me.handle(), uri),
                BlueskyMapper.createdAt(value, value)));
    }

    /** The customer's post as the AppView has it (cid, author, its own reply references). */
    private JsonNode post(String uri) throws DeliveryException {
        JsonNode body = session.send(token -> http.get("/xrpc/app.bsky.feed.getPosts").bearer(token)
                .query("uris", uri).send()).orThrow();
        JsonNode posts = body.path("posts");
        if (!posts.isArray() || posts.isEmpty()) {
            throw new DeliveryException(DeliveryException.Kind.REJECTED,
                    "the customer's post is gone or no longer visible to the brand");
        }
        return posts.get(0);
    }

    private static ObjectNode ref(String uri, String cid) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("uri", uri);
        node.put("cid", cid);
        return node;
    }
}
