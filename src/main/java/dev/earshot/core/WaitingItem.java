package dev.earshot.core;

import java.time.Instant;

/**
 * A customer still waiting for the team, as the digest lists them (oldest first).
 *
 * @param url the customer's first message on the platform, or empty
 */
public record WaitingItem(long id, Platform platform, String authorHandle, Instant openedAt, String url) {
    public WaitingItem {
        url = url == null ? "" : url;
    }
}
