package dev.earshot;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.config.ConfigLoader;
import dev.earshot.config.EarshotConfig;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole flow as a user meets it: a config file, the demo source, the terminal chat driven
 * through piped input, a real SQLite file, and the ops endpoint.
 */
class EndToEndTest {
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();

    private String screen() {
        synchronized (screen) {
            return screen.toString(StandardCharsets.UTF_8);
        }
    }

    private void awaitScreen(String text) {
        await().atMost(Duration.ofSeconds(20)).until(() -> screen().contains(text));
    }

    @Test
    void claimCollideReplyAndTheCustomerGetsOneReply(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String yaml = """
                team:
                  members: [{ name: alice }, { name: bob }]
                store: { path: %s }
                sources: [{ type: demo, name: demo, seed: 42, pollEvery: 1h }]
                ops: { port: %d, bind: 127.0.0.1 }
                """.formatted(dir.resolve("earshot.db"), port);
        EarshotConfig config = ConfigLoader.load(yaml, "test.yml", name -> null);

        PipedOutputStream keyboard = new PipedOutputStream();
        BufferedReader in = new BufferedReader(new InputStreamReader(new PipedInputStream(keyboard), StandardCharsets.UTF_8));
        PrintStream out = new PrintStream(screen, true, StandardCharsets.UTF_8);
        Earshot earshot = Earshot.start(config, Clock.systemUTC(), new Earshot.Terminal(in, out));
        Thread console = new Thread(earshot::runConsole, "console");
        console.start();
        Writer typing = new OutputStreamWriter(keyboard, StandardCharsets.UTF_8);
        try {
            awaitScreen("┌ #4 ");
            assertTrue(screen().contains("│ <!channel> @everyone @here"), "customer text shown as text");

            type(typing, "/earshot claim 1");
            awaitScreen("→ You claimed #1.");
            type(typing, "/as bob");
            type(typing, "/earshot claim 1");
            awaitScreen("→ #1 is already claimed by @alice");
            type(typing, "/as alice");
            type(typing, "/earshot reply 1 Thanks, we're on it!");
            awaitScreen("Send it? (y/n)");
            assertEquals(0, earshot.demoSources().get(0).replies().size(), "shown first, not sent");
            type(typing, "y");
            awaitScreen("✅ replied by @alice in");
            assertEquals(1, earshot.demoSources().get(0).replies().size());
            assertEquals("Thanks, we're on it!", earshot.demoSources().get(0).replies().get(0).text());

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/healthz")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            assertTrue(health.body().contains("\"status\":\"UP\""), health.body());
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            // Per instance: the label names this instance (instance.name; on SQLite by default the host name).
            assertTrue(metrics.body().matches("(?s).*earshot_events_total\\{event=\"PostCard\",instance=\"[^\"]+\","
                    + "target=\"chat:support\"} 4.*"), metrics.body());
            assertTrue(metrics.body().contains("earshot_lease_held{instance="), metrics.body());
            assertTrue(health.body().contains("\"leases\":[\"source:demo\"]"), health.body());
            assertTrue(metrics.body().contains("earshot_waiting_conversations 3"), metrics.body());
        } finally {
            typing.close();
            console.join(10_000);
            earshot.close();
        }
        assertEquals(1, earshot.demoSources().get(0).replies().size(), "exactly once, also after the stop");
    }

    private static void type(Writer typing, String line) throws Exception {
        typing.write(line + "\n");
        typing.flush();
    }
}
