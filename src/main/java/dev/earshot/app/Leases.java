package dev.earshot.app;

import dev.earshot.port.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's leases on work only one instance may do at a time: polling a source (and
 * streaming it), holding the Discord gateway session. Each lease is a row in the store, taken when
 * free or expired and renewed by {@link #renew()} on a timer, every quarter of its term. An
 * instance killed without a word keeps its leases only until they expire; the next renewal of
 * another instance then takes them over and starts the work there. With one instance (SQLite)
 * every lease is simply this one's.
 *
 * <p>Locally a lease counts as held for three quarters of its term from the renewal that took it,
 * so this instance stops before another may start, even when a renewal comes late.
 */
public final class Leases implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Leases.class);

    /** What runs while a lease is held: started when it is taken; what it returns is closed when it is lost. */
    @FunctionalInterface
    public interface Work {
        List<AutoCloseable> start();
    }

    private static final class Kept {
        final Work work;
        volatile Instant heldUntil = Instant.MIN;
        boolean active;
        List<AutoCloseable> running = List.of();

        Kept(Work work) {
            this.work = work;
        }
    }

    private final Store store;
    private final String instance;
    private final Duration term;
    private final Clock clock;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();
    private boolean closed;

    /** @param instance this instance's name ({@code instance.name}); @param term how long a lease lasts unrenewed */
    public Leases(Store store, String instance, Duration term, Clock clock) {
        this.store = store;
        this.instance = instance;
        this.term = term;
        this.clock = clock;
    }

    /** The lease name of polling a source. */
    public static String source(String name) {
        return "source:" + name;
    }

    public String instance() {
        return instance;
    }

    /** How often {@link #renew()} must run: a quarter of the term. */
    public Duration renewEvery() {
        return term.dividedBy(4);
    }

    /** Competes for {@code name} from the next {@link #renew()} on, running {@code work} while it is held. */
    public void keep(String name, Work work) {
        kept.put(name, new Kept(work));
    }

    /** Whether this instance holds {@code name} now. */
    public boolean holds(String name) {
        Kept k = kept.get(name);
        return k != null && clock.instant().isBefore(k.heldUntil);
    }

    /** The leases this instance holds now, by name. */
    public List<String> held() {
        return kept.keySet().stream().filter(this::holds).sorted().toList();
    }

    /** Takes what is free, renews what is ours, and starts or stops the work of each lease that changed hands. */
    public synchronized void renew() {
        if (closed) {
            return; // stopping: a renewal still scheduled must not take back what close() gave up
        }
        for (Map.Entry<String, Kept> e : kept.entrySet()) {
            String name = e.getKey();
            Kept k = e.getValue();
            Instant now = clock.instant();
            boolean had = now.isBefore(k.heldUntil);
            boolean has;
            try {
                has = store.write(tx -> tx.takeLease(name, instance, now, now.plus(term)));
            } catch (RuntimeException ex) {
                log.warn("lease {} could not be renewed ({})", name, ex.getMessage());
                if (!had && k.active) {
                    stop(k); // lapsed here: another instance may hold it by now
                }
                continue;
            }
            if (has) {
                k.heldUntil = now.plus(term.multipliedBy(3).dividedBy(4));
                if (!k.active) {
                    gained(name, k);
                }
            } else {
                k.heldUntil = Instant.MIN;
                if (k.active) {
                    log.info("lease {} is held by another instance now", name);
                    stop(k);
                }
            }
        }
    }

    private void gained(String name, Kept k) {
        try {
            k.running = List.copyOf(k.work.start());
            k.active = true;
            log.info("lease {} taken by {}", name, instance);
        } catch (RuntimeException e) {
            log.error("lease {} was taken but its work did not start ({}); giving it up for another instance",
                    name, e.getMessage());
            k.heldUntil = Instant.MIN;
            release(name);
        }
    }

    /** Stops every lease's work and gives the leases up, so that another instance takes them at once. */
    @Override
    public synchronized void close() {
        closed = true;
        for (Map.Entry<String, Kept> e : kept.entrySet()) {
            stop(e.getValue());
            if (e.getValue().heldUntil.isAfter(Instant.MIN)) {
                release(e.getKey());
            }
            e.getValue().heldUntil = Instant.MIN;
        }
    }

    private void release(String name) {
        try {
            store.write(tx -> {
                tx.releaseLease(name, instance);
                return null;
            });
        } catch (RuntimeException e) {
            log.warn("lease {} could not be given up ({}); it expires by itself", name, e.getMessage());
        }
    }

    private static void stop(Kept k) {
        for (AutoCloseable c : new ArrayList<>(k.running)) {
            try {
                c.close();
            } catch (Exception e) {
                log.warn("stopping {} failed", c.getClass().getSimpleName(), e);
            }
        }
        k.running = List.of();
        k.active = false;
    }
}
