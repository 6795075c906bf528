package dev.earshot.chat.slack;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids of the interactions seen lately, so that a delivery Slack repeats (a Socket Mode
 * envelope sent again after a reconnect, an Events API retry) is acked and otherwise ignored.
 * Bounded: the oldest ids are forgotten first; a repeat comes within seconds, not hours.
 */
final class RecentIds {
    private final Map<String, Boolean> seen;

    RecentIds(int capacity) {
        this.seen = new LinkedHashMap<>(capacity * 2, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** True the first time an id is seen; null ids (nothing to key on) always count as new. */
    synchronized boolean firstTime(String id) {
        return id == null || id.isBlank() || seen.put(id, Boolean.TRUE) == null;
    }

    synchronized int size() {
        return seen.size();
    }
}
