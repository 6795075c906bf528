package dev.earshot.app.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A small X API v2 on 127.0.0.1 whose writes stall: it answers the brand ({@code /2/users/me}), the
 * mentions timeline and the brand's own posts as X documents them, and answers
 * {@code POST /2/tweets} with its status and headers at once and then one byte of the body every
 * 10 seconds, as a peer that is slow or hostile would. Reads go on meanwhile (each request has its
 * own thread). Signatures are not checked here: the X source's own tests do that.
 */
final class StalledX implements AutoCloseable {
    static final String BRAND_ID = "1000";
    private static final long SNOWFLAKE_EPOCH_MS = 1288834974657L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Post(String id, String authorId, String text, Instant at) {
    }

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
    private final List<Post> mentions = new ArrayList<>();
    private final List<HttpExchange> stalled = new ArrayList<>();
    private int sequence;

    StalledX() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** A customer ({@code handle}, author id {@code authorId}) mentions the brand now. */
    synchronized void mention(String authorId, String text) {
        Instant now = Instant.now();
        String id = Long.toString(((now.toEpochMilli() - SNOWFLAKE_EPOCH_MS) << 22) | (++sequence & 0x3FFFFF));
        mentions.add(new Post(id, authorId, text, now));
    }

    /** How many replies have been asked for (and are stalling). */
    synchronized int stalledReplies() {
        return stalled.size();
    }

    private void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getPath();
        ex.getRequestBody().readAllBytes();
        if (method.equals("POST") && path.equals("/2/tweets")) {
            stall(ex);
            return;
        }
        ObjectNode body = JSON.createObjectNode();
        if (method.equals("GET") && path.equals("/2/users/me")) {
            body.putObject("data").put("id", BRAND_ID).put("username", "acme").put("name", "Acme Support");
        } else if (method.equals("GET") && path.equals("/2/users/" + BRAND_ID + "/mentions")) {
            timeline(body, sinceId(ex.getRequestURI().getRawQuery()));
        } else if (method.equals("GET") && path.equals("/2/users/" + BRAND_ID + "/tweets")) {
            body.putArray("data");
            body.putObject("meta").put("result_count", 0);
        } else {
            answer(ex, 404, "{\"title\":\"Not Found Error\",\"status\":404}");
            return;
        }
        answer(ex, 200, body.toString());
    }

    private synchronized void timeline(ObjectNode body, long sinceId) {
        ArrayNode data = body.putArray("data");
        ArrayNode users = body.putObject("includes").putArray("users");
        List<String> authors = new ArrayList<>();
        for (int i = mentions.size() - 1; i >= 0; i--) { // newest first, as X answers
            Post p = mentions.get(i);
            if (Long.parseLong(p.id()) <= sinceId) {
                continue;
            }
            data.addObject().put("id", p.id()).put("text", p.text()).put("author_id", p.authorId())
                    .put("created_at", p.at().toString()).put("conversation_id", p.id())
                    .put("in_reply_to_user_id", BRAND_ID);
            if (!authors.contains(p.authorId())) {
                authors.add(p.authorId());
                users.addObject().put("id", p.authorId()).put("username", "customer" + p.authorId())
                        .put("name", "Customer " + p.authorId()).putObject("public_metrics").put("followers_count", 10);
            }
        }
        ObjectNode meta = body.putObject("meta").put("result_count", data.size());
        if (!data.isEmpty()) {
            meta.put("newest_id", data.get(0).path("id").asText()).put("oldest_id", data.get(data.size() - 1)
                    .path("id").asText());
        }
    }

    /** Headers now, then one byte of the body every 10 s: the call never ends while the test runs. */
    private void stall(HttpExchange ex) throws IOException {
        byte[] answer = ("{\"data\":{\"id\":\"" + (Long.MAX_VALUE - 1) + "\",\"text\":\"stalled\"}}")
                .getBytes(StandardCharsets.UTF_8);
        synchronized (this) {
            stalled.add(ex);
        }
        ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(201, answer.length);
        OutputStream out = ex.getResponseBody();
        int[] sent = {0};
        trickle.scheduleAtFixedRate(() -> {
            try {
                if (sent[0] < answer.length) {
                    out.write(answer[sent[0]++]);
                    out.flush();
                }
            } catch (IOException e) {
                ex.close(); // the caller gave up
            }
        }, 0, 10, TimeUnit.SECONDS);
    }

    private static long sinceId(String query) {
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("since_id=")) {
                    return Long.parseLong(pair.substring("since_id=".length()));
                }
            }
        }
        return 0;
    }

    private static void answer(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        ex.getResponseHeaders().add("x-rate-limit-remaining", "50");
        ex.getResponseHeaders().add("x-rate-limit-reset", Long.toString(Instant.now().plusSeconds(900).getEpochSecond()));
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Override
    public void close() {
        trickle.shutdownNow();
        server.stop(0);
        handlers.shutdownNow();
    }
}
