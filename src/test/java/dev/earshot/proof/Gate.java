package dev.earshot.proof;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A door on 127.0.0.1 between Earshot and a platform fake: it passes requests through, or, for
 * paths under a prefix, behaves as a platform in trouble does: 503 without doing anything, 429
 * with {@code Retry-After}, 401 for a revoked credential, or stalled (the request is done
 * upstream, the answer never comes).
 * Any fake can sit behind it, so a test can take a platform down without the fake knowing.
 */
final class Gate implements AutoCloseable {
    enum Mode { OPEN, UNAVAILABLE, RATE_LIMITED, STALLED, UNAUTHORIZED }

    private final URI upstream;
    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "gate");
        t.setDaemon(true);
        return t;
    });
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicInteger turnedAway = new AtomicInteger();
    private final AtomicInteger stalled = new AtomicInteger();
    private volatile Mode mode = Mode.OPEN;
    private volatile String prefix = "/";
    private volatile int retryAfterSeconds = 1;

    /** @param upstream the fake's base, like {@code http://127.0.0.1:4711} */
    Gate(String upstream) {
        this.upstream = URI.create(upstream.replaceAll("/+$", ""));
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** This door's base URL: the fake's, with another port. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** From now on, requests whose path starts with {@code pathPrefix} meet {@code mode}; others pass. */
    Gate set(Mode mode, String pathPrefix) {
        this.prefix = pathPrefix;
        this.mode = mode;
        return this;
    }

    Gate retryAfter(int seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    /** Requests answered 503, 429 or 401 so far. */
    int turnedAway() {
        return turnedAway.get();
    }

    /** Requests done upstream whose answer is being held. */
    int stalled() {
        return stalled.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        Mode now = path.startsWith(prefix) ? mode : Mode.OPEN;
        if (now == Mode.UNAVAILABLE) {
            turnedAway.incrementAndGet();
            answer(exchange, 503, "text/html", "<html>503 Service Unavailable</html>".getBytes(), null);
            return;
        }
        if (now == Mode.RATE_LIMITED) {
            turnedAway.incrementAndGet();
            answer(exchange, 429, "application/json", "{\"ok\":false,\"error\":\"ratelimited\"}".getBytes(),
                    Integer.toString(retryAfterSeconds));
            return;
        }
        if (now == Mode.UNAUTHORIZED) {
            turnedAway.incrementAndGet();
            answer(exchange, 401, "application/json", ("{\"error\":\"AuthenticationRequired\",\"message\":"
                    + "\"Invalid identifier or password\",\"title\":\"Unauthorized\",\"status\":401}").getBytes(), null);
            return;
        }
        HttpResponse<byte[]> upstreamAnswer;
        try {
            HttpRequest.Builder forward = HttpRequest.newBuilder(upstream.resolve(exchange.getRequestURI().toString()))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            for (String header : List.of("Authorization", "Content-Type", "Idempotency-Key")) {
                String value = exchange.getRequestHeaders().getFirst(header);
                if (value != null) {
                    forward.header(header, value);
                }
            }
            upstreamAnswer = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
            return;
        }
        if (now == Mode.STALLED) {
            stalled.incrementAndGet();
            try {
                closing.await(); // the work is done upstream; the answer never comes
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        answer(exchange, upstreamAnswer.statusCode(),
                upstreamAnswer.headers().firstValue("Content-Type").orElse("application/json"),
                upstreamAnswer.body(), upstreamAnswer.headers().firstValue("Retry-After").orElse(null));
    }

    private static void answer(HttpExchange exchange, int status, String type, byte[] body, String retryAfter)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        if (retryAfter != null) {
            exchange.getResponseHeaders().set("Retry-After", retryAfter);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
