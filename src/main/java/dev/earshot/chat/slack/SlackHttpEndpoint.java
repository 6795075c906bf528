package dev.earshot.chat.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP mode: {@code POST /slack/events} on the JDK's HTTP server. Each request's signature is
 * checked on the raw body first ({@link RequestSignature}): a bad or stale one gets 401 and never
 * reaches Bolt. Then Bolt parses it and runs the app's listeners; their ack is the response.
 * (The JDK server instead of Jetty: bolt-jetty is Jetty 9, past its end of life, and the
 * project's ops endpoint already uses the JDK server.)
 */
final class SlackHttpEndpoint implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SlackHttpEndpoint.class);
    static final String PATH = "/slack/events";
    private static final int MAX_BODY = 1 << 20;

    private final HttpServer server;
    private final ExecutorService executor;
    private final App app;
    private final RequestSignature signature;
    private final SlackRequestParser parser;

    private SlackHttpEndpoint(HttpServer server, ExecutorService executor, App app, RequestSignature signature) {
        this.server = server;
        this.executor = executor;
        this.app = app;
        this.signature = signature;
        this.parser = new SlackRequestParser(app.config());
    }

    static SlackHttpEndpoint start(String bind, int port, App app, RequestSignature signature) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(bind, port), 128);
        AtomicInteger n = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "slack-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        SlackHttpEndpoint endpoint = new SlackHttpEndpoint(server, executor, app, signature);
        server.createContext(PATH, endpoint::handle);
        server.setExecutor(executor);
        server.start();
        log.info("Slack requests on http://{}:{}{}", bind, endpoint.port(), PATH);
        return endpoint;
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod()) || !PATH.equals(exchange.getRequestURI().getPath())) {
                send(exchange, 404, "text/plain", "not found");
                return;
            }
            byte[] body = read(exchange.getRequestBody());
            if (body == null) {
                send(exchange, 413, "text/plain", "too large");
                return;
            }
            var headers = exchange.getRequestHeaders();
            if (!signature.valid(headers.getFirst("X-Slack-Request-Timestamp"), headers.getFirst("X-Slack-Signature"),
                    body)) {
                log.info("a request to {} with a bad or stale signature was refused", PATH);
                send(exchange, 401, "application/json", "{\"error\":\"invalid request\"}");
                return;
            }
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

    private static byte[] read(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        return body.length > MAX_BODY ? null : body;
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
    }
}
