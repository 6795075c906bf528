package dev.earshot.chat.discord;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reply text kept for the next Reply… of the same person on the same conversation: a picked
 * template, or what they typed when the reply was refused (too long for the platform, say), so
 * that nothing typed is lost. Bounded: the oldest go first. Kept in memory only.
 */
final class Drafts {
    private final Map<String, String> drafts;

    Drafts(int max) {
        this.drafts = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > max;
            }
        };
    }

    synchronized void keep(String user, long conversation, String text) {
        drafts.put(user + ":" + conversation, text);
    }

    /** The kept text (and forgets it), or null. */
    synchronized String take(String user, long conversation) {
        return drafts.remove(user + ":" + conversation);
    }
}
