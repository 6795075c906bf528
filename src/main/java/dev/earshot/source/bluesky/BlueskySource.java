package dev.earshot.source.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.earshot.config.BlueskySourceConfig;
import dev.earshot.core.Author;
import dev.earshot.core.Conversation;
import dev.earshot.core.Message;
import dev.earshot.core.MessageKind;
import dev.earshot.core.Platform;
import dev.earshot.port.DeliveryException;
import dev.earshot.port.SocialSource;
import dev.earshot.source.http.JsonFields;
import dev.earshot.source.http.HttpReply;
import dev.earshot.source.http.JsonHttp;
import dev.earshot.source.http.KeywordSearch;
import dev.earshot.source.http.RateLimitHeaders;
import dev.earshot.source.text.Graphemes;
import dev.earshot.source.text.LogSafe;
import dev.earshot.source.text.Clip;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One brand account on Bluesky.
 *
 * <p>A poll reads {@code listNotifications} (mentions, replies, quotes) from the newest backwards
 * until it reaches the cursor (or, on first start, the backfill window), looks up the authors'
 * follower counts with {@code getProfiles} (-1 when that fails), and reads the first page of the
 * brand's own feed: its replies to customers are reported as {@link BrandReply}s. Posts by the
 * brand never become customer messages. Each configured keyword is searched with {@code searchPosts}
 * ({@code sort=latest}, {@code since} its position); matches that do not already reach the brand as
 * notifications are {@link MessageKind#KEYWORD} messages. With {@code directMessages: true} the
 * brand's direct messages are read and answered too ({@link BlueskyDms}).
 */
public final class BlueskySource implements SocialSource {
    private static final Logger log = LoggerFactory.getLogger(BlueskySource.class);
    static final String POST = "app.bsky.feed.post";
    static final int PAGE = 50;
    /** 5,000 notifications: more than that since the last poll, and the oldest are left (logged). */
    static final int MAX_PAGES = 100;
    /** Notifications this much older than the cursor are read again, in case one was indexed late. */
    static final Duration OVERLAP = Duration.ofMinutes(10);
    static final int FEED_PAGE = 30;
    static final int SEARCH_PAGE = 100;
    /** Per keyword and poll: 500 matches; the rest comes next poll. */
    static final int SEARCH_PAGES_PER_POLL = 5;
    private static final int PROFILES_PER_CALL = 25;
    private static final int REMEMBERED_PROFILES = 10_000;
    private static final Set<String> REASONS = Set.of("mention", "reply", "quote");

    private final BlueskySourceConfig config;
    private final JsonHttp http;
    private final BlueskySession session;
    private final Clock clock;
    private final BlueskyDms dms;
    private final Map<String, Long> followers = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > REMEMBERED_PROFILES;
        }
    });

    public BlueskySource(BlueskySourceConfig config, HttpClient client, Clock clock) {
        this(config, client, clock, Duration.ofSeconds(30));
    }

    BlueskySource(BlueskySourceConfig config, HttpClient client, Clock clock, Duration timeout) {
        this.config = config;
        this.clock = clock;
        this.http = new JsonHttp("Bluesky", config.service(), client, clock, RateLimitHeaders.BLUESKY, timeout);
        this.session = new BlueskySession(http, config.handle(), config.appPassword(), clock);
        this.dms = new BlueskyDms(config.name(), http, session, clock);
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public Platform platform() {
        return Platform.BLUESKY;
    }

    /** How often this run logged in and refreshed its session, for tests and the operator. */
    public int logins() {
        return session.logins();
    }

    public int refreshes() {
        return session.refreshes();
    }

    @Override
    public Fetch fetchSince(Optional<String> storedText) throws DeliveryException {
        String brand = session.tokens().did();
        KeywordSearch.Cursor stored = KeywordSearch.Cursor.parse(storedText);
        Optional<BlueskyCursor> seen = BlueskyCursor.parse(stored.mainCursor());
        Instant from = clock.instant().minus(config.backfill());

        List<JsonNode> fresh = new ArrayList<>();
        BlueskyCursor newest = null;
        boolean reached = false;
        String page = null;
        for (int pages = 0; pages < MAX_PAGES && !reached; pages++) {
            String cursor = page;
            JsonNode body = read(token -> http.get("/xrpc/app.bsky.notification.listNotifications").bearer(token)
                    .query("reasons", "mention").query("reasons", "reply").query("reasons", "quote")
                    .query("limit", Integer.toString(PAGE)).query("cursor", cursor).send());
            JsonNode list = body.path("notifications");
            if (!list.isArray() || list.isEmpty()) {
                reached = true;
                break;
            }
            for (JsonNode n : list) {
                BlueskyCursor at = new BlueskyCursor(JsonFields.instant(n, "indexedAt").orElse(Instant.EPOCH),
                        n.path("uri").asText());
                newest = BlueskyCursor.newer(newest, at);
                // Not "at or before the cursor": a back-dated or late-indexed one may sort just behind it.
                // The overlap is read again; the store's unique external id drops the repeats.
                boolean old = seen.map(s -> at.indexedAt().isBefore(s.indexedAt().minus(OVERLAP)))
                        .orElseGet(() -> at.indexedAt().isBefore(from) || fresh.size() >= config.backfillMax());
                if (old) {
                    reached = true;
                } else if (REASONS.contains(n.path("reason").asText())) {
                    fresh.add(n);
                }
            }
            page = JsonFields.text(body, "cursor");
            if (page == null || page.isEmpty()) {
                reached = true;
            }
        }
        List<Gap> gaps = new ArrayList<>();
        if (!reached) {
            Instant since = seen.map(BlueskyCursor::indexedAt).orElse(from);
            Instant oldest = fresh.isEmpty() ? clock.instant()
                    : JsonFields.instant(fresh.get(fresh.size() - 1), "indexedAt").orElse(clock.instant());
            String why = "more than " + MAX_PAGES * PAGE + " notifications arrived since the last poll; "
                    + "the oldest of them were not read.";
            log.warn("{}: {} Notifications from {} to {} may be missing.", name(), why, since, oldest);
            gaps.add(new Gap(since, oldest, why));
        }
        if (seen.isEmpty()) {
            log.info("{}: first start, read {} notifications from the last {} (at most {})", name(), fresh.size(),
                    config.backfill(), config.backfillMax());
        }
        lookUpFollowers(fresh);

        List<Message> messages = new ArrayList<>();
        List<BrandReply> brandReplies = new ArrayList<>();
        Collections.reverse(fresh); // oldest first, as they happened
        for (JsonNode n : fresh) {
            if (brand.equals(n.path("author").path("did").asText())) {
                brandReply(n.path("uri").asText(), n.path("record"), brand).ifPresent(brandReplies::add);
            } else {
                messages.add(message(n, kind(n.path("reason").asText())));
            }
        }
        for (JsonNode item : ownFeed(brand)) {
            JsonNode post = item.path("post");
            Instant at = createdAt(post.path("record"), post);
            if (seen.isPresent() || !at.isBefore(from)) {
                brandReply(post.path("uri").asText(), post.path("record"), brand).ifPresent(brandReplies::add);
            }
        }
        if (seen.isEmpty() && newest == null) {
            // Nothing yet: start from the backfill window, so the next polls are not first starts again.
            newest = new BlueskyCursor(from, "");
        }
        BlueskyCursor moved = BlueskyCursor.newer(seen.orElse(null), newest);
        Map<String, String> positions = new LinkedHashMap<>();
        Set<String> have = new HashSet<>();
        messages.forEach(m -> have.add(m.externalId()));
        for (String keyword : config.keywords()) {
            Optional<Instant> since = stored.position(keyword).flatMap(JsonFields::instant);
            List<JsonNode> hits = new ArrayList<>();
            Instant position = since.orElse(from);
            Searched searched = search(keyword, position, since.isEmpty(), hits);
            if (searched.newest() != null) {
                // searchPosts filters `since` on sortAt; a little overlap keeps a late-indexed post, the store drops repeats.
                Instant next = searched.newest().minus(OVERLAP);
                position = next.isAfter(position) ? next : position;
            }
            positions.put(keyword, position.toString());
            if (searched.more()) {
                Instant oldest = searched.oldest() != null ? searched.oldest() : clock.instant();
                String why = since.isEmpty()
                        ? "on first start Earshot read the newest " + hits.size() + " posts matching \"" + keyword
                                + "\" (backfillMax) and left the older ones."
                        : "more posts matched \"" + keyword + "\" since the last poll than one poll reads ("
                                + SEARCH_PAGES_PER_POLL * SEARCH_PAGE + "); the older ones were left.";
                log.warn("{}: {} Posts from {} to {} may be missing.", name(), why, since.orElse(from), oldest);
                gaps.add(new Gap(since.orElse(from), oldest, why));
            }
            lookUpFollowers(hits);
            Collections.reverse(hits); // oldest first
            for (JsonNode post : hits) {
                if (!aboutBrand(post, brand) && have.add(post.path("uri").asText())) {
                    messages.add(message(post, MessageKind.KEYWORD));
                }
            }
        }
        String dmsAt = null;
        if (config.directMessages()) {
            Optional<Instant> dmsSince = stored.dmsCursor().flatMap(JsonFields::instant);
            BlueskyDms.Read read = dms.since(dmsSince.orElse(from), dmsSince.isEmpty() ? config.backfillMax()
                    : Integer.MAX_VALUE, brand, followers);
            messages.addAll(read.messages());
            brandReplies.addAll(read.brandReplies());
            Instant at = read.newest() != null ? read.newest() : dmsSince.orElse(from);
            dmsAt = at.toString();
        }
        return new Fetch(messages, brandReplies, new KeywordSearch.Cursor(moved == null ? null : moved.format(),
                positions, dmsAt).format(), gaps);
    }

    /**
     * What one keyword's search read: the newest and oldest {@code sortAt} seen (null when nothing
     * matched), and whether matches were left unread (the page cap, or backfillMax on first start).
     */
    private record Searched(Instant newest, Instant oldest, boolean more) {
    }

    /**
     * {@code searchPosts} for one keyword, newest first, from {@code since} (inclusive; Bluesky
     * compares it with each post's {@code sortAt}).
     */
    private Searched search(String keyword, Instant since, boolean firstStart, List<JsonNode> into)
            throws DeliveryException {
        Instant newest = null;
        Instant oldest = null;
        String page = null;
        boolean more = false;
        for (int pages = 0; ; pages++) {
            if (pages >= SEARCH_PAGES_PER_POLL) {
                more = true;
                break;
            }
            String cursor = page;
            JsonNode body = read(token -> http.get("/xrpc/app.bsky.feed.searchPosts").bearer(token)
                    .query("q", KeywordSearch.phrase(keyword)).query("sort", "latest").query("since", since.toString())
                    .query("limit", Integer.toString(SEARCH_PAGE)).query("cursor", cursor).send());
            boolean full = false;
            for (JsonNode post : body.path("posts")) {
                if (firstStart && into.size() >= config.backfillMax()) {
                    full = true;
                    break;
                }
                Instant at = sortAt(post);
                newest = newest == null || at.isAfter(newest) ? at : newest;
                oldest = oldest == null || at.isBefore(oldest) ? at : oldest;
                into.add(post);
            }
            page = JsonFields.text(body, "cursor");
            boolean last = page == null || page.isEmpty() || !body.path("posts").isArray() || body.path("posts").isEmpty();
            if (full || (firstStart && into.size() >= config.backfillMax())) {
                more = full || !last;
                break;
            }
            if (last) {
                break;
            }
        }
        return new Searched(newest, oldest, more);
    }

    /**
     * What {@code searchPosts?since=} compares with: Bluesky's sortAt, the earlier of the record's
     * createdAt and indexedAt (a back-dated post sorts at its createdAt).
     */
    static Instant sortAt(JsonNode post) {
        Optional<Instant> created = JsonFields.instant(post.path("record"), "createdAt");
        Optional<Instant> indexed = JsonFields.instant(post, "indexedAt");
        if (created.isPresent() && indexed.isPresent()) {
            return created.get().isBefore(indexed.get()) ? created.get() : indexed.get();
        }
        return created.or(() -> indexed).orElse(Instant.EPOCH);
    }

    /**
     * Written by the brand, or reaching it anyway as a notification: it mentions the brand (a
     * mention facet), answers one of its posts or quotes one.
     */
    private static boolean aboutBrand(JsonNode post, String brand) {
        if (brand.equals(post.path("author").path("did").asText())) {
            return true;
        }
        JsonNode record = post.path("record");
        for (JsonNode facet : record.path("facets")) {
            for (JsonNode feature : facet.path("features")) {
                if (brand.equals(feature.path("did").asText())) {
                    return true;
                }
            }
        }
        String own = "at://" + brand + "/";
        String parent = JsonFields.text(record.path("reply").path("parent"), "uri");
        String quoted = JsonFields.text(record.path("embed").path("record"), "uri");
        return (parent != null && parent.startsWith(own)) || (quoted != null && quoted.startsWith(own));
    }

    private List<JsonNode> ownFeed(String brand) throws DeliveryException {
        JsonNode body = read(token -> http.get("/xrpc/app.bsky.feed.getAuthorFeed").bearer(token)
                .query("actor", brand).query("limit", Integer.toString(FEED_PAGE))
                .query("filter", "posts_with_replies").send());
        List<JsonNode> items = new ArrayList<>();
        for (JsonNode item : body.path("feed")) {
            if (brand.equals(item.path("post").path("author").path("did").asText())
                    && !item.path("reason").isObject()) {
                items.add(item);
            }
        }
        return items;
    }

    /** A post by the brand answering someone else's post; empty for anything else. */
    private Optional<BrandReply> brandReply(String uri, JsonNode record, String brand) {
        String parent = JsonFields.text(record.path("reply").path("parent"), "uri");
        if (parent == null || parent.startsWith("at://" + brand + "/")) {
            return Optional.empty();
        }
        return Optional.of(new BrandReply(uri, parent, record.path("text").asText(""), createdAt(record, record)));
    }

    private static MessageKind kind(String reason) {
        return switch (reason) {
            case "reply" -> MessageKind.REPLY;
            case "quote" -> MessageKind.QUOTE;
            default -> MessageKind.MENTION;
        };
    }

    /** A notification, or a post view from a search: both carry uri, author, record and indexedAt. */
    private Message message(JsonNode n, MessageKind kind) {
        JsonNode record = n.path("record");
        JsonNode author = n.path("author");
        String uri = n.path("uri").asText();
        String handle = author.path("handle").asText();
        String did = author.path("did").asText();
        JsonNode reply = record.path("reply");
        String parent = JsonFields.text(reply.path("parent"), "uri");
        String root = JsonFields.text(reply.path("root"), "uri");
        Author who = new Author(Platform.BLUESKY, handle, JsonFields.text(author, "displayName"),
                followers.getOrDefault(did, -1L), "https://bsky.app/profile/" + handle);
        return new Message(Platform.BLUESKY, name(), uri, who, Clip.text(record.path("text").asText("")), webUrl(handle, uri),
                createdAt(record, n), kind, parent, root == null ? uri : root);
    }

    /** {@code getProfiles} in batches of 25 for authors not seen yet; a failure leaves followers unknown (-1). */
    private void lookUpFollowers(List<JsonNode> notifications) throws DeliveryException {
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
                log.debug("{}: follower counts unknown for now ({})", name(), reply.status());
                return;
            }
            for (JsonNode p : reply.body().path("profiles")) {
                if (p.path("followersCount").isNumber()) {
                    followers.put(p.path("did").asText(), p.path("followersCount").asLong());
                }
            }
        }
    }

    /**
     * Replies under the customer's post: {@code reply.parent} is their post, {@code reply.root} the
     * root of its thread; their {@code @handle} first, as a mention facet; the record key derived
     * from the idempotency key, so a retry finds the first post instead of making a second.
     */
    @Override
    public SentReply reply(Message to, String text, String idempotencyKey) throws DeliveryException {
        if (BlueskyDms.isDm(to)) {
            return dms.send(to, text.strip(), idempotencyKey, session.tokens().did());
        }
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
        record.put("$type", POST);
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
        input.put("collection", POST);
        input.put("rkey", rkey);
        input.set("record", record);

        HttpReply created = session.send(token -> http.post("/xrpc/com.atproto.repo.createRecord")
                .bearer(token).json(input).send());
        if (created.ok()) {
            String uri = created.body().path("uri").asText();
            return new SentReply(uri, webUrl(me.handle(), uri), now);
        }
        if (created.status() != 429 && created.status() != 401 && created.status() != 403) {
            // The key may be taken by our own earlier attempt (the answer to it was lost): then it was sent.
            Optional<SentReply> earlier = findByKey(to, rkey);
            if (earlier.isPresent()) {
                log.info("{}: reply to {} was already posted as {}", name(), LogSafe.clean(to.externalId()),
                        LogSafe.clean(earlier.get().externalId()));
                return earlier.get();
            }
        }
        throw created.failure();
    }

    @Override
    public Optional<SentReply> findReply(Message to, String idempotencyKey) throws DeliveryException {
        if (BlueskyDms.isDm(to)) {
            return dms.find(to, idempotencyKey, session.tokens().did());
        }
        if (idempotencyKey != null) {
            return findByKey(to, Tid.forReply(to.createdAt(), idempotencyKey));
        }
        String brand = session.tokens().did();
        for (JsonNode item : ownFeed(brand)) {
            JsonNode post = item.path("post");
            if (to.externalId().equals(JsonFields.text(post.path("record").path("reply").path("parent"), "uri"))) {
                String uri = post.path("uri").asText();
                return Optional.of(new SentReply(uri, webUrl(session.tokens().handle(), uri),
                        createdAt(post.path("record"), post)));
            }
        }
        return Optional.empty();
    }

    /** {@code getRecord} for the reply's record key: there only if an earlier attempt got through. */
    private Optional<SentReply> findByKey(Message to, String rkey) throws DeliveryException {
        BlueskySession.Tokens me = session.tokens();
        HttpReply found = session.send(token -> http.get("/xrpc/com.atproto.repo.getRecord").bearer(token)
                .query("repo", me.did()).query("collection", POST).query("rkey", rkey).send());
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
        return Optional.of(new SentReply(uri, webUrl(me.handle(), uri), createdAt(value, value)));
    }

    /** The customer's post as the AppView has it (cid, author, its own reply references). */
    private JsonNode post(String uri) throws DeliveryException {
        JsonNode body = read(token -> http.get("/xrpc/app.bsky.feed.getPosts").bearer(token).query("uris", uri).send());
        JsonNode posts = body.path("posts");
        if (!posts.isArray() || posts.isEmpty()) {
            throw new DeliveryException(DeliveryException.Kind.REJECTED,
                    "the customer's post is gone or no longer visible to the brand");
        }
        return posts.get(0);
    }

    private JsonNode read(BlueskySession.Call call) throws DeliveryException {
        return session.send(call).orThrow();
    }

    @Override
    public int maxReplyLength() {
        return PostText.MAX_GRAPHEMES;
    }

    /** Graphemes, or a tenth of the UTF-8 bytes if that is more: see {@link PostText#length}. */
    @Override
    public int replyLength(String text) {
        return PostText.length(text);
    }

    /** A post is counted with the customer's handle in front, as {@link #reply} sends it; a DM as it is. */
    @Override
    public int replyLength(Conversation to, String text) {
        boolean dm = to.threadKey() != null && to.threadKey().startsWith(BlueskyDms.THREAD_PREFIX);
        return PostText.length(dm ? text.strip() : PostText.withMention(text, to.authorHandle()));
    }

    private static ObjectNode ref(String uri, String cid) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("uri", uri);
        node.put("cid", cid);
        return node;
    }

    private static Instant createdAt(JsonNode record, JsonNode fallback) {
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
