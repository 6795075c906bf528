package dev.earshot.app;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What is working and what needs a human, per outside connection ({@code source:acme-x},
 * {@code chat:support}). Shown on {@code /healthz}. Reasons never hold a secret.
 */
public final class HealthBoard {
    public enum Status { OK, DEGRADED }

    public record Entry(Status status, String reason, Instant since) {
    }

    /** Told when a connection becomes DEGRADED and when it works again; never twice in a row. */
    public interface Watcher {
        void changed(String component, Status now, String reason);
    }

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

    public Status overall() {
        return entries.values().stream().anyMatch(e -> e.status() == Status.DEGRADED) ? Status.DEGRADED : Status.OK;
    }

    public Map<String, Entry> snapshot() {
        return new TreeMap<>(entries);
    }
}
