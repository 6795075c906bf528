package dev.earshot.source.x;

import com.fasterxml.jackson.databind.JsonNode;
import dev.earshot.core.BillableReads;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What X bills that Earshot read, counted from each answer as it arrives: every post in
 * {@code data} of a timeline or a search, every user in {@code includes.users} (and the account
 * itself from {@code /2/users/me}), every direct message event. Polls and reply look-ups both add;
 * {@link #take} hands each count out once.
 */
final class XReads {
    private final AtomicLong posts = new AtomicLong();
    private final AtomicLong users = new AtomicLong();
    private final AtomicLong dmEvents = new AtomicLong();

    /** Counts what the answer to {@code GET path} holds. */
    void count(String path, JsonNode body) {
        JsonNode data = body.path("data");
        if (path.contains("dm_events")) {
            dmEvents.addAndGet(data.size());
        } else if (path.equals("/2/users/me")) {
            users.addAndGet(data.isObject() ? 1 : 0);
        } else {
            posts.addAndGet(data.isArray() ? data.size() : data.isObject() ? 1 : 0);
        }
        users.addAndGet(body.path("includes").path("users").size());
    }

    BillableReads take() {
        return new BillableReads(posts.getAndSet(0), users.getAndSet(0), dmEvents.getAndSet(0));
    }
}
