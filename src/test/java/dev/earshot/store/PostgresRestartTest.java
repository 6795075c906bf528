package dev.earshot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.app.outbox.Dispatcher;
import dev.earshot.testing.Harness;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL restarts under a running Earshot (the application as production wires it, on the demo
 * source): the pool's connections all break, HikariCP opens new ones, and the outbox rows written
 * before the restart are still there and sent, each card once.
 */
class PostgresRestartTest {
    @TempDir
    Path dir;

    @Test
    void afterARestartThePoolReconnectsAndNoOutboxRowIsLostOrSentTwice() {
        String url = TestPostgres.migratedDatabase();
        try (Harness h = new Harness(dir, () -> PostgresStore.open(url, TestPostgres.USER, TestPostgres.PASSWORD))) {
            Dispatcher dispatcher = h.dispatcher();
            int opened = poll(h);
            h.drain(dispatcher);
            int posted = h.chat.cards.size();
            h.clock.advance(Duration.ofMinutes(5));
            opened += poll(h); // new customers: their cards wait in the outbox across the restart
            int waiting = h.outboxBacklog();
            assertTrue(posted > 0 && waiting > 0, "posted " + posted + ", waiting " + waiting);

            TestPostgres.restart(() -> { });

            // The pool's old connections are dead. HikariCP checks one idle for over 500 ms before
            // handing it out; one used just before the restart fails its first call, and the outbox's
            // next round (every 200 ms in production) gets a new connection. At most one such per slot.
            for (int round = 0; round <= 10; round++) {
                try {
                    h.drain(dispatcher);
                    if (h.outboxBacklog() == 0) {
                        break;
                    }
                } catch (StoreException e) {
                    // that round's connection was one the restart broke
                }
            }
            assertEquals(0, h.outboxBacklog());
            h.clock.advance(Duration.ofMinutes(5));
            opened += poll(h);
            h.drain(dispatcher);

            List<String> keys = h.chat.cards.stream().map(c -> c.key()).toList();
            assertEquals(opened, keys.size(), "one card per conversation");
            assertEquals(keys.size(), new HashSet<>(keys).size(), "no card twice: " + keys);
            assertEquals(0, h.outboxBacklog());
        }
    }

    /** One poll that must work; returns the conversations it opened. */
    private static int poll(Harness h) {
        return h.poller().pollOnce().orElseThrow(() -> new AssertionError("the poll failed")).opened();
    }
}
