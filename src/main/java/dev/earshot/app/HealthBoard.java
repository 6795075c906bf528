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

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** Marks a connection working; true when it was degraded before (worth one log line). */
    public boolean ok(String component, Instant at) {
        Entry before = entries.put(component, new Entry(Status.OK, "", at));
        return before != null && before.status() == Status.DEGRADED;
    }

    /** Marks a connection degraded; true when it was not already (so the caller alerts once). */
    public boolean degraded(String component, String reason, Instant at) {
        Entry before = entries.get(component);
        if (before != null && before.status() == Status.DEGRADED) {
            return false;
        }
        entries.put(component, new Entry(Status.DEGRADED, reason, at));
        return true;
    }

    public Status overall() {
        return entries.values().stream().anyMatch(e -> e.status() == Status.DEGRADED) ? Status.DEGRADED : Status.OK;
    }

    public Map<String, Entry> snapshot() {
        return new TreeMap<>(entries);
    }
}
