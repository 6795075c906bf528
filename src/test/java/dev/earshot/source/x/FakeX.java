package dev.earshot.source.x;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.earshot.testing.TestClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A local X API v2 on 127.0.0.1 answering the four calls Earshot makes with the JSON shapes X
 * documents (error bodies are kept in {@code src/test/resources/x/}). It keeps posts like X
 * does (newest first, the mentions timeline capped at 800), checks every OAuth 1.0a signature
 * the way X would, sends rate-limit headers, and fails on demand: an error answer, or a write
 * applied whose connection is then dropped.
 */
final class FakeX implements AutoCloseable {
    static final String BRAND_ID = "1000";
    static final String BRAND = "acme";
    static final String API_KEY = "ck-canary-4711";
    static final String API_SECRET = "cs-canary-4711";
    static final String TOKEN = "1000-at-canary-4711";
    static final String TOKEN_SECRET = "ats-canary-4711";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern USER_PATH = Pattern.compile("/2/users/(\\d+)/(mentions|tweets)");

    record Post(String id, String authorId, String text, Instant createdAt, String conversationId,
                String inReplyToUserId, String repliedTo, String quoted, boolean retweet) {
    }

    record User(String id, String username, String name, long followers) {
    }

    /** One request as the fake saw it; {@code signed} says whether its OAuth signature verified. */
    record Request(String method, String path, Map<String, String> query, String authorization, String body,
                   boolean signed) {
    }

    private record Fault(String method, String pathEnd, int status, String resource, Map<String, String> headers,
                         boolean dropAfterApply, int skip) {
    }

    private final TestClock clock;
    private final HttpServer server;
    private final List<Post> posts = new ArrayList<>();
    private final Map<String, User> users = new HashMap<>();
    private final Set<String> alsoMentions = new HashSet<>();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final List<Request> requests = new ArrayList<>();
    private final Map<String, Integer> remaining = new HashMap<>();
    private final Map<String, Instant> reset = new HashMap<>();
    private Duration ownLag = Duration.ZERO;
    private int sequence;
    private int replays;
    private boolean bareNext;

    static {
        // Without it every answer waits on a delayed ACK (headers and body go in two writes).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    FakeX(TestClock clock) {
        this.clock = clock;
        users.put(BRAND_ID, new User(BRAND_ID, BRAND, "Acme Support", 50_000));
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    // ---- the world -------------------------------------------------------------------------

    synchronized User user(String id, String username, String name, long followers) {
        User u = new User(id, username, name, followers);
        users.put(id, u);
        return u;
    }

    /** A customer mentions the brand {@code ago} before now. */
    synchronized Post mention(User author, String text, Duration ago) {
        return add(author.id(), text, clock.instant().minus(ago), null, null, null, false);
    }

    /** {@code author} replies to {@code parent} (its author is who they reply to). */
    synchronized Post reply(User author, Post parent, String text) {
        return add(author.id(), text, clock.instant(), parent.conversationId(), parent.authorId(), parent.id(), false);
    }

    synchronized Post quote(User author, Post quoted, String text) {
        Post p = add(author.id(), text, clock.instant(), null, null, null, false);
        Post q = new Post(p.id(), p.authorId(), p.text(), p.createdAt(), p.conversationId(), null, null, quoted.id(),
                false);
        posts.set(posts.size() - 1, q);
        return q;
    }

    synchronized Post retweet(User author, Post original) {
        Post p = add(author.id(), "RT @" + users.get(original.authorId()).username() + ": " + original.text(),
                clock.instant(), null, null, null, true);
        return p;
    }

    /** The brand answers from the X app, not through Earshot. */
    synchronized Post brandReply(Post parent, String text) {
        return reply(users.get(BRAND_ID), parent, text);
    }

    /** Puts a post in the mentions timeline although it does not name the brand (X does, at times). */
    synchronized void alsoMention(String postId) {
        alsoMentions.add(postId);
    }

    /**
     * The brand's own timeline shows a post only {@code lag} after it was made (by the test clock),
     * as X's timelines lag behind its writes; X still refuses the same text again at once.
     */
    synchronized void lagOwnTimeline(Duration lag) {
        ownLag = lag;
    }

    /** The next mentions request ignores its since_id once, as if X sent old posts again. */
    synchronized void replayOnce() {
        replays++;
    }

    private Post add(String author, String text, Instant at, String conversation, String inReplyToUser,
                     String repliedTo, boolean retweet) {
        String id = XCursor.idAt(at, ++sequence);
        Post p = new Post(id, author, text, at, conversation == null ? id : conversation, inReplyToUser, repliedTo,
                null, retweet);
        posts.add(p);
        return p;
    }

    synchronized List<Post> postsBy(String authorId) {
        return posts.stream().filter(p -> p.authorId().equals(authorId)).toList();
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    synchronized List<Request> requests(String method, String pathEnd) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().endsWith(pathEnd)).toList();
    }

    // ---- failures and limits ------------------------------------------------------------------

    /** The next request to a path ending so answers {@code status} with a documented body. */
    synchronized void failNext(String method, String pathEnd, int status, String resource, Map<String, String> headers) {
        faults.add(new Fault(method, pathEnd, status, resource, headers, false, 0));
    }

    /** Lets {@code skip} matching requests through, then fails the next one. */
    synchronized void failLater(int skip, String method, String pathEnd, int status, String resource) {
        faults.add(new Fault(method, pathEnd, status, resource, Map.of(), false, skip));
    }

    /** The next POST /2/tweets is applied (the post exists) but the connection drops before the answer. */
    /** The next POST to a path ending so is applied, but the connection drops before the answer. */
    synchronized void dropNextAfterApplying(String pathEnd) {
        faults.add(new Fault("POST", pathEnd, 0, null, Map.of(), true, 0));
    }

    synchronized void dropNextPostAfterApplying() {
        faults.add(new Fault("POST", "/2/tweets", 0, null, Map.of(), true, 0));
    }

    /** The next answer carries no x-rate-limit-* header at all. */
    synchronized void noRateLimitHeadersNext() {
        bareNext = true;
    }

    /** What the next answers of a path ending so say in x-rate-limit-remaining / -reset. */
    synchronized void rateLimit(String pathEnd, int left, Instant resetAt) {
        remaining.put(pathEnd, left);
        reset.put(pathEnd, resetAt);
    }

    // ---- HTTP ----------------------------------------------------------------------------

    private void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getRawPath();
        Map<String, String> query = query(ex.getRequestURI().getRawQuery());
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String authorization = ex.getRequestHeaders().getFirst("Authorization");
        boolean signed = verify(method, path, query, authorization);
        Fault fault;
        synchronized (this) {
            requests.add(new Request(method, path, query, authorization, body, signed));
            fault = faults.stream().filter(f -> f.method().equals(method) && path.endsWith(f.pathEnd()))
                    .findFirst().orElse(null);
            if (fault != null && fault.skip() > 0) {
                faults.remove(fault);
                faults.addFirst(new Fault(fault.method(), fault.pathEnd(), fault.status(), fault.resource(),
                        fault.headers(), fault.dropAfterApply(), fault.skip() - 1));
                fault = null;
            } else if (fault != null) {
                faults.remove(fault);
            }
        }
        if (!signed) {
            answer(ex, 401, resource("error_401.json"), Map.of());
            return;
        }
        if (fault != null && !fault.dropAfterApply()) {
            answer(ex, fault.status(), resource(fault.resource()), fault.headers());
            return;
        }
        JsonNode result;
        int status = 200;
        synchronized (this) {
            Matcher m = USER_PATH.matcher(path);
            if (method.equals("GET") && path.equals("/2/users/me")) {
                result = JSON.readTree(resource("users_me.json"));
            } else if (method.equals("GET") && m.matches() && m.group(1).equals(BRAND_ID)) {
                if (!validPageSize(query)) {
                    answer(ex, 400, resource("error_400.json"), Map.of());
                    return;
                }
                result = m.group(2).equals("mentions") ? page(mentions(query), query, true)
                        : page(own(query), query, false);
            } else if (method.equals("GET") && path.equals("/2/dm_events")) {
                result = dmPage(dms, query);
            } else if (method.equals("GET") && path.matches("/2/dm_conversations/[^/]+/dm_events")) {
                String convo = path.split("/")[3];
                result = dmPage(dms.stream().filter(d -> d.conversation().equals(convo)).toList(), query);
            } else if (method.equals("POST") && path.matches("/2/dm_conversations/[^/]+/messages")) {
                String convo = path.split("/")[3];
                if (dms.stream().noneMatch(d -> d.conversation().equals(convo))) {
                    answer(ex, 400, resource("error_400.json"), Map.of());
                    return;
                }
                Dm sent = addDm(BRAND_ID, convo, JSON.readTree(body).path("text").asText(), clock.instant());
                ObjectNode data = JSON.createObjectNode();
                data.putObject("data").put("dm_conversation_id", convo).put("dm_event_id", sent.id());
                result = data;
                status = 201;
            } else if (method.equals("GET") && path.equals("/2/tweets/search/recent")) {
                int max = Integer.parseInt(query.getOrDefault("max_results", "10"));
                if (max < 10 || max > 100 || query.containsKey("pagination_token")) {
                    answer(ex, 400, resource("error_400.json"), Map.of());
                    return;
                }
                result = page(search(query), query, true);
            } else if (method.equals("POST") && path.equals("/2/tweets")) {
                JsonNode in = JSON.readTree(body);
                String text = in.path("text").asText();
                String parent = in.path("reply").path("in_reply_to_tweet_id").asText(null);
                if (postsBy(BRAND_ID).stream().anyMatch(p -> p.text().equals(text))) {
                    answer(ex, 403, resource("error_403_duplicate.json"), Map.of());
                    return;
                }
                Post parentPost = posts.stream().filter(p -> p.id().equals(parent)).findFirst().orElse(null);
                if (parentPost == null) {
                    answer(ex, 400, resource("error_400.json"), Map.of());
                    return;
                }
                Post created = reply(users.get(BRAND_ID), parentPost, text);
                ObjectNode data = JSON.createObjectNode();
                data.putObject("data").put("id", created.id()).put("text", created.text())
                        .putArray("edit_history_tweet_ids").add(created.id());
                result = data;
                status = 201;
            } else {
                answer(ex, 404, "{\"title\":\"Not Found Error\",\"type\":\"about:blank\",\"status\":404}", Map.of());
                return;
            }
        }
        if (fault != null && fault.dropAfterApply()) {
            // The write is applied; the connection closes before any byte of the answer.
            throw new IOException("fake: connection dropped after applying the write");
        }
        answer(ex, status, result.toString(), Map.of());
    }

    private static boolean validPageSize(Map<String, String> query) {
        String max = query.get("max_results");
        if (max == null) {
            return true;
        }
        int n = Integer.parseInt(max);
        return n >= 5 && n <= 100;
    }

    private List<Post> mentions(Map<String, String> query) {
        List<Post> timeline = posts.stream()
                .filter(p -> p.text().toLowerCase(Locale.ROOT).contains("@" + BRAND) || alsoMentions.contains(p.id()))
                .sorted(Comparator.comparing(Post::id, XCursor::compareIds).reversed())
                .limit(800)
                .toList();
        if (replays > 0 && query.containsKey("since_id")) {
            replays--;
            Map<String, String> q = new HashMap<>(query);
            q.remove("since_id");
            return bounded(timeline, q);
        }
        return bounded(timeline, query);
    }

    /**
     * Recent search for the queries Earshot writes: {@code <words or "phrase"> -from:<id> -is:retweet},
     * newest first, the last seven days.
     */
    private List<Post> search(Map<String, String> query) {
        Matcher q = Pattern.compile("(.+) -from:(\\w+) -is:retweet").matcher(query.get("query"));
        if (!q.matches()) {
            throw new IllegalArgumentException("unexpected query " + query.get("query"));
        }
        String words = q.group(1).replace("\"", "").toLowerCase(Locale.ROOT);
        String from = q.group(2);
        Instant week = clock.instant().minus(Duration.ofDays(7));
        List<Post> found = posts.stream()
                .filter(p -> p.text().toLowerCase(Locale.ROOT).contains(words))
                .filter(p -> !p.authorId().equals(from) && !from.equals(users.get(p.authorId()).username()))
                .filter(p -> !p.retweet() && !p.createdAt().isBefore(week))
                .sorted(Comparator.comparing(Post::id, XCursor::compareIds).reversed())
                .toList();
        return bounded(found, query);
    }

    record Dm(String id, String sender, String conversation, String text, Instant createdAt) {
    }

    private final List<Dm> dms = new ArrayList<>();

    /** {@code author} writes to the brand by DM {@code ago} before now; the conversation is {@code <author>-1000}. */
    synchronized Dm dm(User author, String text, Duration ago) {
        return addDm(author.id(), author.id() + "-" + BRAND_ID, text, clock.instant().minus(ago));
    }

    /** The brand answers a DM from the X app. */
    synchronized Dm brandDm(String conversation, String text) {
        return addDm(BRAND_ID, conversation, text, clock.instant());
    }

    synchronized List<String> brandDms(String conversation) {
        return dms.stream().filter(d -> d.sender().equals(BRAND_ID) && d.conversation().equals(conversation))
                .map(Dm::text).toList();
    }

    private Dm addDm(String sender, String conversation, String text, Instant at) {
        Dm d = new Dm(XCursor.idAt(at, ++sequence), sender, conversation, text, at);
        dms.add(d);
        return d;
    }

    /** DM events in X's documented shape, newest first, paged with pagination_token. */
    private JsonNode dmPage(List<Dm> all, Map<String, String> query) {
        List<Dm> sorted = all.stream().sorted(Comparator.comparing(Dm::id, XCursor::compareIds).reversed()).toList();
        int size = Integer.parseInt(query.getOrDefault("max_results", "100"));
        String token = query.get("pagination_token");
        int from = token == null ? 0 : Integer.parseInt(token.substring(5));
        List<Dm> page = sorted.subList(Math.min(from, sorted.size()), Math.min(from + size, sorted.size()));
        ObjectNode root = JSON.createObjectNode();
        ArrayNode data = root.putArray("data");
        for (Dm d : page) {
            data.addObject().put("id", d.id()).put("event_type", "MessageCreate").put("text", d.text())
                    .put("sender_id", d.sender()).put("dm_conversation_id", d.conversation())
                    .put("created_at", d.createdAt().toString());
        }
        ArrayNode includes = root.putObject("includes").putArray("users");
        page.stream().map(Dm::sender).distinct().map(users::get).forEach(u -> {
            ObjectNode n = includes.addObject();
            n.put("id", u.id()).put("name", u.name()).put("username", u.username());
            n.putObject("public_metrics").put("followers_count", u.followers());
        });
        ObjectNode meta = root.putObject("meta");
        meta.put("result_count", page.size());
        if (from + size < sorted.size()) {
            meta.put("next_token", "page-" + (from + size));
        }
        return root;
    }

    /** Someone posts without naming the brand: found only by searching. */
    synchronized Post post(User author, String text, Duration ago) {
        return add(author.id(), text, clock.instant().minus(ago), null, null, null, false);
    }

    private List<Post> own(Map<String, String> query) {
        List<Post> timeline = posts.stream()
                .filter(p -> p.authorId().equals(BRAND_ID))
                .filter(p -> !p.createdAt().plus(ownLag).isAfter(clock.instant()))
                .filter(p -> !(p.retweet() && "retweets".equals(query.get("exclude"))))
                .sorted(Comparator.comparing(Post::id, XCursor::compareIds).reversed())
                .limit(3200)
                .toList();
        return bounded(timeline, query);
    }

    private static List<Post> bounded(List<Post> timeline, Map<String, String> query) {
        String since = query.get("since_id");
        Instant start = query.containsKey("start_time") ? Instant.parse(query.get("start_time")) : null;
        return timeline.stream()
                .filter(p -> since == null || XCursor.compareIds(p.id(), since) > 0)
                .filter(p -> start == null || !p.createdAt().isBefore(start))
                .toList();
    }

    /** One page in X's documented shape: data, includes.users, meta with next_token. */
    private JsonNode page(List<Post> all, Map<String, String> query, boolean expandAuthors) {
        int size = Integer.parseInt(query.getOrDefault("max_results", "10"));
        String token = query.getOrDefault("pagination_token", query.get("next_token"));
        // A token this fake did not hand out (one from a canned page) reads past the end.
        int from = token == null ? 0 : token.startsWith("page-") ? Integer.parseInt(token.substring(5)) : all.size();
        List<Post> page = all.subList(Math.min(from, all.size()), Math.min(from + size, all.size()));
        ObjectNode root = JSON.createObjectNode();
        if (!page.isEmpty()) {
            ArrayNode data = root.putArray("data");
            for (Post p : page) {
                ObjectNode d = data.addObject();
                d.put("id", p.id());
                d.put("text", p.text().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
                d.putArray("edit_history_tweet_ids").add(p.id());
                d.put("author_id", p.authorId());
                d.put("created_at", p.createdAt().toString().replaceAll("(\\d{2}:\\d{2}:\\d{2})Z$", "$1.000Z"));
                d.put("conversation_id", p.conversationId());
                if (p.inReplyToUserId() != null) {
                    d.put("in_reply_to_user_id", p.inReplyToUserId());
                }
                ArrayNode refs = JSON.createArrayNode();
                if (p.repliedTo() != null) {
                    refs.addObject().put("type", "replied_to").put("id", p.repliedTo());
                }
                if (p.quoted() != null) {
                    refs.addObject().put("type", "quoted").put("id", p.quoted());
                }
                if (p.retweet()) {
                    refs.addObject().put("type", "retweeted").put("id", "1");
                }
                if (!refs.isEmpty()) {
                    d.set("referenced_tweets", refs);
                }
            }
            if (expandAuthors) {
                ArrayNode includes = root.putObject("includes").putArray("users");
                page.stream().map(Post::authorId).distinct().map(users::get).forEach(u -> {
                    ObjectNode n = includes.addObject();
                    n.put("id", u.id()).put("name", u.name()).put("username", u.username());
                    n.putObject("public_metrics").put("followers_count", u.followers()).put("following_count", 10)
                            .put("tweet_count", 100).put("listed_count", 1).put("like_count", 5);
                });
            }
        }
        ObjectNode meta = root.putObject("meta");
        meta.put("result_count", page.size());
        if (!page.isEmpty()) {
            meta.put("newest_id", page.get(0).id()).put("oldest_id", page.get(page.size() - 1).id());
        }
        if (from + size < all.size()) {
            meta.put("next_token", "page-" + (from + size));
        }
        return root;
    }

    private void answer(HttpExchange ex, int status, String body, Map<String, String> extra) throws IOException {
        String path = ex.getRequestURI().getPath();
        synchronized (this) {
            if (bareNext) {
                bareNext = false;
                extra.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(status, bytes.length);
                ex.getResponseBody().write(bytes);
                ex.close();
                return;
            }
            String key = remaining.keySet().stream().filter(path::endsWith).findFirst().orElse(null);
            int left = key == null ? 50 : remaining.get(key);
            Instant at = key == null ? clock.instant().plus(Duration.ofMinutes(15)) : reset.get(key);
            ex.getResponseHeaders().add("x-rate-limit-limit", "75");
            ex.getResponseHeaders().add("x-rate-limit-remaining", Integer.toString(left));
            ex.getResponseHeaders().add("x-rate-limit-reset", Long.toString(at.getEpochSecond()));
        }
        extra.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    static String resource(String name) {
        try (InputStream in = FakeX.class.getResourceAsStream("/x/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource x/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new TreeMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            q.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return q;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    // ---- OAuth 1.0a, checked independently of Twitter4J (RFC 5849, HMAC-SHA1) -----------------

    /** Header fields of an {@code Authorization: OAuth …} header, decoded; empty when malformed. */
    static Map<String, String> oauthFields(String header) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (header == null || !header.startsWith("OAuth ")) {
            return fields;
        }
        Matcher m = Pattern.compile("\\s*([a-z_]+)=\"([^\"]*)\"\\s*(,|$)").matcher(header.substring(6));
        int end = 0;
        while (m.find() && m.start() == end) {
            fields.put(m.group(1), decode(m.group(2)));
            end = m.end();
        }
        return end == header.length() - 6 ? fields : Map.of();
    }

    private boolean verify(String method, String path, Map<String, String> query, String header) {
        Map<String, String> oauth = oauthFields(header);
        if (!API_KEY.equals(oauth.get("oauth_consumer_key")) || !TOKEN.equals(oauth.get("oauth_token"))
                || !"HMAC-SHA1".equals(oauth.get("oauth_signature_method")) || !"1.0".equals(oauth.get("oauth_version"))
                || oauth.get("oauth_nonce") == null || oauth.get("oauth_timestamp") == null) {
            return false;
        }
        TreeMap<String, String> params = new TreeMap<>(query);
        oauth.forEach((k, v) -> {
            if (!k.equals("oauth_signature") && !k.equals("realm")) {
                params.put(k, v);
            }
        });
        StringBuilder normalized = new StringBuilder();
        params.forEach((k, v) -> normalized.append(normalized.length() == 0 ? "" : "&")
                .append(percent(k)).append('=').append(percent(v)));
        String base = method + "&" + percent(base() + path) + "&" + percent(normalized.toString());
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec((percent(API_SECRET) + "&" + percent(TOKEN_SECRET))
                    .getBytes(StandardCharsets.US_ASCII), "HmacSHA1"));
            String expected = Base64.getEncoder().encodeToString(mac.doFinal(base.getBytes(StandardCharsets.UTF_8)));
            return expected.equals(oauth.get("oauth_signature"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 3986 percent-encoding, as OAuth 1.0a signs. */
    private static String percent(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
