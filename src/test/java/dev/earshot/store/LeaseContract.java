package dev.earshot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.core.Effect;
import dev.earshot.core.Target;
import dev.earshot.port.Store;
import dev.earshot.port.Store.OutboxRow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Leases between instances, written against the port: named leases (a source, the Discord gateway)
 * and outbox rows claimed by one instance at a time, taken over after they expire. Each store runs
 * it by saying how to open one more store on its storage (an instance); the races spread their
 * writers over {@link #instances()} stores.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
abstract class LeaseContract {
    static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");
    static final Duration TERM = Duration.ofSeconds(20);
    static final Target SUPPORT = Target.chat("support");
    static final Target OTHER = Target.chat("other");

    private final ExecutorService pool = Executors.newFixedThreadPool(24);
    private final List<Store> stores = new ArrayList<>();

    protected abstract Store openStore();

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

    private Store store(int i) {
        return stores.get(i % stores.size());
    }

    private boolean take(String name, String holder, Instant now) {
        return store(0).write(tx -> tx.takeLease(name, holder, now, now.plus(TERM)));
    }

    @Test
    void a_lease_is_held_by_one_renewed_by_it_and_taken_over_only_once_it_expired() {
        assertTrue(take("source:x", "a", T0), "free: a takes it");
        assertFalse(take("source:x", "b", T0.plusSeconds(5)), "held by a");
        assertTrue(take("source:x", "a", T0.plusSeconds(15)), "a renews it, until T0+35");
        assertFalse(take("source:x", "b", T0.plusSeconds(30)), "still a's after a's renewal");
        assertTrue(take("source:x", "b", T0.plusSeconds(35)), "expired: b takes it over");
        assertFalse(take("source:x", "a", T0.plusSeconds(36)), "a lost it");
        assertTrue(take("source:y", "a", T0.plusSeconds(36)), "another name is another lease");

        store(0).write(tx -> {
            tx.releaseLease("source:x", "a"); // not a's: nothing happens
            return null;
        });
        assertFalse(take("source:x", "a", T0.plusSeconds(37)));
        store(0).write(tx -> {
            tx.releaseLease("source:x", "b");
            return null;
        });
        assertTrue(take("source:x", "a", T0.plusSeconds(38)), "given up: taken at once");
    }

    @Test
    void many_instances_race_for_a_free_lease_and_exactly_one_wins_every_round() throws Exception {
        for (int round = 0; round < 5; round++) {
            String name = "source:race-" + round;
            Instant now = T0.plusSeconds(round);
            List<Boolean> won = together(24, i -> () -> store(i).<Boolean>write(tx -> tx.takeLease(name, "i" + i,
                    now, now.plus(TERM))));
            assertEquals(1, won.stream().filter(w -> w).count(), "winners of " + name);
        }
    }

    @Test
    void outbox_rows_go_to_one_instance_and_its_target_with_them_until_the_lease_expires() {
        List<Long> support = enqueue(SUPPORT, 3);
        List<Long> other = enqueue(OTHER, 2);

        List<OutboxRow> a = claim("a", T0);
        assertEquals(5, a.size(), "a takes everything due");
        assertEquals(List.of(), claim("b", T0.plusSeconds(1)), "b gets none of a's rows");

        long later = enqueue(SUPPORT, 1).get(0);
        assertEquals(List.of(), claim("b", T0.plusSeconds(2)), "a new row of a target a holds waits for a");
        assertTrue(ids(claim("a", T0.plusSeconds(2))).contains(later), "a takes its target's new row");

        store(0).write(tx -> {
            support.forEach(id -> tx.markDone(id, T0.plusSeconds(3)));
            tx.markDone(later, T0.plusSeconds(3));
            tx.markSending(other.get(0), T0.plusSeconds(3)); // a dies mid-send
            return null;
        });
        assertEquals(List.of(), claim("b", T0.plusSeconds(19)), "a's lease has not expired yet");
        List<OutboxRow> b = claim("b", T0.plusSeconds(23));
        assertEquals(other, ids(b), "after the lease b takes a's rows over");
        assertTrue(b.get(0).sending(), "the row a was sending is marked so: b looks it up before any resend");
        assertFalse(store(0).<Boolean>read(tx -> tx.holdsOutboxRow(other.get(0), "a")), "a may no longer send it");
        assertTrue(store(0).<Boolean>read(tx -> tx.holdsOutboxRow(other.get(0), "b")));
    }

    @Test
    void a_target_stays_with_its_holder_while_its_rows_wait_for_a_retry() {
        List<Long> support = enqueue(SUPPORT, 1);
        claim("a", T0);
        store(0).write(tx -> {
            tx.markRetry(support.get(0), T0.plusSeconds(60), "503"); // backing off, not due, still a's
            return null;
        });
        enqueue(SUPPORT, 1);
        assertEquals(List.of(), claim("b", T0.plusSeconds(2)), "the new row waits for a, in order behind its retry");
    }

    @Test
    void a_claim_renews_the_holders_rows_so_a_long_turn_keeps_its_target() {
        enqueue(SUPPORT, 2);
        claim("a", T0);
        claim("a", T0.plusSeconds(15)); // half spent: renewed until T0+35
        assertEquals(List.of(), claim("b", T0.plusSeconds(25)));
        assertEquals(2, claim("b", T0.plusSeconds(36)).size());
    }

    @Test
    void a_graceful_stop_gives_up_the_rows_not_in_flight_at_once() {
        List<Long> support = enqueue(SUPPORT, 2);
        enqueue(OTHER, 1);
        claim("a", T0);
        store(0).write(tx -> {
            tx.markSending(support.get(0), T0);
            tx.releaseOutbox("a");
            return null;
        });
        List<OutboxRow> b = claim("b", T0.plusSeconds(1));
        assertEquals(List.of(OTHER), b.stream().map(OutboxRow::target).distinct().toList(),
                "the target with a row in flight stays a's until the lease expires");
    }

    /**
     * Under contention a round may leave a row to the next turn (an instance that locked it saw an
     * older row of its target go to another, and stepped aside); never may a row or a target be
     * shared. The next turn of each instance takes what the race left, still without sharing.
     */
    @Test
    void instances_claiming_at_once_never_share_a_row_or_a_target() throws Exception {
        for (int t = 0; t < 8; t++) {
            enqueue(Target.chat("c" + t), 25);
        }
        int claimers = 12;
        List<List<OutboxRow>> race = together(claimers, i -> () -> store(i).write(tx ->
                tx.claimOutbox("i" + i, T0, T0.plus(TERM), 200)));
        Map<Long, Integer> rowOwner = new HashMap<>();
        Map<Target, Integer> targetOwner = new HashMap<>();
        for (int i = 0; i < claimers; i++) {
            recordClaims(i, race.get(i), rowOwner, targetOwner);
        }
        for (int i = 0; i < claimers; i++) {
            int instance = i;
            recordClaims(i, store(i).write(tx -> tx.claimOutbox("i" + instance, T0.plusSeconds(1),
                    T0.plusSeconds(1).plus(TERM), 200)), rowOwner, targetOwner);
        }
        assertEquals(200, rowOwner.size(), "every due row claimed by the end of the next turn");
    }

    private static void recordClaims(int instance, List<OutboxRow> claimed, Map<Long, Integer> rowOwner,
            Map<Target, Integer> targetOwner) {
        for (OutboxRow row : claimed) {
            Integer before = rowOwner.putIfAbsent(row.id(), instance);
            assertTrue(before == null || before == instance,
                    "row " + row.id() + " claimed by i" + before + " and i" + instance);
            Integer owner = targetOwner.putIfAbsent(row.target(), instance);
            assertTrue(owner == null || owner == instance,
                    row.target() + " split between i" + owner + " and i" + instance);
        }
    }

    private List<Long> enqueue(Target target, int n) {
        return store(0).write(tx -> {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ids.add(tx.enqueue(new Effect.UpdateCard(100 + i), target, T0));
            }
            return ids;
        });
    }

    private List<OutboxRow> claim(String holder, Instant now) {
        return store(0).write(tx -> tx.claimOutbox(holder, now, now.plus(TERM), 200));
    }

    private static List<Long> ids(List<OutboxRow> rows) {
        return rows.stream().map(OutboxRow::id).toList();
    }

    /** Runs {@code n} calls released at one moment; returns their results in order. */
    private <T> List<T> together(int n, java.util.function.IntFunction<Callable<T>> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Callable<T> c = call.apply(i);
            futures.add(pool.submit(() -> {
                start.await();
                return c.call();
            }));
        }
        start.countDown();
        List<T> out = new ArrayList<>();
        for (Future<T> f : futures) {
            out.add(f.get(60, TimeUnit.SECONDS));
        }
        return out;
    }
}
