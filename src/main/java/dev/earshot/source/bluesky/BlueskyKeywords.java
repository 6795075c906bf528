package dev.earshot.source.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import dev.earshot.core.Message;
import dev.earshot.core.MessageKind;
import dev.earshot.port.DeliveryException;
import dev.earshot.port.SocialSource.Gap;
import dev.earshot.source.http.JsonFields;
import dev.earshot.source.http.JsonHttp;
import dev.earshot.source.http.KeywordSearch;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured keywords on Bluesky ({@code searchPosts}). Apart from the notifications because a
 * keyword keeps its own position (a time, not a cursor) and its own page cap, and because a match
 * that reaches the brand anyway as a notification must not come twice.
 */
final class BlueskyKeywords {
    private static final Logger log = LoggerFactory.getLogger(BlueskyKeywords.class);

    private final String name;
    private final List<String> keywords;
    private final int backfillMax;
    private final JsonHttp http;
    private final BlueskySession session;
    private final BlueskyMapper mapper;
    private final Clock clock;

    BlueskyKeywords(String name, List<String> keywords, int backfillMax, JsonHttp http, BlueskySession session,
            BlueskyMapper mapper, Clock clock) {
        this.name = name;
        this.keywords = List.copyOf(keywords);
        this.backfillMax = backfillMax;
        this.http = http;
        this.session = session;
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * Searches each keyword from its stored position (or {@code from} on its first search), adds
     * the matches not in {@code have} to {@code messages}, and the posts left unread to {@code gaps}.
     * Returns each keyword's next position.
     */
    Map<String, String> read(KeywordSearch.Cursor stored, Instant from, String brand, Set<String> have,
            List<Message> messages, List<Gap> gaps) throws DeliveryException {
        Map<String, String> positions = new LinkedHashMap<>();
        for (String keyword : keywords) {
            Optional<Instant> since = stored.position(keyword).flatMap(JsonFields::instant);
            List<JsonNode> hits = new ArrayList<>();
            Instant position = since.orElse(from);
            Searched searched = search(keyword, position, since.isEmpty(), hits);
            if (searched.newest() != null) {
                // searchPosts filters `since` on sortAt; a little overlap keeps a late-indexed post, the store drops repeats.
                Instant next = searched.newest().minus(BlueskySource.OVERLAP);
                position = next.isAfter(position) ? next : position;
            }
            positions.put(keyword, position.toString());
            if (searched.more()) {
                Instant oldest = searched.oldest() != null ? searched.oldest() : clock.instant();
                String why = since.isEmpty()
                        ? "on first start Earshot read the newest " + hits.size() + " posts matching \"" + keyword
                                + "\" (backfillMax) and left the older ones."
                        : "more posts matched \"" + keyword + "\" since the last poll than one poll reads ("
                                + BlueskySource.SEARCH_PAGES_PER_POLL * BlueskySource.SEARCH_PAGE
                                + "); the older ones were left.";
                log.warn("{}: {} Posts from {} to {} may be missing.", name, why, since.orElse(from), oldest);
                gaps.add(new Gap(since.orElse(from), oldest, why));
            }
            mapper.lookUpFollowers(hits);
            Collections.reverse(hits); // oldest first
            for (JsonNode post : hits) {
                if (!aboutBrand(post, brand) && have.add(post.path("uri").asText())) {
                    messages.add(mapper.message(post, MessageKind.KEYWORD));
                }
            }
        }
        return positions;
    }

    /**
     * What one keyword's search read: the newest and oldest {@code sortAt} seen (null when nothing
     * matched), and whether matches were left unread (the page cap, or backfillMax on first start).
     */
    private record Searched(Instant newest, Instant oldest, boolean more) {
    }

    /**
     * {@code searchPosts} for one keyword, newest first, from {@code since} (inclusive; Bluesky
     * compares it with each post's {@code sortAt}).
     */
    private Searched search(String keyword, Instant since, boolean firstStart, List<JsonNode> into)
            throws DeliveryException {
        Instant newest = null;
        Instant oldest = null;
        String page = null;
        boolean more = false;
        for (int pages = 0; ; pages++) {
            if (pages >= BlueskySource.SEARCH_PAGES_PER_POLL) {
                more = true;
                break;
            }
            String cursor = page;
            JsonNode body = session.send(token -> http.get("/xrpc/app.bsky.feed.searchPosts").bearer(token)
                    .query("q", KeywordSearch.phrase(keyword)).query("sort", "latest").query("since", since.toString())
                    .query("limit", Integer.toString(BlueskySource.SEARCH_PAGE)).query("cursor", cursor).send())
                    .orThrow();
            boolean full = false;
            for (JsonNode post : body.path("posts")) {
                if (firstStart && into.size() >= backfillMax) {
                    full = true;
                    break;
                }
                Instant at = sortAt(post);
                newest = newest == null || at.isAfter(newest) ? at : newest;
                oldest = oldest == null || at.isBefore(oldest) ? at : oldest;
                into.add(post);
            }
            page = JsonFields.text(body, "cursor");
            boolean last = page == null || page.isEmpty() || !body.path("posts").isArray() || body.path("posts").isEmpty();
            if (full || (firstStart && into.size() >= backfillMax)) {
                more = full || !last;
                break;
            }
            if (last) {
                break;
            }
        }
        return new Searched(newest, oldest, more);
    }

    /**
     * What {@code searchPosts?since=} compares with: Bluesky's sortAt, the earlier of the record's
     * createdAt and indexedAt (a back-dated post sorts at its createdAt).
     */
    static Instant sortAt(JsonNode post) {
        Optional<Instant> created = JsonFields.instant(post.path("record"), "createdAt");
        Optional<Instant> indexed = JsonFields.instant(post, "indexedAt");
        if (created.isPresent() && indexed.isPresent()) {
            return created.get().isBefore(indexed.get()) ? created.get() : indexed.get();
        }
        return created.or(() -> indexed).orElse(Instant.EPOCH);
    }

    /**
     * Written by the brand, or reaching it anyway as a notification: it mentions the brand (a
     * mention facet), answers one of its posts or quotes one.
     */
    private static boolean aboutBrand(JsonNode post, String brand) {
        if (brand.equals(post.path("author").path("did").asText())) {
            return true;
        }
        JsonNode record = post.path("record");
        for (JsonNode facet : record.path("facets")) {
            for (JsonNode feature : facet.path("features")) {
                if (brand.equals(feature.path("did").asText())) {
                    return true;
                }
            }
        }
        String own = "at://" + brand + "/";
        String parent = JsonFields.text(record.path("reply").path("parent"), "uri");
        String quoted = JsonFields.text(record.path("embed").path("record"), "uri");
        return (parent != null && parent.startsWith(own)) || (quoted != null && quoted.startsWith(own));
    }
}
