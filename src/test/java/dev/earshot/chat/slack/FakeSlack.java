package dev.earshot.chat.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A fake Slack on 127.0.0.1, port 0: the Web API methods Earshot calls (answers from
 * {@code src/test/resources/slack/}, in Slack's documented shapes), response_url endpoints and
 * the file upload URL. It keeps messages per channel as Slack would, records every call, checks
 * the bearer token, and fails on demand (429 with Retry-After, 500, an {@code ok:false} error).
 * With {@link #paceWith} it refuses a second post in one channel within a second of the given
 * clock, as Slack's rate limit would.
 */
public final class FakeSlack implements AutoCloseable {
    static final String BOT_TOKEN = "xoxb-fake-bot-token";
    static final String APP_TOKEN = "xapp-fake-app-token";
    public static final String TEAM = "T0ACME";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One Web API call as received: the method, its form fields (a field may repeat), the raw body. */
    record Call(String method, Map<String, List<String>> form, String body) {
        String get(String field) {
            List<String> values = form.get(field);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    /** A message as Slack stores it. */
    public static final class Posted {
        final String channel;
        final String ts;
        final String threadTs;
        volatile String text;
        volatile JsonNode blocks;
        final JsonNode metadata;
        final List<String> fileNames = new ArrayList<>();

        Posted(String channel, String ts, String threadTs, String text, JsonNode blocks, JsonNode metadata) {
            this.channel = channel;
            this.ts = ts;
            this.threadTs = threadTs;
            this.text = text;
            this.blocks = blocks;
            this.metadata = metadata;
        }
    }

    /** A scripted failure. */
    record Fault(int status, String error, String retryAfter) {
        static Fault rateLimited(int seconds) {
            return new Fault(429, "ratelimited", Integer.toString(seconds));
        }

        static Fault serverError() {
            return new Fault(500, null, null);
        }

        static Fault error(String error) {
            return new Fault(200, error, null);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    final List<Call> calls = new ArrayList<>();
    final List<Posted> messages = new ArrayList<>();
    final List<Call> ephemerals = new ArrayList<>();
    final List<JsonNode> responses = new ArrayList<>();
    final List<JsonNode> views = new ArrayList<>();
    final Map<String, byte[]> uploads = new LinkedHashMap<>();
    private final Map<String, Deque<Fault>> faults = new HashMap<>();
    private final Map<String, Instant> lastPost = new HashMap<>();
    private volatile Clock pace;
    private volatile Clock stamps;
    private volatile String socketUrl = "ws://127.0.0.1:1/";
    private long tsCounter = 100;
    private int fileCounter;

    FakeSlack() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/", this::api);
        server.createContext("/respond/", this::respond);
        server.createContext("/upload/", this::upload);
        server.setExecutor(executor);
        server.start();
    }

    String apiUrl() {
        return base() + "/api/";
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String responseUrl(String name) {
        return base() + "/respond/" + name;
    }

    void socketModeUrl(String url) {
        this.socketUrl = url;
    }

    /** Stamp new messages with this clock's time, as Slack does (look-backs by time then find them); else a fixed 2023 base. */
    public void stampWith(Clock clock) {
        this.stamps = clock;
    }

    /** Refuse posts closer than a second apart in one channel, by this clock. */
    public void paceWith(Clock clock) {
        this.pace = clock;
    }

    synchronized void failNext(String method, Fault... next) {
        faults.computeIfAbsent(method, m -> new ArrayDeque<>()).addAll(List.of(next));
    }

    synchronized List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    public synchronized List<Posted> topLevel(String channel) {
        return messages.stream().filter(m -> m.channel.equals(channel) && m.threadTs == null).toList();
    }

    synchronized List<Posted> thread(String channel, String ts) {
        return messages.stream().filter(m -> m.channel.equals(channel) && ts.equals(m.threadTs)).toList();
    }

    synchronized List<JsonNode> responses() {
        return List.copyOf(responses);
    }

    synchronized List<Call> ephemerals() {
        return List.copyOf(ephemerals);
    }

    synchronized List<JsonNode> views() {
        return List.copyOf(views);
    }

    /** Every conversation id a person can see in a channel: on a card or on a line of a grouped message. */
    public synchronized java.util.Set<Long> visibleConversations(String channel) {
        java.util.Set<Long> ids = new java.util.TreeSet<>();
        for (Posted m : topLevel(channel)) {
            for (JsonNode block : m.blocks == null ? JSON.createArrayNode() : m.blocks) {
                String id = block.path("block_id").asText();
                if (id.startsWith("earshot.card.") || id.startsWith("earshot.row.")) {
                    ids.add(Long.parseLong(id.substring(id.lastIndexOf('.') + 1)));
                }
            }
        }
        return ids;
    }

    private void api(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestURI().getPath().substring("/api/".length());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Call call = new Call(method, form(body), body);
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        Fault fault;
        synchronized (this) {
            calls.add(call);
            Deque<Fault> queue = faults.get(method);
            fault = queue == null ? null : queue.poll();
        }
        if (fault != null) {
            fail(exchange, fault);
            return;
        }
        String expected = method.equals("apps.connections.open") ? APP_TOKEN : BOT_TOKEN;
        if (!("Bearer " + expected).equals(auth)) {
            fail(exchange, Fault.error("invalid_auth"));
            return;
        }
        ObjectNode answer = switch (method) {
            case "auth.test" -> template("auth.test");
            case "chat.postMessage" -> postMessage(call, exchange);
            case "chat.update" -> update(call);
            case "chat.postEphemeral" -> ephemeral(call);
            case "conversations.history" -> history(call);
            case "conversations.replies" -> replies(call);
            case "views.open", "views.update" -> view(method, call);
            case "files.getUploadURLExternal" -> uploadUrl(call);
            case "files.completeUploadExternal" -> completeUpload(call);
            case "apps.connections.open" -> template("apps.connections.open").put("url", socketUrl);
            default -> error("unknown_method");
        };
        if (answer == null) {
            return; // answered already (a pacing 429)
        }
        send(exchange, 200, answer.toString(), null);
    }

    private synchronized ObjectNode postMessage(Call call, HttpExchange exchange) throws IOException {
        String channel = call.get("channel");
        if (channel == null || !channel.matches("C[A-Z0-9]+")) {
            return error("channel_not_found");
        }
        if (pace != null) {
            Instant now = pace.instant();
            Instant last = lastPost.get(channel);
            if (last != null && Duration.between(last, now).compareTo(Duration.ofSeconds(1)) < 0) {
                send(exchange, 429, error("ratelimited").toString(), "1");
                return null;
            }
            lastPost.put(channel, now);
        }
        String ts = nextTs();
        Posted posted = new Posted(channel, ts, call.get("thread_ts"), call.get("text"), parse(call.get("blocks")),
                parse(call.get("metadata")));
        messages.add(posted);
        ObjectNode answer = template("chat.postMessage").put("channel", channel).put("ts", ts);
        ((ObjectNode) answer.get("message")).put("ts", ts).put("text", posted.text == null ? "" : posted.text);
        return answer;
    }

    private synchronized ObjectNode update(Call call) {
        Posted m = find(call.get("channel"), call.get("ts"));
        if (m == null) {
            return error("message_not_found");
        }
        m.text = call.get("text");
        if (call.get("blocks") != null) {
            m.blocks = parse(call.get("blocks"));
        }
        return template("chat.update").put("channel", m.channel).put("ts", m.ts);
    }

    private synchronized ObjectNode ephemeral(Call call) {
        ephemerals.add(call);
        return template("chat.postEphemeral").put("message_ts", nextTs());
    }

    private synchronized ObjectNode history(Call call) {
        String channel = call.get("channel");
        double oldest = number(call.get("oldest"), 0);
        double latest = number(call.get("latest"), Double.MAX_VALUE);
        boolean inclusive = yes(call.get("inclusive"));
        int limit = (int) number(call.get("limit"), 100);
        boolean metadata = yes(call.get("include_all_metadata"));
        List<Posted> found = new ArrayList<>(topLevel(channel).stream().filter(m -> {
            double ts = Double.parseDouble(m.ts);
            return inclusive ? ts >= oldest && ts <= latest : ts > oldest && ts < latest;
        }).toList());
        java.util.Collections.reverse(found); // newest first, as Slack answers
        int from = call.get("cursor") == null || call.get("cursor").isBlank() ? 0 : Integer.parseInt(call.get("cursor"));
        List<Posted> page = found.subList(Math.min(from, found.size()), Math.min(from + limit, found.size()));
        ObjectNode answer = template("conversations.history");
        ArrayNode list = answer.putArray("messages");
        page.forEach(m -> list.add(render(m, metadata)));
        boolean more = from + limit < found.size();
        answer.put("has_more", more);
        ((ObjectNode) answer.get("response_metadata")).put("next_cursor", more ? Integer.toString(from + limit) : "");
        return answer;
    }

    private synchronized ObjectNode replies(Call call) {
        Posted parent = find(call.get("channel"), call.get("ts"));
        if (parent == null) {
            return error("thread_not_found");
        }
        boolean metadata = yes(call.get("include_all_metadata"));
        ObjectNode answer = template("conversations.replies");
        ArrayNode list = answer.putArray("messages");
        list.add(render(parent, metadata));
        thread(parent.channel, parent.ts).forEach(m -> list.add(render(m, metadata)));
        return answer;
    }

    private synchronized ObjectNode view(String method, Call call) {
        JsonNode view = parse(call.get("view"));
        views.add(view);
        ObjectNode answer = template(method);
        ObjectNode v = (ObjectNode) answer.get("view");
        v.setAll((ObjectNode) view);
        v.put("id", call.get("view_id") == null ? "V0VIEW" + views.size() : call.get("view_id"));
        return answer;
    }

    private synchronized ObjectNode uploadUrl(Call call) {
        String id = "F0FILE" + (++fileCounter);
        uploads.put(id + ":" + call.get("filename"), null);
        return template("files.getUploadURLExternal").put("file_id", id).put("upload_url", base() + "/upload/" + id);
    }

    private synchronized ObjectNode completeUpload(Call call) {
        JsonNode files = parse(call.get("files"));
        String id = files.get(0).get("id").asText();
        String name = uploads.keySet().stream().filter(k -> k.startsWith(id + ":")).findFirst()
                .map(k -> k.substring(k.indexOf(':') + 1)).orElse("file");
        Posted share = new Posted(call.get("channel_id"), nextTs(), null, call.get("initial_comment"), null, null);
        share.fileNames.add(name);
        messages.add(share);
        ObjectNode answer = template("files.completeUploadExternal");
        ((ObjectNode) answer.get("files").get(0)).put("id", id).put("title", files.get(0).path("title").asText());
        return answer;
    }

    private void upload(HttpExchange exchange) throws IOException {
        String id = exchange.getRequestURI().getPath().substring("/upload/".length());
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        synchronized (this) {
            String key = uploads.keySet().stream().filter(k -> k.startsWith(id + ":")).findFirst().orElse(id + ":?");
            uploads.put(key, bytes);
        }
        send(exchange, 200, "OK - " + bytes.length, null);
    }

    private void respond(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        synchronized (this) {
            ObjectNode recorded = (ObjectNode) parse(body);
            recorded.put("_url", exchange.getRequestURI().getPath());
            responses.add(recorded);
        }
        send(exchange, 200, "ok", null);
    }

    private ObjectNode render(Posted m, boolean metadata) {
        ObjectNode out = JSON.createObjectNode().put("type", "message").put("ts", m.ts)
                .put("text", m.text == null ? "" : m.text).put("bot_id", "B0EARSHOT");
        if (m.threadTs != null) {
            out.put("thread_ts", m.threadTs);
        }
        if (m.blocks != null) {
            out.set("blocks", m.blocks);
        }
        if (metadata && m.metadata != null) {
            out.set("metadata", m.metadata);
        }
        if (!m.fileNames.isEmpty()) {
            ArrayNode files = out.putArray("files");
            m.fileNames.forEach(n -> files.addObject().put("id", "F").put("name", n));
        }
        return out;
    }

    private Posted find(String channel, String ts) {
        return messages.stream().filter(m -> m.channel.equals(channel) && m.ts.equals(ts)).findFirst().orElse(null);
    }

    private String nextTs() {
        Clock clock = stamps;
        long seconds = clock == null ? 1_700_000_000L : clock.instant().getEpochSecond();
        return seconds + "." + String.format("%06d", ++tsCounter % 1_000_000);
    }

    private void fail(HttpExchange exchange, Fault fault) throws IOException {
        String body = fault.error() == null ? "<html>upstream error</html>" : error(fault.error()).toString();
        send(exchange, fault.status(), body, fault.retryAfter());
    }

    private static ObjectNode error(String error) {
        return template("error").put("error", error);
    }

    static ObjectNode template(String name) {
        try (InputStream in = FakeSlack.class.getResourceAsStream("/slack/" + name + ".json")) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }

    /** Slack reads 1 and true alike (the SDK sends 1 and 0). */
    static boolean yes(String value) {
        return "1".equals(value) || "true".equals(value);
    }

    private static double number(String value, double otherwise) {
        return value == null || value.isBlank() ? otherwise : Double.parseDouble(value);
    }

    static Map<String, List<String>> form(String body) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return form;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return form;
    }

    private static void send(HttpExchange exchange, int status, String body, String retryAfter) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", body.startsWith("{") ? "application/json; charset=utf-8"
                : "text/plain");
        if (retryAfter != null) {
            exchange.getResponseHeaders().set("Retry-After", retryAfter);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Every message whose text or blocks match. */
    synchronized List<Posted> where(Predicate<Posted> test) {
        return messages.stream().filter(test).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
