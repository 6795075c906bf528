package dev.earshot.chat.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.earshot.testing.TestClock;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A fake Discord REST API on 127.0.0.1, port 0 ({@code /api/v10/…}): the calls Earshot and JDA
 * make, in Discord's documented shapes. It keeps messages per channel (threads are channels whose
 * id is their starting message's), honours {@code nonce} + {@code enforce_nonce} as Discord does,
 * checks the bot token, records every call (interaction callbacks and hook answers too), and fails
 * on demand. With {@link #paceWith} it refuses (429) a sixth post within 5 s in one channel.
 */
public final class FakeDiscord implements AutoCloseable {
    public static final String TOKEN = "fake-discord-bot-token";
    public static final String BOT = "900000000000000001";
    public static final String GUILD = "800000000000000001";
    public static final String CHANNEL = "700000000000000001";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MESSAGES = Pattern.compile("/api/v10/channels/(\\d+)/messages(?:/(\\d+))?(/threads)?");

    /** One call as received. */
    public record Call(String method, String path, String query, JsonNode body) {
    }

    private final HttpServer server;
    private final AtomicLong ids = new AtomicLong(1_000_000_000_000_000L);
    final List<Call> calls = new CopyOnWriteArrayList<>();
    /** channel (or thread) id → its messages, oldest first. */
    private final Map<String, List<ObjectNode>> channels = new LinkedHashMap<>();
    private final Map<String, ObjectNode> byNonce = new HashMap<>();
    /** interaction id → when its callback (the ack) arrived, System.nanoTime. */
    private final Map<String, Long> ackedAt = new java.util.concurrent.ConcurrentHashMap<>();
    private final Deque<Integer> faults = new ArrayDeque<>();
    private final Map<String, Deque<Instant>> recentPosts = new HashMap<>();
    private volatile TestClock pace;
    private volatile boolean tokenRevoked;
    /** A post that lands but whose answer is lost (the connection drops): for the crash tests. */
    private volatile boolean loseNextAnswer;

    public FakeDiscord() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
        channels.put(CHANNEL, new ArrayList<>());
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v10/";
    }

    /** From now on, a sixth post in one channel within 5 s of this clock is refused with a 429. */
    public void paceWith(TestClock clock) {
        this.pace = clock;
    }

    public void revokeToken() {
        tokenRevoked = true;
    }

    /** The next request fails with this HTTP status (403 missing permission, 500, …). */
    public synchronized void failNext(int status) {
        faults.add(status);
    }

    /** Discord keeps a nonce for a few minutes only: after this, a repeat makes a second message. */
    public synchronized void forgetNonces() {
        byNonce.clear();
    }

    public void loseNextAnswer() {
        loseNextAnswer = true;
    }

    /** When the interaction's callback (its ack) arrived, in System.nanoTime; null before. */
    public Long ackedAt(String interactionId) {
        return ackedAt.get(interactionId);
    }

    public synchronized List<ObjectNode> messages(String channel) {
        return List.copyOf(channels.getOrDefault(channel, List.of()));
    }

    public synchronized boolean hasThread(String message) {
        return channels.containsKey(message) && !message.equals(CHANNEL);
    }

    /** Every POST of a message, with its body as sent. */
    public List<Call> posts() {
        return calls.stream().filter(c -> c.method.equals("POST") && c.path.endsWith("/messages")).toList();
    }

    public List<Call> where(Predicate<Call> p) {
        return calls.stream().filter(p).toList();
    }

    /** The ephemeral answers sent through interaction hooks, oldest first. */
    public List<String> answers() {
        return calls.stream().filter(c -> c.method.equals("POST") && c.path.startsWith("/api/v10/webhooks/"))
                .map(c -> c.body.path("content").asText()).toList();
    }

    /** The interaction callbacks' types (5 deferred message, 9 modal, 8 autocomplete, …). */
    public List<JsonNode> callbacks() {
        return calls.stream().filter(c -> c.path.endsWith("/callback")).map(Call::body).toList();
    }

    /** Conversations whose card (alone or as a line of a burst) is in the channel. */
    public synchronized java.util.Set<Long> visibleConversations(String channel) {
        Pattern line = Pattern.compile("(?:earshot·|^Earshot #)(\\d+)");
        java.util.Set<Long> seen = new java.util.TreeSet<>();
        for (ObjectNode m : channels.getOrDefault(channel, List.of())) {
            for (JsonNode e : m.path("embeds")) {
                Matcher x = line.matcher(e.path("footer").path("text").asText(""));
                while (x.find()) {
                    seen.add(Long.parseLong(x.group(1)));
                }
            }
        }
        return seen;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String query = ex.getRequestURI().getRawQuery();
            byte[] raw = ex.getRequestBody().readAllBytes();
            String type = ex.getRequestHeaders().getFirst("Content-Type");
            JsonNode body = body(raw, type);
            calls.add(new Call(ex.getRequestMethod(), path, query, body));
            boolean webhook = path.startsWith("/api/v10/webhooks/") || path.startsWith("/api/v10/interactions/");
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            if (!webhook && (tokenRevoked || !("Bot " + TOKEN).equals(auth))) {
                send(ex, 401, JSON.createObjectNode().put("message", "401: Unauthorized").put("code", 0));
                return;
            }
            Integer fault;
            synchronized (this) {
                fault = faults.poll();
            }
            if (fault != null) {
                send(ex, fault, error(fault));
                return;
            }
            route(ex, ex.getRequestMethod(), path, query, body);
        } catch (RuntimeException e) {
            send(ex, 500, JSON.createObjectNode().put("message", String.valueOf(e)).put("code", 0));
        }
    }

    private void route(HttpExchange ex, String method, String path, String query, JsonNode body) throws IOException {
        if (path.equals("/api/v10/users/@me") && method.equals("GET")) {
            send(ex, 200, self());
            return;
        }
        if (path.equals("/api/v10/gateway/bot") || path.equals("/api/v10/gateway")) {
            send(ex, 200, JSON.createObjectNode().put("url", "ws://127.0.0.1:1/").put("shards", 1));
            return;
        }
        if (path.equals("/api/v10/users/@me/channels") && method.equals("POST")) {
            String dm = "6" + body.path("recipient_id").asText("0");
            synchronized (this) {
                channels.computeIfAbsent(dm, k -> new ArrayList<>());
            }
            send(ex, 200, JSON.createObjectNode().put("id", dm).put("type", 1));
            return;
        }
        if (path.matches("/api/v10/applications/\\d+/guilds/\\d+/commands") && method.equals("PUT")) {
            send(ex, 200, body);
            return;
        }
        if (path.startsWith("/api/v10/interactions/") && path.endsWith("/callback")) {
            ackedAt.put(path.split("/")[4], System.nanoTime());
            ex.sendResponseHeaders(204, -1);
            return;
        }
        if (path.startsWith("/api/v10/webhooks/")) {
            ObjectNode m = message("0", body.path("content").asText(""), body);
            m.put("flags", 64);
            send(ex, 200, m);
            return;
        }
        Matcher m = MESSAGES.matcher(path);
        if (m.matches()) {
            messages(ex, method, m.group(1), m.group(2), m.group(3) != null, query, body);
            return;
        }
        send(ex, 404, JSON.createObjectNode().put("message", "404: Not Found").put("code", 0));
    }

    private void messages(HttpExchange ex, String method, String channel, String message, boolean thread, String query,
                          JsonNode body) throws IOException {
        ObjectNode answer;
        int status = 200;
        synchronized (this) {
            List<ObjectNode> list = channels.get(channel);
            if (list == null) {
                send(ex, 404, JSON.createObjectNode().put("message", "Unknown Channel").put("code", 10003));
                return;
            }
            if (thread) {
                if (channels.containsKey(message)) {
                    send(ex, 400, JSON.createObjectNode().put("message", "A thread has already been created for this"
                            + " message").put("code", 160004));
                    return;
                }
                channels.put(message, new ArrayList<>());
                send(ex, 201, JSON.createObjectNode().put("id", message).put("type", 11).put("parent_id", channel)
                        .put("name", body.path("name").asText()));
                return;
            }
            if (method.equals("GET") && message == null) {
                send(ex, 200, history(list, query));
                return;
            }
            ObjectNode found = message == null ? null : list.stream().filter(x -> x.path("id").asText().equals(message))
                    .findFirst().orElse(null);
            if (message != null && found == null) {
                send(ex, 404, JSON.createObjectNode().put("message", "Unknown Message").put("code", 10008));
                return;
            }
            if (method.equals("GET")) {
                answer = found;
            } else if (method.equals("PATCH")) {
                body.fields().forEachRemaining(f -> {
                    if (f.getKey().equals("embeds") || f.getKey().equals("components") || f.getKey().equals("content")) {
                        found.set(f.getKey(), f.getValue());
                    }
                });
                answer = found;
            } else {
                String nonce = body.path("nonce").asText(null);
                if (nonce != null && body.path("enforce_nonce").asBoolean() && byNonce.containsKey(nonce)) {
                    answer = byNonce.get(nonce);
                } else if (paced(channel)) {
                    send(ex, 429, JSON.createObjectNode().put("message", "You are being rate limited.")
                            .put("retry_after", 1.0).put("global", false).put("code", 0));
                    return;
                } else {
                    answer = message(channel, body.path("content").asText(""), body);
                    list.add(answer);
                    if (nonce != null) {
                        byNonce.put(nonce, answer);
                    }
                    status = 200;
                }
            }
        }
        if (loseNextAnswer && method.equals("POST")) {
            loseNextAnswer = false;
            throw new IllegalStateException("the answer was lost");
        }
        send(ex, status, answer);
    }

    private boolean paced(String channel) {
        TestClock clock = pace;
        if (clock == null) {
            return false;
        }
        Deque<Instant> recent = recentPosts.computeIfAbsent(channel, k -> new ArrayDeque<>());
        Instant now = clock.instant();
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(now.minus(Duration.ofSeconds(5)))) {
            recent.pollFirst();
        }
        if (recent.size() >= 5) {
            return true;
        }
        recent.addLast(now);
        return false;
    }

    private static ArrayNode history(List<ObjectNode> list, String query) {
        Map<String, String> q = query == null ? Map.of() : java.util.Arrays.stream(query.split("&"))
                .map(p -> p.split("=", 2)).collect(Collectors.toMap(p -> p[0], p -> p.length > 1 ? p[1] : ""));
        int limit = Integer.parseInt(q.getOrDefault("limit", "50"));
        String before = q.get("before");
        ArrayNode out = JSON.createArrayNode();
        for (int i = list.size() - 1; i >= 0 && out.size() < limit; i--) {
            ObjectNode m = list.get(i);
            if (before == null || Long.parseLong(m.path("id").asText()) < Long.parseLong(before)) {
                out.add(m);
            }
        }
        return out;
    }

    private ObjectNode message(String channel, String content, JsonNode sent) {
        ObjectNode m = JSON.createObjectNode().put("id", Long.toString(ids.incrementAndGet())).put("type", 0)
                .put("channel_id", channel).put("content", content).put("timestamp", "2026-12-02T10:00:00.000000+00:00")
                .putNull("edited_timestamp").put("tts", false).put("mention_everyone", false).put("pinned", false)
                .put("flags", sent.path("flags").asInt(0));
        m.set("author", self());
        m.putArray("mentions");
        m.putArray("mention_roles");
        m.putArray("attachments");
        m.set("embeds", sent.has("embeds") ? sent.get("embeds") : JSON.createArrayNode());
        m.set("components", sent.has("components") ? sent.get("components") : JSON.createArrayNode());
        return m;
    }

    static ObjectNode self() {
        return JSON.createObjectNode().put("id", BOT).put("username", "earshot").put("discriminator", "0000")
                .putNull("avatar").put("bot", true).put("verified", true).put("mfa_enabled", false).put("flags", 0);
    }

    private static JsonNode body(byte[] raw, String type) {
        try {
            if (raw.length == 0) {
                return JSON.createObjectNode();
            }
            String text = new String(raw, StandardCharsets.ISO_8859_1);
            if (type != null && type.startsWith("multipart/form-data")) {
                int start = text.indexOf("name=\"payload_json\"");
                int json = text.indexOf("\r\n\r\n", start) + 4;
                int end = text.indexOf("\r\n--", json);
                ObjectNode payload = (ObjectNode) JSON.readTree(new String(raw, json, end - json, StandardCharsets.UTF_8));
                payload.put("_fileBytes", raw.length);
                payload.put("_hasPng", text.contains("\u0089PNG"));
                return payload;
            }
            return JSON.readTree(new String(raw, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return JSON.createObjectNode().put("_unreadable", true);
        }
    }

    private static ObjectNode error(int status) {
        int code = status == 403 ? 50013 : 0;
        return JSON.createObjectNode().put("message", status == 403 ? "Missing Permissions" : "error").put("code", code);
    }

    private static void send(HttpExchange ex, int status, JsonNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        if (status == 429) {
            ex.getResponseHeaders().set("Retry-After", "1");
            ex.getResponseHeaders().set("Via", "1.1 google");
        }
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
