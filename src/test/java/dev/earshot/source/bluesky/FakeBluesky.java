package dev.earshot.source.bluesky;

import static dev.earshot.source.http.FakeHttpServer.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.earshot.source.http.FakeHttpServer;
import dev.earshot.source.http.FakeHttpServer.Request;
import dev.earshot.source.http.FakeHttpServer.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A PDS (with the AppView behind it) on 127.0.0.1: the XRPC methods Earshot uses, answering in the
 * lexicons' shapes (templates in {@code src/test/resources/bluesky/}). Sessions expire on demand;
 * a record key that is taken is refused, as a repository refuses a second record at one path.
 */
final class FakeBluesky implements AutoCloseable {
    static final String HANDLE = "acme.bsky.social";
    static final String PASSWORD = "canary-app-pass-9x2k";
    static final String BRAND = "did:plc:acmebrand0000000000000a";
    static final String POST = "app.bsky.feed.post";

    final FakeHttpServer http = new FakeHttpServer();
    volatile Clock clock;
    private int tokenSerial;
    private final Set<String> validAccess = new HashSet<>();
    private final Set<String> expiredAccess = new HashSet<>();
    private final Set<String> validRefresh = new HashSet<>();
    private final Map<String, ObjectNode> posts = new LinkedHashMap<>();
    private final List<ObjectNode> notifications = new ArrayList<>();
    private final Map<String, Long> followers = new HashMap<>();
    private final Map<String, ObjectNode> records = new LinkedHashMap<>();
    private long serial = 1_000;
    /** Records created through {@code createRecord}: what customers received. */
    final List<ObjectNode> created = new ArrayList<>();
    volatile boolean passwordRevoked;
    int logins;
    int refreshes;

    FakeBluesky(Clock clock) {
        this.clock = clock;
        http.route("POST", "/xrpc/com.atproto.server.createSession", locked(this::createSession));
        http.route("POST", "/xrpc/com.atproto.server.refreshSession", locked(this::refreshSession));
        http.route("GET", "/xrpc/app.bsky.notification.listNotifications", authed(this::listNotifications));
        http.route("GET", "/xrpc/app.bsky.actor.getProfiles", authed(this::getProfiles));
        http.route("GET", "/xrpc/app.bsky.feed.getAuthorFeed", authed(this::getAuthorFeed));
        http.route("GET", "/xrpc/app.bsky.feed.getPosts", authed(this::getPosts));
        http.route("POST", "/xrpc/com.atproto.repo.createRecord", authed(this::createRecord));
        http.route("GET", "/xrpc/com.atproto.repo.getRecord", authed(this::getRecord));
        http.route("GET", "/xrpc/app.bsky.feed.searchPosts", authed(this::searchPosts));
        http.route("GET", "/xrpc/chat.bsky.convo.listConvos", authed(chat(this::listConvos)));
        http.route("GET", "/xrpc/chat.bsky.convo.getMessages", authed(chat(this::getMessages)));
        http.route("POST", "/xrpc/chat.bsky.convo.sendMessage", authed(chat(this::sendMessage)));
    }

    private Function<Request, Response> locked(Function<Request, Response> h) {
        return r -> {
            synchronized (this) {
                return h.apply(r);
            }
        };
    }

    private Function<Request, Response> authed(Function<Request, Response> h) {
        return locked(r -> {
            String token = bearer(r);
            if (expiredAccess.contains(token)) {
                return Response.json(400, Map.of("error", "ExpiredToken", "message", "Token has expired"));
            }
            if (!validAccess.contains(token)) {
                return Response.json(401, Map.of("error", "InvalidToken", "message", "Token could not be verified"));
            }
            return h.apply(r);
        });
    }

    /** The chat service, reached through the PDS: only with the proxy header, only with DM access. */
    private Function<Request, Response> chat(Function<Request, Response> h) {
        return r -> {
            if (!"did:web:api.bsky.chat#bsky_chat".equals(r.header("atproto-proxy"))) {
                return Response.json(400, Map.of("error", "InvalidRequest", "message", "missing atproto-proxy"));
            }
            if (!dmAccess) {
                return Response.json(400, Map.of("error", "InvalidToken", "message", "Bad token scope"));
            }
            return h.apply(r);
        };
    }

    /** The app password was made without "Allow access to your direct messages". */
    volatile boolean dmAccess = true;
    private final Map<String, List<ObjectNode>> convos = new LinkedHashMap<>();
    private final Map<String, ObjectNode> convoMembers = new HashMap<>();

    /** A customer writes to the brand by DM; returns the message id. The conversation id is {@code convo-<did>}. */
    synchronized String dm(String did, String handle, String text, Instant at) {
        String convo = "convo-" + did.substring(did.lastIndexOf(':') + 1);
        ObjectNode member = FakeHttpServer.JSON.createObjectNode().put("did", did).put("handle", handle)
                .put("displayName", handle);
        convoMembers.put(convo, member);
        return addMessage(convo, did, text, at).path("id").asText();
    }

    /** The brand answers a DM from the Bluesky app. */
    synchronized String brandDm(String convo, String text) {
        return addMessage(convo, BRAND, text, clock.instant()).path("id").asText();
    }

    synchronized List<String> brandDms(String convo) {
        return convos.getOrDefault(convo, List.of()).stream()
                .filter(m -> m.path("sender").path("did").asText().equals(BRAND)).map(m -> m.path("text").asText())
                .toList();
    }

    private ObjectNode addMessage(String convo, String did, String text, Instant at) {
        ObjectNode m = FakeHttpServer.JSON.createObjectNode();
        String id = "3m" + (serial++);
        m.put("$type", "chat.bsky.convo.defs#messageView").put("id", id).put("rev", id).put("text", text)
                .put("sentAt", at.toString());
        m.putObject("sender").put("did", did);
        convos.computeIfAbsent(convo, c -> new ArrayList<>()).add(m);
        return m;
    }

    private Response listConvos(Request r) {
        List<String> ids = new ArrayList<>(convos.keySet());
        ids.sort(java.util.Comparator.comparing((String c) -> last(c).path("sentAt").asText()).reversed());
        ObjectNode out = FakeHttpServer.JSON.createObjectNode();
        ArrayNode list = out.putArray("convos");
        for (String id : ids) {
            ObjectNode c = list.addObject().put("id", id).put("rev", last(id).path("rev").asText())
                    .put("muted", false).put("unreadCount", 1);
            ArrayNode members = c.putArray("members");
            members.addObject().put("did", BRAND).put("handle", HANDLE);
            members.add(convoMembers.get(id));
            c.set("lastMessage", last(id));
        }
        return Response.ok(out);
    }

    private ObjectNode last(String convo) {
        List<ObjectNode> ms = convos.get(convo);
        return ms.get(ms.size() - 1);
    }

    private Response getMessages(Request r) {
        List<ObjectNode> ms = convos.get(r.param("convoId"));
        if (ms == null) {
            return Response.json(400, Map.of("error", "InvalidRequest", "message", "Convo not found"));
        }
        int limit = Integer.parseInt(r.param("limit") == null ? "50" : r.param("limit"));
        ObjectNode out = FakeHttpServer.JSON.createObjectNode();
        ArrayNode list = out.putArray("messages");
        for (int i = ms.size() - 1; i >= 0 && list.size() < limit; i--) {
            list.add(ms.get(i));
        }
        return Response.ok(out);
    }

    private Response sendMessage(Request r) {
        JsonNode in = r.json();
        String convo = in.path("convoId").asText();
        if (!convos.containsKey(convo)) {
            return Response.json(400, Map.of("error", "InvalidRequest", "message", "Convo not found"));
        }
        return Response.ok(addMessage(convo, BRAND, in.path("message").path("text").asText(), clock.instant()));
    }

    private static String bearer(Request r) {
        String h = r.header("Authorization");
        return h == null ? "" : h.replaceFirst("^Bearer ", "");
    }

    /** Every access token given out so far expires now. */
    synchronized void expireSessions() {
        expiredAccess.addAll(validAccess);
        validAccess.clear();
    }

    /** The app password is revoked: logins fail and every token stops working. */
    synchronized void revoke() {
        passwordRevoked = true;
        validAccess.clear();
        validRefresh.clear();
    }

    synchronized void restore() {
        passwordRevoked = false;
    }

    private Response createSession(Request r) {
        JsonNode body = r.json();
        logins++;
        if (passwordRevoked || !HANDLE.equals(body.path("identifier").asText())
                || !PASSWORD.equals(body.path("password").asText())) {
            return Response.json(401, Map.of("error", "AuthenticationRequired", "message", "Invalid identifier or password"));
        }
        return Response.ok(newSession());
    }

    private Response refreshSession(Request r) {
        String token = bearer(r);
        if (!validRefresh.remove(token)) {
            return Response.json(400, Map.of("error", "ExpiredToken", "message", "Token has expired"));
        }
        refreshes++;
        return Response.ok(newSession());
    }

    private ObjectNode newSession() {
        int n = ++tokenSerial;
        ObjectNode s = template("/bluesky/session.json");
        s.put("accessJwt", "access-" + n).put("refreshJwt", "refresh-" + n).put("did", BRAND).put("handle", HANDLE);
        validAccess.add("access-" + n);
        validRefresh.add("refresh-" + n);
        return s;
    }

    synchronized void followers(String did, long count) {
        followers.put(did, count);
    }

    /** A customer's post that reaches the brand, with its notification; returns its uri. */
    synchronized String post(String did, String handle, String text, String reason, String parentUri, Instant at) {
        ObjectNode post = newPost(did, handle, text, parentUri, at, "r" + (serial++));
        int start = text.indexOf("@" + HANDLE);
        if (start >= 0) {
            // A mention is a facet with UTF-8 byte offsets, as the apps write it.
            int byteStart = text.substring(0, start).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            ObjectNode facet = ((ObjectNode) post.path("record")).putArray("facets").addObject();
            facet.putObject("index").put("byteStart", byteStart).put("byteEnd", byteStart + HANDLE.length() + 1);
            facet.putArray("features").addObject().put("$type", "app.bsky.richtext.facet#mention").put("did", BRAND);
        }
        notify(post, reason, at);
        return post.path("uri").asText();
    }

    /** A post that does not reach the brand: found only by searching. */
    synchronized String publicPost(String did, String handle, String text, Instant at) {
        return newPost(did, handle, text, null, at, "p" + (serial++)).path("uri").asText();
    }

    /** A public post whose record claims an earlier {@code createdAt} than it was indexed at (back-dated). */
    synchronized String backdatedPost(String did, String handle, String text, Instant createdAt, Instant indexedAt) {
        ObjectNode post = newPost(did, handle, text, null, indexedAt, "p" + (serial++));
        ((ObjectNode) post.path("record")).put("createdAt", createdAt.toString());
        return post.path("uri").asText();
    }

    /** The brand posts from the Bluesky app. */
    synchronized String brandPost(String text, String parentUri) {
        return newPost(BRAND, HANDLE, text, parentUri, clock.instant(), "b" + (serial++)).path("uri").asText();
    }

    synchronized void echo(String uri, String reason) {
        notify(posts.get(uri), reason, clock.instant());
    }

    private ObjectNode newPost(String did, String handle, String text, String parentUri, Instant at, String rkey) {
        ObjectNode post = template("/bluesky/post.json");
        String uri = "at://" + did + "/" + POST + "/" + rkey;
        post.put("uri", uri).put("cid", "bafy" + uri.hashCode()).put("indexedAt", at.toString());
        ((ObjectNode) post.path("author")).put("did", did).put("handle", handle).put("displayName", handle);
        ObjectNode record = (ObjectNode) post.path("record");
        record.put("text", text).put("createdAt", at.toString());
        if (parentUri != null) {
            record.set("reply", replyRefs(parentUri));
        }
        posts.put(uri, post);
        return post;
    }

    private ObjectNode replyRefs(String parentUri) {
        ObjectNode parent = posts.get(parentUri);
        ObjectNode reply = FakeHttpServer.JSON.createObjectNode();
        ObjectNode p = reply.putObject("parent").put("uri", parentUri).put("cid", parent.path("cid").asText());
        JsonNode root = parent.path("record").path("reply").path("root");
        reply.set("root", root.isObject() ? root.deepCopy() : p.deepCopy());
        return reply;
    }

    private void notify(ObjectNode post, String reason, Instant at) {
        ObjectNode n = template("/bluesky/notification.json");
        n.put("uri", post.path("uri").asText()).put("cid", post.path("cid").asText()).put("reason", reason)
                .put("indexedAt", at.toString());
        ((ObjectNode) n.path("author")).put("did", post.path("author").path("did").asText())
                .put("handle", post.path("author").path("handle").asText())
                .put("displayName", post.path("author").path("displayName").asText());
        n.set("record", post.path("record").deepCopy());
        notifications.add(n);
    }

    private Response listNotifications(Request r) {
        List<String> reasons = r.params("reasons");
        int limit = Integer.parseInt(r.param("limit") == null ? "50" : r.param("limit"));
        int from = r.param("cursor") == null ? 0 : Integer.parseInt(r.param("cursor"));
        List<ObjectNode> newestFirst = new ArrayList<>();
        for (int i = notifications.size() - 1; i >= 0; i--) {
            if (reasons.isEmpty() || reasons.contains(notifications.get(i).path("reason").asText())) {
                newestFirst.add(notifications.get(i));
            }
        }
        ObjectNode out = FakeHttpServer.JSON.createObjectNode();
        ArrayNode list = out.putArray("notifications");
        int to = Math.min(newestFirst.size(), from + limit);
        newestFirst.subList(Math.min(from, to), to).forEach(list::add);
        if (to < newestFirst.size()) {
            out.put("cursor", Integer.toString(to));
        }
        return Response.ok(out);
    }

    private Response getProfiles(Request r) {
        ObjectNode out = FakeHttpServer.JSON.createObjectNode();
        ArrayNode profiles = out.putArray("profiles");
        for (String did : r.params("actors")) {
            ObjectNode p = template("/bluesky/profile.json");
            p.put("did", did).put("followersCount", followers.getOrDefault(did, 0L));
            profiles.add(p);
        }
        return Response.ok(out);
    }

    private Response getAuthorFeed(Request r) {
        String actor = r.param("actor");
        int limit = Integer.parseInt(r.param("limit"));
        List<ObjectNode> mine = posts.values().stream()
                .filter(p -> p.path("author").path("did").asText().equals(actor)).toList();
        ObjectNode out = FakeHttpServer.JSON.createObjectNode();
        ArrayNode feed = out.putArray("feed");
        for (int i = mine.size() - 1; i >= 0 && feed.size() < limit; i--) {
            feed.addObject().set("post", mine.get(i));
        }
        return Response.ok(out);
    }

    /** {@code sort=latest}: newest first, {@code since} inclusive, paged with an offset cursor. */
    private Response searchPosts(Request r) {
        if (!"latest".equals(r.param("sort"))) {
            return Response.json(400, Map.of("error", "InvalidRequest", "message", "expected sort=latest"));
        }
        String q = r.param("q").replace("\"", "").toLowerCase(java.util.Locale.ROOT);
        Instant since = r.param("since") == null ? Instant.EPOCH : Instant.parse(r.param("since"));
        int limit = Integer.parseInt(r.param("limit") == null ? "25" : r.param("limit"));
        int from = r.param("cursor") == null ? 0 : Integer.parseInt(r.param("cursor"));
        List<ObjectNode> found = new ArrayList<>();
        for (ObjectNode p : posts.values()) {
            if (p.path("record").path("text").asText().toLowerCase(java.util.Locale.ROOT).contains(q)
                    && !sortAt(p).isBefore(since)) {
                found.add(0, p);
            }
        }
        found.sort(java.util.Comparator.comparing(FakeBluesky::sortAt).reversed());
        ObjectNode out = FakeHttpServer.JSON.createObjectNode();
        ArrayNode list = out.putArray("posts");
        int to = Math.min(found.size(), from + limit);
        found.subList(Math.min(from, to), to).forEach(list::add);
        if (to < found.size()) {
            out.put("cursor", Integer.toString(to));
        }
        out.put("hitsTotal", found.size());
        return Response.ok(out);
    }

    /** As the AppView sorts (and filters {@code since}): the earlier of createdAt and indexedAt. */
    private static Instant sortAt(ObjectNode p) {
        Instant indexed = Instant.parse(p.path("indexedAt").asText());
        Instant created = Instant.parse(p.path("record").path("createdAt").asText());
        return created.isBefore(indexed) ? created : indexed;
    }

    private Response getPosts(Request r) {
        ObjectNode out = FakeHttpServer.JSON.createObjectNode();
        ArrayNode list = out.putArray("posts");
        for (String uri : r.params("uris")) {
            if (posts.containsKey(uri)) {
                list.add(posts.get(uri));
            }
        }
        return Response.ok(out);
    }

    private Response createRecord(Request r) {
        JsonNode in = r.json();
        String rkey = in.path("rkey").asText();
        String uri = "at://" + in.path("repo").asText() + "/" + in.path("collection").asText() + "/" + rkey;
        if (records.containsKey(uri)) {
            return Response.json(400, template("/bluesky/error.json"));
        }
        ObjectNode record = (ObjectNode) in.path("record").deepCopy();
        records.put(uri, record);
        created.add(record);
        ObjectNode post = newPost(BRAND, HANDLE, record.path("text").asText(), null, clock.instant(), rkey);
        post.set("record", record);
        ObjectNode out = FakeHttpServer.JSON.createObjectNode();
        out.put("uri", uri).put("cid", post.path("cid").asText()).put("validationStatus", "valid");
        out.putObject("commit").put("cid", "bafycommit" + created.size()).put("rev", "3l" + created.size());
        return Response.ok(out);
    }

    private Response getRecord(Request r) {
        String uri = "at://" + r.param("repo") + "/" + r.param("collection") + "/" + r.param("rkey");
        ObjectNode record = records.get(uri);
        if (record == null) {
            return Response.json(400, Map.of("error", "RecordNotFound", "message", "Could not locate record: " + uri));
        }
        ObjectNode out = FakeHttpServer.JSON.createObjectNode();
        out.put("uri", uri).put("cid", posts.get(uri).path("cid").asText());
        out.set("value", record);
        return Response.ok(out);
    }

    @Override
    public void close() {
        http.close();
    }
}
