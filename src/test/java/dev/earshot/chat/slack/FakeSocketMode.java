package dev.earshot.chat.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * Slack's Socket Mode end on 127.0.0.1: says {@code hello} when the app connects, sends the
 * envelopes a test gives it, and records what the app sends back (acks carry the envelope id).
 */
final class FakeSocketMode extends WebSocketServer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final CountDownLatch started = new CountDownLatch(1);
    final List<WebSocket> connections = new CopyOnWriteArrayList<>();
    final List<JsonNode> received = new CopyOnWriteArrayList<>();
    final List<Long> ackedAtNanos = new CopyOnWriteArrayList<>();

    FakeSocketMode() {
        super(new InetSocketAddress("127.0.0.1", 0));
        setReuseAddr(true);
        start();
        try {
            if (!started.await(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the fake Socket Mode server did not start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String url() {
        return "ws://127.0.0.1:" + getPort() + "/link/?ticket=fake";
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        connections.add(conn);
        conn.send(FakeSlack.template("hello").toString());
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        try {
            received.add(JSON.readTree(message));
            ackedAtNanos.add(System.nanoTime());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        connections.remove(conn);
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        // a test that cares looks at what was received
    }

    /**
     * Sends a Socket Mode envelope of {@code type} (slash_commands, interactive) around the payload,
     * to one of the open connections, as Slack spreads events over an app's connections (several
     * Earshot instances each hold one).
     */
    void envelope(String id, String type, JsonNode payload) {
        ObjectNode envelope = JSON.createObjectNode().put("envelope_id", id).put("type", type)
                .put("accepts_response_payload", type.equals("slash_commands"));
        envelope.set("payload", payload);
        List<WebSocket> open = connections.stream().filter(WebSocket::isOpen).toList();
        if (!open.isEmpty()) {
            open.get(ThreadLocalRandom.current().nextInt(open.size())).send(envelope.toString());
        }
    }

    boolean acked(String envelopeId) {
        return received.stream().anyMatch(m -> envelopeId.equals(m.path("envelope_id").asText()));
    }

    void shutdown() {
        try {
            stop(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
