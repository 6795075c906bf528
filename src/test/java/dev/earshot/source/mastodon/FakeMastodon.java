package dev.earshot.source.mastodon;

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
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A Mastodon instance on 127.0.0.1: the REST endpoints Earshot uses and the user notification
 * stream, answering with the entity shapes of docs.joinmastodon.org (templates in
 * {@code src/test/resources/mastodon/}). Ids are decimal strings that grow in length (990, ..., 1000)
 * the way real ids do. {@code Idempotency-Key} is honoured as Mastodon does.
 */
final class FakeMastodon implements AutoCloseable {
    static final String TOKEN = "canary-mastodon-token-7f3a";
    static final String BRAND_ID = "1";
    static final String DOMAIN = "social.example";

    final FakeHttpServer http = new FakeHttpServer();
    /** Stamps new statuses; the test's clock. */
    volatile Clock clock;
    final ObjectNode brand;
    private long nextId = 990;
    private final Map<String, ObjectNode> statuses = new LinkedHashMap<>();
    private final List<ObjectNode> notifications = new ArrayList<>();
    private final Map<String, String> idempotency = new HashMap<>();
    /** Statuses created through {@code POST /api/v1/statuses}: what customers received. */
    final List<ObjectNode> posted = new ArrayList<>();
    volatile String acceptedToken = TOKEN;
    volatile int maxCharacters = 500;
    /** What the instance names as its streaming URL; null: itself, as {@code ws://}. */
    volatile String streaming;

    FakeMastodon(Clock clock) {
        this.clock = clock;
        this.brand = account(BRAND_ID, "acme", "acme", "ACME Support", 12_000);
        http.route("GET", "/api/v1/accounts/verify_credentials", authed(r -> Response.ok(brand)));
        http.route("GET", "/api/v2/instance", authed(r -> Response.ok(instance())));
        http.route("GET", "/api/v1/notifications", authed(this::listNotifications));
        http.route("GET", "/api/v1/accounts/(\\d+)/statuses", authed(this::accountStatuses));
        http.route("GET", "/api/v1/statuses/(\\d+)", authed(this::status));
        http.route("GET", "/api/v1/statuses/(\\d+)/context", authed(this::context));
        http.route("POST", "/api/v1/statuses", authed(this::post));
        http.route("GET", "/api/v2/search", authed(this::search));
        http.route("GET", "/api/v1/timelines/tag/(\\w+)", authed(this::tag));
        http.route("GET", "/api/v1/streaming/user/notification",
                authed(r -> new Response(200, Map.of(), "", false, true)));
    }

    private java.util.function.Function<Request, Response> authed(java.util.function.Function<Request, Response> h) {
        return r -> {
            if (!("Bearer " + acceptedToken).equals(r.header("Authorization"))) {
                return Response.json(401, Map.of("error", "The access token is invalid"));
            }
            synchronized (this) {
                return h.apply(r);
            }
        };
    }

    String base() {
        return http.uri().toString();
    }

    ObjectNode account(String id, String username, String acct, String displayName, long followers) {
        ObjectNode a = template("/mastodon/account.json");
        String host = acct.contains("@") ? acct.substring(acct.indexOf('@') + 1) : DOMAIN;
        a.put("id", id).put("username", username).put("acct", acct).put("display_name", displayName)
                .put("followers_count", followers).put("url", "https://" + host + "/@" + username)
                .put("uri", "https://" + host + "/users/" + username);
        return a;
    }

    /** A customer's status that mentions the brand, with its notification; returns the status id. */
    synchronized String mention(ObjectNode author, String html, String visibility, String inReplyTo) {
        return mention(author, html, visibility, inReplyTo, clock.instant());
    }

    synchronized String mention(ObjectNode author, String html, String visibility, String inReplyTo, Instant at) {
        ObjectNode s = status(author, html, visibility, inReplyTo, at);
        s.withArray("mentions").addObject().put("id", BRAND_ID).put("username", "acme").put("acct", "acme")
                .put("url", brand.path("url").asText());
        notify(s, at);
        return s.path("id").asText();
    }

    /** A public status that does not mention the brand: found only by searching. */
    synchronized String post(ObjectNode author, String html, Instant at) {
        return status(author, html, "public", null, at).path("id").asText();
    }

    /** The brand writes from the Mastodon app (not through Earshot). */
    synchronized String brandStatus(String html, String inReplyTo, String visibility) {
        return status(brand, html, visibility, inReplyTo, clock.instant()).path("id").asText();
    }

    /** The instance notifies the brand of one of its own statuses (it mentions itself, or a buggy server). */
    synchronized void echo(String statusId) {
        notify(statuses.get(statusId), clock.instant());
    }

    /** The same status notified a second time (a server that repeats itself). */
    synchronized void repeat(String statusId) {
        notify(statuses.get(statusId), clock.instant());
    }

    private ObjectNode status(ObjectNode author, String html, String visibility, String inReplyTo, Instant at) {
        String id = Long.toString(nextId++);
        ObjectNode s = template("/mastodon/status.json");
        String username = author.path("username").asText();
        s.put("id", id).put("created_at", at.toString()).put("visibility", visibility).put("content", html)
                .put("url", author.path("url").asText() + "/" + id)
                .put("uri", author.path("uri").asText() + "/statuses/" + id);
        s.set("account", author.deepCopy());
        if (inReplyTo != null) {
            ObjectNode parent = statuses.get(inReplyTo);
            s.put("in_reply_to_id", inReplyTo);
            s.put("in_reply_to_account_id", parent == null ? "999999" : parent.path("account").path("id").asText());
        }
        if (!username.isEmpty()) {
            statuses.put(id, s);
        }
        return s;
    }

    private void notify(ObjectNode status, Instant at) {
        ObjectNode n = template("/mastodon/notification.json");
        n.put("id", Long.toString(nextId++)).put("type", "mention").put("created_at", at.toString());
        n.set("account", status.path("account").deepCopy());
        n.set("status", status.deepCopy());
        notifications.add(n);
        http.broadcast("notification", n.toString());
    }

    /** Mastodon keeps keys for an hour only. */
    synchronized void forgetIdempotencyKeys() {
        idempotency.clear();
    }

    synchronized int notificationCount() {
        return notifications.size();
    }

    synchronized ObjectNode statusById(String id) {
        return statuses.get(id);
    }

    private ObjectNode instance() {
        ObjectNode i = template("/mastodon/instance.json");
        i.put("domain", DOMAIN);
        ObjectNode config = (ObjectNode) i.path("configuration");
        ((ObjectNode) config.path("urls")).put("streaming",
                streaming != null ? streaming : base().replaceFirst("^http", "ws"));
        ((ObjectNode) config.path("statuses")).put("max_characters", maxCharacters);
        return i;
    }

    private Response listNotifications(Request r) {
        List<String> types = r.params("types[]");
        List<ObjectNode> all = notifications.stream()
                .filter(n -> types.isEmpty() || types.contains(n.path("type").asText())).toList();
        return Response.ok(page(all, r));
    }

    private Response accountStatuses(Request r) {
        String account = r.group(1);
        List<ObjectNode> all = statuses.values().stream()
                .filter(s -> s.path("account").path("id").asText().equals(account)).toList();
        return Response.ok(page(all, r));
    }

    /** Mastodon's paging: min_id pages forward from just after it; max_id and since_id bound the newest page. */
    private static ArrayNode page(List<ObjectNode> items, Request r) {
        Comparator<ObjectNode> byId = Comparator.comparing(n -> n.path("id").asText(), StatusIds.ORDER);
        int limit = r.param("limit") == null ? 20 : Integer.parseInt(r.param("limit"));
        String min = r.param("min_id");
        String max = r.param("max_id");
        String since = r.param("since_id");
        Predicate<ObjectNode> after = n -> min == null || StatusIds.ORDER.compare(n.path("id").asText(), min) > 0;
        Predicate<ObjectNode> before = n -> max == null || StatusIds.ORDER.compare(n.path("id").asText(), max) < 0;
        Predicate<ObjectNode> newer = n -> since == null || StatusIds.ORDER.compare(n.path("id").asText(), since) > 0;
        List<ObjectNode> chosen;
        if (min != null) {
            chosen = new ArrayList<>(items.stream().filter(after.and(before)).sorted(byId).limit(limit).toList());
        } else {
            chosen = new ArrayList<>(items.stream().filter(before.and(newer)).sorted(byId.reversed()).limit(limit).toList());
        }
        chosen.sort(byId.reversed());
        ArrayNode out = FakeHttpServer.JSON.createArrayNode();
        chosen.forEach(out::add);
        return out;
    }

    /** Full-text search over every status here, as an instance with search enabled does; {@code min_id} pages forward. */
    private Response search(Request r) {
        if (!"statuses".equals(r.param("type")) || !"false".equals(r.param("resolve"))) {
            return Response.json(400, Map.of("error", "expected type=statuses&resolve=false"));
        }
        String q = r.param("q").replace("\"", "").toLowerCase(java.util.Locale.ROOT);
        List<ObjectNode> found = statuses.values().stream()
                .filter(s -> s.path("content").asText().toLowerCase(java.util.Locale.ROOT).contains(q)).toList();
        ObjectNode body = FakeHttpServer.JSON.createObjectNode();
        body.putArray("accounts");
        body.set("statuses", page(found, r));
        body.putArray("hashtags");
        return Response.ok(body);
    }

    private Response tag(Request r) {
        String tag = "#" + r.group(1).toLowerCase(java.util.Locale.ROOT);
        List<ObjectNode> found = statuses.values().stream()
                .filter(s -> StatusHtml.text(s.path("content").asText()).toLowerCase(java.util.Locale.ROOT)
                        .contains(tag)).toList();
        return Response.ok(page(found, r));
    }

    private Response status(Request r) {
        ObjectNode s = statuses.get(r.group(1));
        return s == null ? Response.json(404, Map.of("error", "Record not found")) : Response.ok(s);
    }

    private Response context(Request r) {
        ObjectNode s = statuses.get(r.group(1));
        if (s == null) {
            return Response.json(404, Map.of("error", "Record not found"));
        }
        List<JsonNode> ancestors = new ArrayList<>();
        for (JsonNode p = statuses.get(s.path("in_reply_to_id").asText()); p != null;
             p = statuses.get(p.path("in_reply_to_id").asText())) {
            ancestors.add(0, p);
        }
        ObjectNode c = template("/mastodon/context.json");
        ArrayNode a = c.putArray("ancestors");
        ancestors.forEach(a::add);
        return Response.ok(c);
    }

    private Response post(Request r) {
        Map<String, String> form = r.form();
        String key = r.header("Idempotency-Key");
        if (key != null && idempotency.containsKey(key)) {
            return Response.ok(statuses.get(idempotency.get(key)));
        }
        String text = form.getOrDefault("status", "");
        if (MastodonLength.count(text, 23) > maxCharacters) {
            return Response.json(422, template("/mastodon/error.json")
                    .put("error", "Validation failed: Text character limit of " + maxCharacters + " exceeded"));
        }
        String parent = form.get("in_reply_to_id");
        if (parent != null && !statuses.containsKey(parent)) {
            return Response.json(404, Map.of("error", "Record not found"));
        }
        ObjectNode s = status(brand, html(text), form.getOrDefault("visibility", "public"), parent, clock.instant());
        s.put("application", (String) null);
        s.putObject("application").put("name", "Earshot");
        if (key != null) {
            idempotency.put(key, s.path("id").asText());
        }
        posted.add(s);
        return Response.ok(s);
    }

    /** Text as Mastodon renders it: escaped, in a paragraph, a leading mention as an h-card link. */
    static String html(String text) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        String linked = escaped.replaceFirst("^@([\\w.-]+)(@[\\w.-]+)?",
                "<span class=\"h-card\" translate=\"no\"><a href=\"https://" + DOMAIN
                        + "/@$1\" class=\"u-url mention\">@<span>$1</span></a></span>");
        return "<p>" + linked + "</p>";
    }

    @Override
    public void close() {
        http.close();
    }
}
