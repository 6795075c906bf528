package dev.earshot.app;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What is working and what needs a human, per outside connection ({@code source:acme-x},
 * {@code chat:support}). Shown on {@code /healthz}. Reasons never hold a secret.
 */
public final class HealthBoard {
    /** LIMITED: a platform's rate limit is spent until a known time; it waits, no human needed. */
    public enum Status { OK, DEGRADED, LIMITED }

    /** @param until when a LIMITED connection may go on; null otherwise */
    public record Entry(Status status, String reason, Instant since, Instant until) {
        public Entry(Status status, String reason, Instant since) {
            this(status, reason, since, null);
        }
    }

    /** Told when a connection becomes DEGRADED and when it works again; never twice in a row. */
    public interface Watcher {
        void changed(String component, Status now, String reason);

        /** Told once when a connection's rate limit is spent (a wait of {@link #SPENT} or more), with when it resets. */
        default void limited(String component, String reason, Instant until) {
        }
    }

    /** A rate-limit wait shorter than this is pacing; this long or longer, the window is spent and worth telling. */
    public static final Duration SPENT = Duration.ofMinutes(5);

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private volatile Watcher watcher = (component, now, reason) -> { };

    /** The one watcher (the chat alerts); replaces the one before. */
    public void watch(Watcher watcher) {
        this.watcher = watcher;
    }

    /** Marks a connection working; true when it was degraded before (worth one log line). */
    public boolean ok(String component, Instant at) {
        boolean recovered;
        synchronized (this) {
            Entry before = entries.put(component, new Entry(Status.OK, "", at));
            recovered = before != null && before.status() == Status.DEGRADED;
        }
        if (recovered) {
            watcher.changed(component, Status.OK, "");
        }
        return recovered;
    }

    /** Marks a connection degraded; true when it was not already (so the caller alerts once). */
    public boolean degraded(String component, String reason, Instant at) {
        synchronized (this) {
            Entry before = entries.get(component);
            if (before != null && before.status() == Status.DEGRADED) {
                return false;
            }
            entries.put(component, new Entry(Status.DEGRADED, reason, at));
        }
        watcher.changed(component, Status.DEGRADED, reason);
        return true;
    }

    /**
     * The platform asked {@code component} to wait {@code wait}: from {@link #SPENT} on, it is shown
     * LIMITED until then and the watcher hears it once (a longer wait while still limited only moves
     * the time). A connection that needs a human stays DEGRADED. True when this is news.
     */
    public boolean rateLimited(String component, String reason, Duration wait, Instant at) {
        if (wait.compareTo(SPENT) < 0) {
            return false;
        }
        Instant until = at.plus(wait);
        synchronized (this) {
            Entry before = entries.get(component);
            if (before != null && before.status() == Status.DEGRADED) {
                return false;
            }
            if (before != null && before.status() == Status.LIMITED && before.until().isAfter(at)) {
                entries.put(component, new Entry(Status.LIMITED, reason, before.since(), until));
                return false;
            }
            entries.put(component, new Entry(Status.LIMITED, reason, at, until));
        }
        watcher.limited(component, reason, until);
        return true;
    }

    /** DEGRADED when any connection needs a human; a spent rate limit waits by itself and leaves it OK. */
    public Status overall() {
        return entries.values().stream().anyMatch(e -> e.status() == Status.DEGRADED) ? Status.DEGRADED : Status.OK;
    }

    public Map<String, Entry> snapshot() {
        return new TreeMap<>(entries);
    }
}
