package dev.earshot.source.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.earshot.port.DeliveryException;
import dev.earshot.source.http.JsonFields;
import dev.earshot.source.http.JsonHttp;
import dev.earshot.source.http.Pager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the brand's mention notifications: on first start backwards through the backfill window,
 * afterwards forward from the cursor with {@code min_id}. The two directions are kept together
 * because both must return the newest id read, which becomes the next cursor.
 */
final class MastodonMentions {
    private static final Logger log = LoggerFactory.getLogger(MastodonMentions.class);

    private final String name;
    private final JsonHttp http;
    private final String token;

    MastodonMentions(String name, JsonHttp http, String token) {
        this.name = name;
        this.http = http;
        this.token = token;
    }

    /** First start: the newest mentions back to {@code from}, at most {@code max}. Returns the newest id. */
    String backfill(Instant from, Duration window, int max, List<JsonNode> into) throws DeliveryException {
        AtomicReference<String> newest = new AtomicReference<>();
        // Each page keeps the mentions within the window; one older than it ends the reading.
        Pager.Read<JsonNode> read = Pager.read(null, max, MastodonSource.PAGES_PER_POLL, n -> false, (maxId, got) -> {
            JsonNode list = http.get("/api/v1/notifications").bearer(token).query("types[]", "mention")
                    .query("limit", Integer.toString(MastodonSource.PAGE)).query("max_id", maxId).fetch();
            List<JsonNode> kept = new ArrayList<>();
            String oldest = null;
            boolean old = false;
            if (list.isArray()) {
                for (JsonNode n : list) {
                    String id = n.path("id").asText();
                    newest.set(StatusIds.max(newest.get(), id));
                    oldest = StatusIds.min(oldest, id);
                    if (JsonFields.instant(n, "created_at").orElse(Instant.EPOCH).isBefore(from)) {
                        old = true;
                    } else {
                        kept.add(n);
                    }
                }
            }
            return new Pager.Page<>(kept, old ? null : oldest);
        });
        into.addAll(read.items());
        log.info("{}: first start, read {} mentions from the last {} (at most {})", name, into.size(),
                window, max);
        // No mention at all yet: every one to come is new, so read forward from the start.
        return newest.get() == null ? MastodonSource.NOTHING_YET : newest.get();
    }

    /** Pages forward from {@code since} with {@code min_id}; returns the newest id read, or null. */
    String forward(String since, List<JsonNode> into) throws DeliveryException {
        Pager.Read<JsonNode> read = Pager.read(since, Integer.MAX_VALUE, MastodonSource.PAGES_PER_POLL, n -> false,
                (minId, got) -> {
                    JsonNode list = http.get("/api/v1/notifications").bearer(token).query("types[]", "mention")
                            .query("min_id", minId).query("limit", Integer.toString(MastodonSource.PAGE)).fetch();
                    List<JsonNode> page = new ArrayList<>();
                    if (list.isArray()) {
                        list.forEach(page::add);
                    }
                    return new Pager.Page<>(page, newestId(page));
                });
        into.addAll(read.items());
        return newestId(read.items());
    }

    private static String newestId(List<JsonNode> items) {
        String newest = null;
        for (JsonNode n : items) {
            newest = StatusIds.max(newest, n.path("id").asText());
        }
        return newest;
    }
}
