package dev.earshot.source.reddit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.earshot.source.http.FakeHttpServer;
import dev.earshot.source.http.FakeHttpServer.Request;
import dev.earshot.source.http.FakeHttpServer.Response;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Reddit on 127.0.0.1: the token endpoint of www.reddit.com (password grant, basic auth) and the
 * oauth.reddit.com endpoints Earshot uses, in the shapes Reddit sends (listings of {@code kind} +
 * {@code data}, newest first, paged with {@code after}; {@code /api/comment}'s {@code json} wrapper),
 * with its rate-limit headers on every API answer. Both hosts are this one server.
 */
final class FakeReddit implements AutoCloseable {
    static final String CLIENT_ID = "canary-reddit-client-4d1e";
    static final String CLIENT_SECRET = "canary-reddit-secret-9b2c";
    static final String PASSWORD = "canary-reddit-password-77aa";
    static final String BRAND = "AcmeSupport";

    final FakeHttpServer http = new FakeHttpServer();
    volatile Clock clock;
    /** Customers' comments addressed to the brand (inbox items), newest last. */
    private final List<ObjectNode> inbox = new ArrayList<>();
    /** The brand's comments, newest last. */
    final List<ObjectNode> brandComments = new ArrayList<>();
    /** Posts in subreddits, newest last. */
    private final List<ObjectNode> posts = new ArrayList<>();
    /** Comments made through {@code /api/comment}: what customers received. */
    final List<ObjectNode> posted = new ArrayList<>();
    volatile boolean refuseClient;
    volatile boolean refusePassword;
    volatile long expiresIn = 3600;
    private int nextId = 1000;
    private int tokens;
    volatile String validToken = "none";
    final List<String> userAgents = new ArrayList<>();

    FakeReddit(Clock clock) {
        this.clock = clock;
        http.route("POST", "/api/v1/access_token", this::token);
        http.route("GET", "/message/inbox", api(r -> listing(inbox, r, x -> true)));
        http.route("GET", "/user/(\\w+)/comments", api(r -> listing(brandComments, r, x -> true)));
        http.route("GET", "/r/([\\w+]+)/search", api(this::search));
        http.route("POST", "/api/comment", api(this::comment));
    }

    String base() {
        return http.uri().toString();
    }

    private synchronized Response token(Request r) {
        String basic = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        if (refuseClient || !basic.equals(r.header("Authorization"))) {
            return Response.json(401, Map.of("message", "Unauthorized", "error", 401));
        }
        Map<String, String> form = r.form();
        if (refusePassword || !"password".equals(form.get("grant_type")) || !BRAND.equals(form.get("username"))
                || !PASSWORD.equals(form.get("password"))) {
            return Response.ok(Map.of("error", "invalid_grant"));
        }
        validToken = "canary-reddit-token-" + (++tokens);
        return Response.ok(Map.of("access_token", validToken, "token_type", "bearer", "expires_in", expiresIn,
                "scope", "identity read privatemessages submit history"));
    }

    int tokensIssued() {
        return tokens;
    }

    private Function<Request, Response> api(Function<Request, Response> h) {
        return r -> {
            synchronized (this) {
                userAgents.add(r.header("User-Agent"));
                if (!("Bearer " + validToken).equals(r.header("Authorization"))) {
                    return Response.json(401, Map.of("message", "Unauthorized", "error", 401));
                }
                Response answer = h.apply(r);
                Map<String, String> headers = new java.util.LinkedHashMap<>(answer.headers());
                headers.putIfAbsent("X-Ratelimit-Used", "4");
                headers.putIfAbsent("X-Ratelimit-Remaining", "596.0");
                headers.putIfAbsent("X-Ratelimit-Reset", "300");
                return new Response(answer.status(), headers, answer.body(), answer.drop(), answer.stream());
            }
        };
    }

    /** A customer's comment in the brand's inbox: {@code type} is comment_reply, post_reply or username_mention. */
    synchronized ObjectNode inboxComment(String author, String body, String type, String postId, Instant at) {
        String id = Integer.toString(nextId++, 36);
        ObjectNode d = FakeHttpServer.JSON.createObjectNode();
        d.put("id", id).put("name", "t1_" + id).put("author", author).put("body", body)
                .put("body_html", "&lt;div class=\"md\"&gt;" + body + "&lt;/div&gt;")
                .put("created_utc", (double) at.getEpochSecond()).put("created", (double) at.getEpochSecond() - 28800)
                .put("type", type).put("was_comment", true).put("new", true).put("dest", BRAND)
                .put("subject", type.replace('_', ' ')).put("subreddit", "acme")
                .put("parent_id", type.equals("post_reply") ? "t3_" + postId : "t1_parent" + id)
                .put("context", "/r/acme/comments/" + postId + "/help/" + id + "/?context=3")
                .put("link_title", "Help with the app");
        inbox.add(d);
        return d;
    }

    synchronized ObjectNode post(String subreddit, String author, String title, String selftext, Instant at) {
        String id = Integer.toString(nextId++, 36);
        ObjectNode d = FakeHttpServer.JSON.createObjectNode();
        d.put("id", id).put("name", "t3_" + id).put("author", author).put("title", title).put("selftext", selftext)
                .put("subreddit", subreddit).put("created_utc", (double) at.getEpochSecond())
                .put("permalink", "/r/" + subreddit + "/comments/" + id + "/post/");
        posts.add(d);
        return d;
    }

    /** The brand answers from Reddit itself, not through Earshot. */
    synchronized ObjectNode brandComment(String parent, String body, Instant at) {
        String id = Integer.toString(nextId++, 36);
        ObjectNode d = FakeHttpServer.JSON.createObjectNode();
        d.put("id", id).put("name", "t1_" + id).put("author", BRAND).put("body", body).put("parent_id", parent)
                .put("created_utc", (double) at.getEpochSecond())
                .put("permalink", "/r/acme/comments/abc/help/" + id + "/");
        brandComments.add(d);
        return d;
    }

    private Response comment(Request r) {
        Map<String, String> form = r.form();
        if (!"json".equals(form.get("api_type"))) {
            return Response.ok(Map.of("jquery", List.of()));
        }
        String text = form.getOrDefault("text", "");
        if (text.isBlank()) {
            return Response.ok(Map.of("json", Map.of("errors", List.of(List.of("NO_TEXT", "we need something here", "text")))));
        }
        if (text.length() > 10_000) {
            return Response.ok(Map.of("json", Map.of("errors", List.of(List.of("TOO_LONG",
                    "this is too long (max: 10000)", "text")))));
        }
        ObjectNode c = brandComment(form.get("thing_id"), text, clock.instant());
        posted.add(c);
        ObjectNode out = FakeHttpServer.JSON.createObjectNode();
        ObjectNode json = out.putObject("json");
        json.putArray("errors");
        ArrayNode things = json.putObject("data").putArray("things");
        things.addObject().put("kind", "t1").set("data", c);
        return Response.ok(out.toString());
    }

    private Response search(Request r) {
        List<String> subs = List.of(r.group(1).toLowerCase(Locale.ROOT).split("\\+"));
        String q = r.param("q").replace("\"", "").toLowerCase(Locale.ROOT);
        return listing(posts, r, p -> subs.contains(p.path("subreddit").asText().toLowerCase(Locale.ROOT))
                && (p.path("title").asText() + " " + p.path("selftext").asText()).toLowerCase(Locale.ROOT).contains(q));
    }

    /** Newest first; {@code after}: the things older than that fullname; {@code limit} at most 100. */
    private static Response listing(List<ObjectNode> all, Request r, Predicate<ObjectNode> keep) {
        int limit = Math.min(100, r.param("limit") == null ? 25 : Integer.parseInt(r.param("limit")));
        List<ObjectNode> newestFirst = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (keep.test(all.get(i))) {
                newestFirst.add(all.get(i));
            }
        }
        int start = 0;
        String after = r.param("after");
        if (after != null) {
            for (int i = 0; i < newestFirst.size(); i++) {
                if (newestFirst.get(i).path("name").asText().equals(after)) {
                    start = i + 1;
                }
            }
        }
        List<ObjectNode> page = newestFirst.subList(Math.min(start, newestFirst.size()),
                Math.min(start + limit, newestFirst.size()));
        ObjectNode out = FakeHttpServer.JSON.createObjectNode().put("kind", "Listing");
        ObjectNode data = out.putObject("data");
        boolean more = start + limit < newestFirst.size();
        data.put("after", more ? page.get(page.size() - 1).path("name").asText() : null).putNull("before")
                .put("dist", page.size());
        ArrayNode children = data.putArray("children");
        for (ObjectNode t : page) {
            children.addObject().put("kind", t.path("name").asText().substring(0, 2)).set("data", t);
        }
        return Response.ok(out.toString());
    }

    @Override
    public void close() {
        http.close();
    }
}
