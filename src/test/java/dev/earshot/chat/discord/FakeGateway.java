package dev.earshot.chat.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * Discord's gateway on 127.0.0.1, JSON, compression off: HELLO on connect, READY after IDENTIFY
 * (no guilds: Earshot asks for no intents), an ACK for each heartbeat, then whatever
 * INTERACTION_CREATE a test sends. Records what the client sends.
 */
final class FakeGateway extends WebSocketServer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final CountDownLatch started = new CountDownLatch(1);
    final List<WebSocket> connections = new CopyOnWriteArrayList<>();
    final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private volatile boolean ready;

    FakeGateway() {
        super(new InetSocketAddress("127.0.0.1", 0));
        setReuseAddr(true);
        start();
        try {
            if (!started.await(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the fake gateway did not start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String url() {
        return "ws://127.0.0.1:" + getPort() + "/";
    }

    boolean ready() {
        return ready;
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        connections.add(conn);
        ObjectNode hello = JSON.createObjectNode().put("op", 10).putNull("s").putNull("t");
        hello.putObject("d").put("heartbeat_interval", 41_250);
        conn.send(hello.toString());
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        JsonNode m;
        try {
            m = JSON.readTree(message);
        } catch (IOException e) {
            return;
        }
        received.add(m);
        switch (m.path("op").asInt(-1)) {
            case 1 -> conn.send("{\"op\":11,\"d\":null,\"s\":null,\"t\":null}");
            case 2 -> {
                ObjectNode d = JSON.createObjectNode().put("v", 10).put("session_id", "fake-session")
                        .put("resume_gateway_url", url());
                d.set("user", FakeDiscord.self());
                d.putArray("guilds");
                d.putArray("private_channels");
                d.putObject("application").put("id", FakeDiscord.BOT).put("flags", 0);
                conn.send(dispatch("READY", d));
                ready = true;
            }
            default -> {
            }
        }
    }

    /** Sends an INTERACTION_CREATE to every connected client. */
    void interaction(JsonNode payload) {
        String event = dispatch("INTERACTION_CREATE", payload);
        connections.forEach(c -> c.send(event));
    }

    private String dispatch(String type, JsonNode d) {
        ObjectNode e = JSON.createObjectNode().put("op", 0).put("s", sequence.incrementAndGet()).put("t", type);
        e.set("d", d);
        return e.toString();
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        connections.remove(conn);
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        // a test that cares looks at what was received
    }

    void shutdown() {
        try {
            stop(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
