package dev.earshot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.core.Author;
import dev.earshot.core.Conversation;
import dev.earshot.core.Effect;
import dev.earshot.core.HistoryEntry;
import dev.earshot.core.Message;
import dev.earshot.core.MessageKind;
import dev.earshot.core.Platform;
import dev.earshot.core.Priority;
import dev.earshot.core.Refusal;
import dev.earshot.core.Target;
import dev.earshot.port.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Promise 15 (exactly one claim winner) and the once-only guards, with many writers at the same
 * moment spread over several stores on the same storage (processes on one SQLite file, instances on
 * one PostgreSQL database). Each store runs it by saying how to open one more store on its storage.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
abstract class StoreConcurrencyContract {
    static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");
    private static final int CLAIMERS = 200;
    private static final int ROUNDS = 5;

    private final ExecutorService pool = Executors.newFixedThreadPool(CLAIMERS);
    private final List<Store> stores = new ArrayList<>();

    /** Opens one more store on this test's storage: every call reaches the same data. */
    protected abstract Store openStore();

    /** How many stores the claim race is spread over. */
    protected abstract int instances();

    @BeforeEach
    void openTheStores() {
        for (int i = 0; i < Math.max(2, instances()); i++) {
            stores.add(openStore());
        }
    }

    @AfterEach
    void closeTheStores() {
        pool.shutdownNow();
        stores.forEach(Store::close);
    }

    /** What one teammate's click came to: the claim, or the sentence that refused it. */
    private record Outcome(String member, boolean won, String refusal) {
    }

    @Test
    void two_hundred_teammates_claim_one_conversation_and_exactly_one_wins_every_round() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            long id = stores.get(0).write(tx -> tx.insertConversation(newConversation("m-" + System.nanoTime()))).id();

            List<Outcome> outcomes = runTogether(CLAIMERS, i -> () -> claim(store(i), id, "member-" + i));

            List<Outcome> winners = outcomes.stream().filter(Outcome::won).toList();
            assertEquals(1, winners.size(), () -> "winners in round with #" + id + ": " + winners);
            String winner = winners.get(0).member();
            Conversation stored = stores.get(1).read(tx -> tx.conversation(id)).orElseThrow();
            assertEquals(winner, stored.owner());
            assertEquals(2, stored.version(), "one successful write, no lost update");
            String told = "#" + id + " is already claimed by @" + winner;
            outcomes.stream().filter(o -> !o.won())
                    .forEach(o -> assertEquals(told, o.refusal(), () -> o.member() + " was told the wrong owner"));
        }
    }

    @Test
    void a_read_modify_write_transaction_sees_no_one_change_its_row_under_it() throws Exception {
        int threadsPerStore = 8;
        int transactionsEach = 25;
        long id = stores.get(0).write(tx -> tx.insertConversation(newConversation("m-shared"))).id();

        // Read, then write what was read, in one transaction: SQLite's IMMEDIATE transactions (plus the
        // busy timeout) make the loser wait; PostgreSQL's SERIALIZABLE makes it run again on fresh data.
        List<Integer> committed = runTogether(2 * threadsPerStore, i -> () -> {
            Store store = stores.get(i % 2);
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
        assertEquals(2 * threadsPerStore * transactionsEach, total);
        assertEquals(1 + total, stores.get(1).read(tx -> tx.conversation(id)).orElseThrow().version());
        assertEquals(total, stores.get(0).read(tx -> tx.history(id)).size());
    }

    @Test
    void digests_nudges_and_follow_up_reminders_go_out_once_however_many_try_at_the_same_moment() throws Exception {
        long id = stores.get(0).write(tx -> tx.insertConversation(newConversation("m-once"))).id();
        long followUp = stores.get(0).write(tx -> tx.addFollowUp(new dev.earshot.core.FollowUp(0, id,
                T0.plusSeconds(60), "call back", "alice", T0, null))).id();
        int tries = 40;

        List<Integer> wins = runTogether(tries, i -> () -> store(i).write(tx -> {
            int won = 0;
            if (tx.claimRun("daily-digest:support", "2025-03-03", T0)) {
                tx.enqueue(new Effect.Notice(id, "alice", "digest"), Target.chat("support"), T0);
                won++;
            }
            if (tx.recordNudge(id, "sla:50", T0)) {
                tx.enqueue(new Effect.Notice(id, "alice", "nudge"), Target.chat("support"), T0);
                won += 10;
            }
            if (tx.markFollowUpReminded(followUp, T0)) {
                won += 100;
            }
            return won;
        }));

        assertEquals(111, wins.stream().mapToInt(Integer::intValue).sum(), "each guard let exactly one through");
        assertEquals(2, (int) stores.get(1).read(tx -> tx.outboxBacklog()), "one digest row and one nudge row");
    }

    @Test
    void cursors_and_outbox_rows_written_at_once_are_all_kept() throws Exception {
        long id = stores.get(0).write(tx -> tx.insertConversation(newConversation("m-outbox"))).id();
        int writers = 40;

        List<Long> rows = runTogether(writers, i -> () -> store(i).write(tx -> {
            tx.saveCursor("x:brand", "cursor-" + i, T0.plusMillis(i));
            return tx.enqueue(new Effect.UpdateCard(id), Target.chat("support"), T0);
        }));

        assertEquals(writers, new HashSet<>(rows).size(), "every row got an id of its own");
        assertEquals(writers, stores.get(1).read(tx -> tx.dueOutbox(T0, 1_000)).size());
        String cursor = stores.get(0).read(tx -> tx.cursor("x:brand")).orElseThrow();
        assertTrue(cursor.matches("cursor-\\d+"), cursor);
    }

    private Store store(int i) {
        return stores.get(i % instances());
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
            results.add(f.get(60, TimeUnit.SECONDS));
        }
        return results;
    }

    private static Conversation newConversation(String externalId) {
        Message first = new Message(Platform.X, "brand", externalId, new Author(Platform.X, "jane", null, 10, null),
                "where is my order?", "", T0, MessageKind.MENTION, null, null);
        return Conversation.open(first, "#support", new Priority(40));
    }
}
