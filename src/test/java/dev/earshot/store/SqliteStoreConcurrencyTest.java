package dev.earshot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.core.Author;
import dev.earshot.core.Conversation;
import dev.earshot.core.HistoryEntry;
import dev.earshot.core.Message;
import dev.earshot.core.MessageKind;
import dev.earshot.core.Platform;
import dev.earshot.core.Priority;
import dev.earshot.core.Refusal;
import dev.earshot.port.Store;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Promise 15 (exactly one claim winner) and promise 8 (no "database is locked" between processes). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SqliteStoreConcurrencyTest {
    private static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");
    private static final int CLAIMERS = 200;
    private static final int ROUNDS = 5;

    @TempDir
    Path dir;

    private final ExecutorService pool = Executors.newFixedThreadPool(CLAIMERS);

    @AfterEach
    void stopThePool() {
        pool.shutdownNow();
    }

    /** What one teammate's click came to: the claim, or the sentence that refused it. */
    private record Outcome(String member, boolean won, String refusal) {
    }

    @Test
    void two_hundred_teammates_claim_one_conversation_and_exactly_one_wins_every_round() throws Exception {
        try (SqliteStore store = SqliteStore.open(dir.resolve("earshot.db"))) {
            for (int round = 0; round < ROUNDS; round++) {
                long id = store.write(tx -> tx.insertConversation(newConversation("m-" + System.nanoTime()))).id();

                List<Outcome> outcomes = runTogether(CLAIMERS, i -> () -> claim(store, id, "member-" + i));

                List<Outcome> winners = outcomes.stream().filter(Outcome::won).toList();
                assertEquals(1, winners.size(), () -> "winners in round with #" + id + ": " + winners);
                String winner = winners.get(0).member();
                Conversation stored = store.read(tx -> tx.conversation(id)).orElseThrow();
                assertEquals(winner, stored.owner());
                assertEquals(2, stored.version(), "one successful write, no lost update");
                String told = "#" + id + " is already claimed by @" + winner;
                outcomes.stream().filter(o -> !o.won())
                        .forEach(o -> assertEquals(told, o.refusal(), () -> o.member() + " was told the wrong owner"));
            }
        }
    }

    @Test
    void two_stores_on_one_file_write_under_contention_without_database_is_locked() throws Exception {
        Path file = dir.resolve("earshot.db");
        int perStoreThreads = 8;
        int transactionsEach = 25;
        try (SqliteStore first = SqliteStore.open(file); SqliteStore second = SqliteStore.open(file)) {
            long id = first.write(tx -> tx.insertConversation(newConversation("m-shared"))).id();

            // Read-modify-write inside one transaction: the DEFERRED trap fails exactly this between
            // two connections; IMMEDIATE plus the busy timeout makes the loser wait instead.
            List<Integer> committed = runTogether(2 * perStoreThreads, i -> () -> {
                Store store = i % 2 == 0 ? first : second;
                int done = 0;
                for (int n = 0; n < transactionsEach; n++) {
                    boolean won = store.write(tx -> {
                        Conversation c = tx.conversation(id).orElseThrow();
                        tx.record(new HistoryEntry(id, T0, "writer-" + i, "touch", String.valueOf(c.version())));
                        return tx.update(c);
                    });
                    assertTrue(won, "inside one write transaction nobody can change the row under us");
                    done++;
                }
                return done;
            });

            int total = committed.stream().mapToInt(Integer::intValue).sum();
            assertEquals(2 * perStoreThreads * transactionsEach, total);
            assertEquals(1 + total, second.read(tx -> tx.conversation(id)).orElseThrow().version());
            assertEquals(total, first.read(tx -> tx.history(id)).size());
        }
    }

    private static Outcome claim(Store store, long id, String member) {
        while (true) {
            Conversation seen = store.read(tx -> tx.conversation(id)).orElseThrow();
            Conversation claimed;
            try {
                claimed = seen.claim(member);
            } catch (Refusal refusal) {
                return new Outcome(member, false, refusal.getMessage());
            }
            if (store.write(tx -> tx.update(claimed))) {
                return new Outcome(member, true, null);
            }
        }
    }

    /** Starts {@code count} tasks at the same moment and returns their results; any failure fails the test. */
    private <T> List<T> runTogether(int count, IntFunction<Callable<T>> task) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Callable<T> work = task.apply(i);
            futures.add(pool.submit(() -> {
                start.await();
                return work.call();
            }));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get(30, TimeUnit.SECONDS));
        }
        return results;
    }

    private static Conversation newConversation(String externalId) {
        Message first = new Message(Platform.X, "brand", externalId, new Author(Platform.X, "jane", null, 10, null),
                "where is my order?", "", T0, MessageKind.MENTION, null, null);
        return Conversation.open(first, "#support", new Priority(40));
    }
}
