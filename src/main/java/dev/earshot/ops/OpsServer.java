package dev.earshot.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.earshot.app.HealthBoard;
import dev.earshot.app.Leases;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /healthz} (JSON: UP, DEGRADED with what needs a human, or STOPPING; this instance's
 * name and the leases it holds: {@code source:<name>} for each source it polls, {@code chat:discord-gateway}) and
 * {@code GET /metrics} (Prometheus text). Degraded still answers 200: the process is alive and
 * keeps everything; only a stopping process answers 503.
 */
public final class OpsServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OpsServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final HealthBoard health;
    private final Metrics metrics;
    private final Leases leases;
    private volatile boolean stopping;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ops-http");
        t.setDaemon(true);
        return t;
    });

    private OpsServer(HttpServer server, HealthBoard health, Metrics metrics, Leases leases) {
        this.server = server;
        this.leases = leases;
        this.health = health;
        this.metrics = metrics;
    }

    /** @param leases this instance's name and the leases it holds, shown on /healthz */
    public static OpsServer start(String bind, int port, HealthBoard health, Metrics metrics, Leases leases)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(bind, port), 16);
        OpsServer ops = new OpsServer(server, health, metrics, leases);
        server.createContext("/healthz", ops::healthz);
        server.createContext("/metrics", ops::metrics);
        server.setExecutor(ops.executor);
        server.start();
        log.info("health and metrics on http://{}:{}/healthz and /metrics", bind, ops.port());
        return ops;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** From now on /healthz answers 503, so a load balancer or orchestrator stops sending work. */
    public void stopping() {
        stopping = true;
    }

    private void healthz(HttpExchange exchange) throws IOException {
        String status = stopping ? "STOPPING" : health.overall() == HealthBoard.Status.OK ? "UP" : "DEGRADED";
        Map<String, Object> components = new LinkedHashMap<>();
        health.snapshot().forEach((name, e) -> components.put(name, e.until() == null
                ? Map.of("status", e.status().name(), "reason", e.reason(), "since", e.since().toString())
                : Map.of("status", e.status().name(), "reason", e.reason(), "since", e.since().toString(),
                        "until", e.until().toString())));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", status);
        answer.put("instance", leases.instance());
        answer.put("leases", leases.held());
        answer.put("components", components);
        byte[] body = JSON.writeValueAsBytes(answer);
        send(exchange, stopping ? 503 : 200, "application/json", body);
    }

    private void metrics(HttpExchange exchange) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
        writer.write(body, metrics.registry().scrape());
        send(exchange, 200, writer.getContentType(), body.toByteArray());
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
