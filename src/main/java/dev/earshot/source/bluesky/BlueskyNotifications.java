package dev.earshot.source.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import dev.earshot.port.DeliveryException;
import dev.earshot.port.SocialSource.Gap;
import dev.earshot.source.http.JsonFields;
import dev.earshot.source.http.JsonHttp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code listNotifications} (mentions, replies, quotes) from the newest backwards until the
 * cursor or, on first start, the backfill window. Apart from the poll because Bluesky pages only
 * backwards: the stop rule (a little overlap behind the cursor) and the gap when the page cap is
 * reached first are this reading's own.
 */
final class BlueskyNotifications {
    private static final Logger log = LoggerFactory.getLogger(BlueskyNotifications.class);
    private static final Set<String> REASONS = Set.of("mention", "reply", "quote");

    private final String name;
    private final JsonHttp http;
    private final BlueskySession session;
    private final Clock clock;

    BlueskyNotifications(String name, JsonHttp http, BlueskySession session, Clock clock) {
        this.name = name;
        this.http = http;
        this.session = session;
        this.clock = clock;
    }

    /**
     * What was read: the notifications, newest first; the newest position seen (null if none);
     * the gap when the page cap stopped the reading before the cursor (else null).
     */
    record Read(List<JsonNode> fresh, BlueskyCursor newest, Gap gap) {
    }

    Read since(Optional<BlueskyCursor> seen, Instant from, int backfillMax) throws DeliveryException {
        List<JsonNode> fresh = new ArrayList<>();
        BlueskyCursor newest = null;
        boolean reached = false;
        String page = null;
        for (int pages = 0; pages < BlueskySource.MAX_PAGES && !reached; pages++) {
            String cursor = page;
            JsonNode body = session.send(token -> http.get("/xrpc/app.bsky.notification.listNotifications")
                    .bearer(token).query("reasons", "mention").query("reasons", "reply").query("reasons", "quote")
                    .query("limit", Integer.toString(BlueskySource.PAGE)).query("cursor", cursor).send()).orThrow();
            JsonNode list = body.path("notifications");
            if (!list.isArray() || list.isEmpty()) {
                reached = true;
                break;
            }
            for (JsonNode n : list) {
                BlueskyCursor at = new BlueskyCursor(JsonFields.instant(n, "indexedAt").orElse(Instant.EPOCH),
                        n.path("uri").asText());
                newest = BlueskyCursor.newer(newest, at);
                // Not "at or before the cursor": a back-dated or late-indexed one may sort just behind it.
                // The overlap is read again; the store's unique external id drops the repeats.
                boolean old = seen.map(s -> at.indexedAt().isBefore(s.indexedAt().minus(BlueskySource.OVERLAP)))
                        .orElseGet(() -> at.indexedAt().isBefore(from) || fresh.size() >= backfillMax);
                if (old) {
                    reached = true;
                } else if (REASONS.contains(n.path("reason").asText())) {
                    fresh.add(n);
                }
            }
            page = JsonFields.text(body, "cursor");
            if (page == null || page.isEmpty()) {
                reached = true;
            }
        }
        Gap gap = null;
        if (!reached) {
            Instant since = seen.map(BlueskyCursor::indexedAt).orElse(from);
            Instant oldest = fresh.isEmpty() ? clock.instant()
                    : JsonFields.instant(fresh.get(fresh.size() - 1), "indexedAt").orElse(clock.instant());
            String why = "more than " + BlueskySource.MAX_PAGES * BlueskySource.PAGE
                    + " notifications arrived since the last poll; the oldest of them were not read.";
            log.warn("{}: {} Notifications from {} to {} may be missing.", name, why, since, oldest);
            gap = new Gap(since, oldest, why);
        }
        return new Read(fresh, newest, gap);
    }
}
