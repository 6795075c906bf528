package dev.earshot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.store.SqliteStore;
import dev.earshot.testing.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances' {@link Leases} on one store, on a test clock: one holds a lease and runs its work,
 * the other takes it over once the holder stopped renewing (killed) and the lease expired, and the
 * old holder stops its work when it learns so. A graceful stop gives the lease up at once.
 */
class LeasesTest {
    private static final Duration TERM = Duration.ofSeconds(20);
    private static final String LEASE = "source:acme";

    @TempDir
    Path dir;
    private final TestClock clock = TestClock.at("2026-11-23T09:00:00Z");
    private final List<String> events = new ArrayList<>();
    private SqliteStore store;
    private Leases a;
    private Leases b;

    @BeforeEach
    void twoInstances() {
        store = SqliteStore.open(dir.resolve("earshot.db"));
        a = instance("a");
        b = instance("b");
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Leases instance(String name) {
        Leases leases = new Leases(store, name, TERM, clock);
        leases.keep(LEASE, () -> {
            events.add(name + " started");
            return List.of(() -> events.add(name + " stopped"));
        });
        return leases;
    }

    @Test
    void oneInstanceHoldsALeaseAndAnotherTakesItOverOnlyAfterItExpired() {
        a.renew();
        b.renew();
        assertTrue(a.holds(LEASE));
        assertFalse(b.holds(LEASE));
        assertEquals(List.of(LEASE), a.held());
        assertEquals(List.of("a started"), events);

        clock.advance(a.renewEvery());
        a.renew();
        b.renew();
        assertEquals(List.of("a started"), events, "renewing does not start the work again");

        clock.advance(Duration.ofSeconds(16)); // a was killed: no renewal since, 16 s ago
        assertFalse(a.holds(LEASE), "a stops counting on it before it expires for others");
        b.renew();
        assertFalse(b.holds(LEASE), "not expired yet: 16 s of 20");
        clock.advance(Duration.ofSeconds(4));
        b.renew();
        assertTrue(b.holds(LEASE), "expired: b took it over");
        assertEquals(List.of("a started", "b started"), events);

        a.renew(); // a was only stalled, and comes back
        assertFalse(a.holds(LEASE));
        assertEquals(List.of("a started", "b started", "a stopped"), events, "a stops its work");
    }

    @Test
    void aGracefulStopGivesTheLeaseUpAtOnce() {
        a.renew();
        a.close();
        a.renew(); // a renewal still scheduled at the stop takes nothing back
        assertEquals(List.of("a started", "a stopped"), events);
        b.renew();
        assertTrue(b.holds(LEASE), "taken without waiting for the lease to expire");
    }

    @Test
    void workThatCannotStartGivesTheLeaseUpForAnotherInstance() {
        Leases broken = new Leases(store, "broken", TERM, clock);
        broken.keep("chat:discord-gateway", () -> {
            throw new IllegalStateException("gateway refused");
        });
        broken.renew();
        assertFalse(broken.holds("chat:discord-gateway"));
        Leases other = new Leases(store, "other", TERM, clock);
        other.keep("chat:discord-gateway", List::of);
        other.renew();
        assertTrue(other.holds("chat:discord-gateway"));
    }
}
