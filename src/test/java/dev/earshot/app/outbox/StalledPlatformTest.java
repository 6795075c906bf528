package dev.earshot.app.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.Earshot;
import dev.earshot.config.ConfigLoader;
import dev.earshot.config.EarshotConfig;
import dev.earshot.core.Effect;
import dev.earshot.port.Store.OutboxRow;
import dev.earshot.store.SqliteStore;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * RELIABILITY 23, through the whole program: X takes a reply and then sends its answer one byte
 * every 10 seconds. Meanwhile every new mention still reaches the chat on time (the reply's lane
 * holds only X's replies), and stopping Earshot, as SIGTERM does, still takes less than 10 seconds;
 * the stalled reply stays marked sending, to be looked up at the next start.
 */
class StalledPlatformTest {
    private static final int MENTIONS = 50;
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();

    private String screen() {
        synchronized (screen) {
            return screen.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    @Timeout(120)
    void aStalledReplyHoldsNeitherTheNewCardsNorTheStop(@TempDir Path dir) throws Exception {
        try (StalledX x = new StalledX()) {
            x.mention("2001", "@acme my order is late");
            PipedOutputStream keyboard = new PipedOutputStream();
            Earshot earshot = Earshot.start(config(dir, x), Clock.systemUTC(), terminal(keyboard));
            Thread console = new Thread(earshot::runConsole, "console");
            console.setDaemon(true);
            console.start();
            Writer typing = new OutputStreamWriter(keyboard, StandardCharsets.UTF_8);
            long stopMillis;
            try {
                await().atMost(Duration.ofSeconds(20)).until(() -> screen().contains("my order is late"));
                type(typing, "/earshot claim 1");
                type(typing, "/earshot reply 1 Sorry! It ships today.");
                await().atMost(Duration.ofSeconds(20)).until(() -> x.stalledReplies() == 1);

                IntStream.rangeClosed(1, MENTIONS).forEach(i -> x.mention(Integer.toString(3000 + i),
                        "@acme question q" + (100 + i) + " please"));
                await().atMost(Duration.ofSeconds(10)).until(() -> IntStream.rangeClosed(1, MENTIONS)
                        .allMatch(i -> screen().contains("question q" + (100 + i) + " please")));
            } finally {
                typing.close();
                long started = System.nanoTime();
                earshot.close();
                stopMillis = (System.nanoTime() - started) / 1_000_000;
            }
            assertTrue(stopMillis < 10_000, "stopped in " + stopMillis + " ms, with the reply still stalled");
            assertTrue(x.stalledReplies() == 1, "the reply was asked for once");
            try (SqliteStore store = SqliteStore.open(dir.resolve("earshot.db"))) {
                List<OutboxRow> left = store.read(tx -> tx.dueOutbox(Instant.now().plus(Duration.ofDays(1)), 10));
                assertTrue(left.stream().anyMatch(r -> r.effect() instanceof Effect.CustomerReply && r.sending()),
                        "the stalled reply stays marked sending, to be looked up before any resend: " + left);
            }
        }
    }

    private Earshot.Terminal terminal(PipedOutputStream keyboard) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(new PipedInputStream(keyboard),
                StandardCharsets.UTF_8));
        return new Earshot.Terminal(in, new PrintStream(screen, true, StandardCharsets.UTF_8));
    }

    private static EarshotConfig config(Path dir, StalledX x) throws Exception {
        String yaml = """
                team:
                  members: [{ name: alice, confirmReplies: false }]
                store: { path: %s }
                sources:
                  - { type: x, name: acme-x, apiKey: k, apiSecret: s, accessToken: t, accessTokenSecret: ts,
                      baseUrl: "%s", pollEvery: 1s }
                ops: { port: 0 }
                """.formatted(dir.resolve("earshot.db"), x.base());
        return ConfigLoader.load(yaml, "test.yml", name -> null);
    }

    private static void type(Writer typing, String line) throws Exception {
        typing.write(line + "\n");
        typing.flush();
    }
}
