package dev.earshot.source.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import dev.earshot.core.Author;
import dev.earshot.core.Message;
import dev.earshot.core.MessageKind;
import dev.earshot.core.Platform;
import dev.earshot.port.DeliveryException;
import dev.earshot.port.SocialSource.BrandReply;
import dev.earshot.source.http.HttpReply;
import dev.earshot.source.http.JsonFields;
import dev.earshot.source.http.JsonHttp;
import dev.earshot.source.text.Clip;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bluesky's post and notification shapes to core records. It keeps the authors' follower counts
 * ({@code getProfiles}) because a message carries them and asking again each poll would waste the
 * rate limit; notifications, keyword matches and direct messages all read the same counts.
 */
final class BlueskyMapper {
    private static final Logger log = LoggerFactory.getLogger(BlueskyMapper.class);
    private static final int PROFILES_PER_CALL = 25;
    private static final int REMEMBERED_PROFILES = 10_000;

    private final String name;
    private final JsonHttp http;
    private final BlueskySession session;
    private final Map<String, Long> followers = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > REMEMBERED_PROFILES;
        }
    });

    BlueskyMapper(String name, JsonHttp http, BlueskySession session) {
        this.name = name;
        this.http = http;
        this.session = session;
    }

    /** Author DID to follower count, for those looked up in this run. */
    Map<String, Long> followers() {
        return followers;
    }

    /** A notification, or a post view from a search: both carry uri, author, record and indexedAt. */
    Message message(JsonNode n, MessageKind kind) {
        JsonNode record = n.path("record");
        JsonNode author = n.path("author");
        String uri = n.path("uri").asText();
        String handle = author.path("handle").asText();
        String did = author.path("did").asText();
        JsonNode reply = record.path("reply");
        String parent = JsonFields.text(reply.path("parent"), "uri");
        String root = JsonFields.text(reply.path("root"), "uri");
        Author who = new Author(Platform.BLUESKY, handle, JsonFields.text(author, "displayName"),
                followers.getOrDefault(did, -1L), "https://bsky.app/profile/" + handle, did);
        return new Message(Platform.BLUESKY, name, uri, who, Clip.text(record.path("text").asText("")), webUrl(handle, uri),
                createdAt(record, n), kind, parent, root == null ? uri : root);
    }

    /** A post by the brand answering someone else's post; empty for anything else. */
    static Optional<BrandReply> brandReply(String uri, JsonNode record, String brand) {
        String parent = JsonFields.text(record.path("reply").path("parent"), "uri");
        if (parent == null || parent.startsWith("at://" + brand + "/")) {
            return Optional.empty();
        }
        return Optional.of(new BrandReply(uri, parent, record.path("text").asText(""), createdAt(record, record)));
    }

    static MessageKind kind(String reason) {
        return switch (reason) {
            case "reply" -> MessageKind.REPLY;
            case "quote" -> MessageKind.QUOTE;
            default -> MessageKind.MENTION;
        };
    }

    /** {@code getProfiles} in batches of 25 for authors not seen yet; a failure leaves followers unknown (-1). */
    void lookUpFollowers(List<JsonNode> notifications) throws DeliveryException {
        Set<String> unknown = new LinkedHashSet<>();
        for (JsonNode n : notifications) {
            String did = n.path("author").path("did").asText();
            if (!did.isEmpty() && !followers.containsKey(did)) {
                unknown.add(did);
            }
        }
        List<String> dids = new ArrayList<>(unknown);
        for (int i = 0; i < dids.size(); i += PROFILES_PER_CALL) {
            List<String> batch = dids.subList(i, Math.min(dids.size(), i + PROFILES_PER_CALL));
            HttpReply reply = session.send(token -> {
                JsonHttp.Request r = http.get("/xrpc/app.bsky.actor.getProfiles").bearer(token);
                batch.forEach(d -> r.query("actors", d));
                return r.send();
            });
            if (!reply.ok()) {
                log.debug("{}: follower counts unknown for now ({})", name, reply.status());
                return;
            }
            for (JsonNode p : reply.body().path("profiles")) {
                if (p.path("followersCount").isNumber()) {
                    followers.put(p.path("did").asText(), p.path("followersCount").asLong());
                }
            }
        }
    }

    static Instant createdAt(JsonNode record, JsonNode fallback) {
        return JsonFields.instant(record, "createdAt")
                .or(() -> JsonFields.instant(fallback, "indexedAt"))
                .orElse(Instant.EPOCH);
    }

    /** {@code https://bsky.app/profile/<handle>/post/<rkey>} for {@code at://<did>/app.bsky.feed.post/<rkey>}. */
    static String webUrl(String handle, String atUri) {
        String rkey = atUri.substring(atUri.lastIndexOf('/') + 1);
        return "https://bsky.app/profile/" + handle + "/post/" + rkey;
    }
}
