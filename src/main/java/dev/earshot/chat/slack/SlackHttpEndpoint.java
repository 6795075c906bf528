package dev.earshot.chat.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP mode: {@code POST /slack/events} on the JDK's HTTP server. Each request's signature is
 * checked on the raw body first ({@link RequestSignature}): a bad or stale one gets 401 and never
 * reaches Bolt. Then Bolt parses it and runs the app's listeners; their ack is the response.
 * (The JDK server instead of Jetty: bolt-jetty is Jetty 9, past its end of life, and the
 * project's ops endpoint already uses the JDK server.)
 *
 * <p>Anyone who can reach the port can send anything, so nothing unsigned may hold a thread for
 * long ({@link UnverifiedRequests}: a bounded share of the threads and a deadline). Before any of
 * the body is read, the signature headers must be there and the timestamp within five minutes
 * (else 401), and {@code Content-Length} must be given (411) and at most {@link Limits#maxBody}
 * (413). A body that does not arrive by the deadline gets 408; when too many unsigned requests are
 * open at once, the oldest gets 503. Refusals close the connection.
 */
final class SlackHttpEndpoint implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SlackHttpEndpoint.class);
    static final String PATH = "/slack/events";
    /** After a refusal, read at most this much of what the client still sends, so it gets to read our answer. */
    private static final int LINGER_BYTES = 64 * 1024;

    /**
     * @param maxBody the largest body read; Slack's payloads are a few kilobytes
     * @param deadline how long a request may take to arrive, headers and body
     * @param unverified how many requests may be unverified at once
     * @param threads the HTTP threads; more than {@code unverified}, so signed requests always have some
     */
    record Limits(int maxBody, Duration deadline, int unverified, int threads) {
        static final Limits DEFAULT = new Limits(1 << 20, Duration.ofSeconds(3), 48, 64);

        Limits {
            if (maxBody < 1 || unverified < 1 || threads <= unverified) {
                throw new IllegalArgumentException("limits must leave threads for signed requests: " + unverified
                        + " unverified of " + threads);
            }
        }
    }

    /** Thrown out of the handler after a refusal: the JDK server then closes the connection without reading on. */
    private static final class HangUp extends IOException {
        HangUp() {
            super("refused; connection closed", null);
        }
    }

    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private final UnverifiedRequests unverified;
    private final Limits limits;
    private final App app;
    private final RequestSignature signature;
    private final SlackRequestParser parser;
    private final AtomicLong unsigned = new AtomicLong();

    private SlackHttpEndpoint(HttpServer server, ThreadPoolExecutor executor, UnverifiedRequests unverified,
                              Limits limits, App app, RequestSignature signature) {
        this.server = server;
        this.executor = executor;
        this.unverified = unverified;
        this.limits = limits;
        this.app = app;
        this.signature = signature;
        this.parser = new SlackRequestParser(app.config());
    }

    static SlackHttpEndpoint start(String bind, int port, App app, RequestSignature signature) throws IOException {
        return start(bind, port, app, signature, Limits.DEFAULT);
    }

    static SlackHttpEndpoint start(String bind, int port, App app, RequestSignature signature, Limits limits)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(bind, port), 128);
        AtomicInteger n = new AtomicInteger();
        // A queue, not more threads, for bursts; beyond it the JDK server closes the connection.
        ThreadPoolExecutor executor = new ThreadPoolExecutor(limits.threads(), limits.threads(), 1, TimeUnit.MINUTES,
                new LinkedBlockingQueue<>(1_000), r -> {
                    Thread t = new Thread(r, "slack-http-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        UnverifiedRequests unverified = new UnverifiedRequests(limits.unverified(), limits.deadline());
        SlackHttpEndpoint endpoint = new SlackHttpEndpoint(server, executor, unverified, limits, app, signature);
        server.createContext("/", endpoint::handle);
        server.setExecutor(exchange -> executor.execute(() -> unverified.run(exchange)));
        server.start();
        log.info("Slack requests on http://{}:{}{}", bind, endpoint.port(), PATH);
        return endpoint;
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** How many requests are unverified right now (for tests). */
    int unverifiedNow() {
        return unverified.count();
    }

    private void handle(HttpExchange exchange) throws IOException {
        UnverifiedRequests.Request request = unverified.current();
        if (!request.attach(exchange)) {
            throw new HangUp();
        }
        if (!"POST".equals(exchange.getRequestMethod()) || !PATH.equals(exchange.getRequestURI().getPath())) {
            throw refuse(request, exchange, 404, "not found");
        }
        Headers headers = exchange.getRequestHeaders();
        String timestamp = headers.getFirst("X-Slack-Request-Timestamp");
        String signed = headers.getFirst("X-Slack-Signature");
        if (!signature.plausible(timestamp, signed)) {
            tallyUnsigned(exchange);
            throw refuse(request, exchange, 401, "{\"error\":\"invalid request\"}");
        }
        String length = headers.getFirst("Content-Length");
        if (length == null) {
            throw refuse(request, exchange, 411, "Content-Length is required");
        }
        if (Long.parseLong(length) > limits.maxBody()) { // the JDK server has checked it is a number >= 0
            throw refuse(request, exchange, 413, "too large");
        }
        byte[] body = exchange.getRequestBody().readNBytes(Integer.parseInt(length));
        if (!signature.valid(timestamp, signed, body)) {
            tallyUnsigned(exchange);
            throw refuse(request, exchange, 401, "{\"error\":\"invalid request\"}");
        }
        if (!request.verified()) {
            throw new HangUp(); // cut at the last moment: its deadline passed or newer requests needed the room
        }
        try (exchange) {
            Response response = run(exchange, new String(body, StandardCharsets.UTF_8));
            String type = response.getContentType() == null ? "text/plain" : response.getContentType();
            if (response.getHeaders() != null) {
                response.getHeaders().forEach((name, values) -> {
                    if (!name.equalsIgnoreCase("content-type")) {
                        values.forEach(v -> exchange.getResponseHeaders().add(name, v));
                    }
                });
            }
            send(exchange, response.getStatusCode() == null ? 200 : response.getStatusCode(), type,
                    response.getBody() == null ? "" : response.getBody());
        }
    }

    /**
     * Answers at once, then reads on only what the client has already sent (so that closing does not
     * reset the connection before it reads the answer), still under the deadline. Returns what the
     * handler throws to have the connection closed.
     */
    private static HangUp refuse(UnverifiedRequests.Request request, HttpExchange exchange, int status, String text)
            throws IOException {
        request.refuse(status, text);
        InputStream rest = exchange.getRequestBody();
        byte[] buffer = new byte[8192];
        for (int left = LINGER_BYTES; left > 0; ) {
            int n = rest.read(buffer, 0, Math.min(buffer.length, left));
            if (n < 0) {
                exchange.close();
                return new HangUp();
            }
            left -= n;
        }
        return new HangUp();
    }

    private void tallyUnsigned(HttpExchange exchange) {
        long n = unsigned.incrementAndGet();
        if (Long.toString(n).matches("10*")) {
            log.info("{} requests to {} with a missing, bad or stale signature were refused so far (the latest from {})",
                    n, PATH, exchange.getRemoteAddress().getAddress().getHostAddress());
        }
    }

    private Response run(HttpExchange exchange, String body) {
        Map<String, List<String>> headers = Map.copyOf(exchange.getRequestHeaders());
        SlackRequestParser.HttpRequest raw = SlackRequestParser.HttpRequest.builder()
                .requestUri(PATH).queryString(Map.of()).headers(new RequestHeaders(headers)).requestBody(body)
                .remoteAddress(exchange.getRemoteAddress().getAddress().getHostAddress()).build();
        try {
            Request<?> request = parser.parse(raw);
            if (request == null) {
                return Response.builder().statusCode(400).contentType("text/plain").body("not a Slack request").build();
            }
            return app.run(request);
        } catch (Exception e) {
            log.error("a Slack request could not be handled", e);
            return Response.builder().statusCode(500).contentType("text/plain").body("error").build();
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        unverified.close();
    }
}
