package dev.earshot.source.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.earshot.source.http.JsonFields;
import dev.earshot.source.http.JsonHttp;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a feed was left, stored as one small JSON object: the validators for a conditional GET
 * ({@code ETag}, {@code Last-Modified}), the time before which the feed asked not to be read again
 * ({@code Cache-Control: max-age} or RSS {@code ttl}), when it was last read, and the keys of the
 * entries it held then (at most {@link #MAX_SEEN}, newest first). An entry whose key is not among
 * them is new; the store drops one that comes back after it slid out.
 *
 * @param at when the feed was last read with entries, or null on first start
 */
record FeedCursor(String etag, String lastModified, Instant notBefore, Instant at, List<String> seen) {
    static final int MAX_SEEN = 1_000;

    FeedCursor {
        seen = seen.size() > MAX_SEEN ? List.copyOf(seen.subList(0, MAX_SEEN)) : List.copyOf(seen);
    }

    static FeedCursor parse(Optional<String> stored) {
        if (stored.isEmpty() || stored.get().isBlank()) {
            return new FeedCursor(null, null, null, null, List.of());
        }
        try {
            JsonNode n = JsonHttp.JSON.readTree(stored.get());
            List<String> seen = new ArrayList<>();
            n.path("seen").forEach(k -> seen.add(k.asText()));
            return new FeedCursor(JsonFields.text(n, "etag"), JsonFields.text(n, "lastModified"),
                    JsonFields.instant(n, "notBefore").orElse(null), JsonFields.instant(n, "at").orElse(null), seen);
        } catch (IOException e) {
            throw new IllegalStateException("the stored feed cursor is not JSON", e);
        }
    }

    boolean firstStart() {
        return at == null;
    }

    Set<String> seenSet() {
        return new LinkedHashSet<>(seen);
    }

    String format() {
        ObjectNode n = JsonHttp.JSON.createObjectNode();
        n.put("etag", etag).put("lastModified", lastModified);
        n.put("notBefore", notBefore == null ? null : notBefore.toString());
        n.put("at", at == null ? null : at.toString());
        ArrayNode keys = n.putArray("seen");
        seen.forEach(keys::add);
        return n.toString();
    }
}
