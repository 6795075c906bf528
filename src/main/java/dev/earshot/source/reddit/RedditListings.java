package dev.earshot.source.reddit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.earshot.port.DeliveryException;
import dev.earshot.source.http.Pager;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a Reddit listing (the inbox, a search, the brand's comments) newest first, page after page
 * with {@code after}, back to where the last poll stopped: a {@link Position}, the newest time read
 * and the things read at that second. Reading backwards to a time, not forwards from a fullname
 * with {@code before}, keeps working when the thing at the cursor is deleted (then {@code before}
 * returns nothing, for ever). Reddit lists at most about 1,000 things; when the page cap stops the
 * reading before the position, {@link Read#cut()} says so, and the caller reports the gap.
 */
final class RedditListings {
    static final int PAGE = 100;

    /** Where a listing was read to. Stored as {@code <epoch seconds>:<fullname>,<fullname>}. */
    record Position(Instant at, Set<String> names) {
        Position {
            names = Set.copyOf(names);
        }

        static Position parse(String stored) {
            if (stored == null || stored.isBlank()) {
                return null;
            }
            String[] parts = stored.split(":", 2);
            Set<String> names = new LinkedHashSet<>();
            if (parts.length > 1 && !parts[1].isBlank()) {
                names.addAll(List.of(parts[1].split(",")));
            }
            return new Position(Instant.ofEpochSecond(Long.parseLong(parts[0].strip())), names);
        }

        String format() {
            return at.getEpochSecond() + ":" + String.join(",", names);
        }

        /** Read before: older than the position, or at its second and among its names. */
        boolean covers(JsonNode thing) {
            Instant t = RedditThings.created(thing);
            return t.isBefore(at) || (t.equals(at) && names.contains(RedditThings.name(thing)));
        }
    }

    /**
     * What a reading found: the new things (newest first), the position to store, whether the page
     * cap stopped it short of the old position, and the oldest time it reached.
     */
    record Read(List<JsonNode> fresh, Position next, boolean cut, Instant oldest) {
    }

    /** One page of the listing after the fullname {@code after} (null: the newest page). */
    @FunctionalInterface
    interface PageSource {
        JsonNode page(String after) throws DeliveryException;
    }

    private RedditListings() {
    }

    /**
     * Reads back to {@code from}, or on first start ({@code from} null) back to {@code floor}, at most
     * {@code max} things then; at most {@code maxPages} pages.
     */
    static Read back(Position from, Instant floor, int max, int maxPages, PageSource source) throws DeliveryException {
        Position stop = from != null ? from : new Position(floor, Set.of());
        Pager.Read<JsonNode> read = Pager.read(null, from == null ? max : Integer.MAX_VALUE, maxPages, stop::covers,
                (after, got) -> {
                    JsonNode listing = source.page(after);
                    return new Pager.Page<>(RedditThings.children(listing), RedditThings.after(listing));
                });
        Map<String, JsonNode> fresh = new LinkedHashMap<>();
        for (JsonNode t : read.items()) {
            if (!stop.covers(t)) {
                fresh.putIfAbsent(RedditThings.name(t), t);
            }
        }
        Instant oldest = read.items().isEmpty() ? stop.at()
                : RedditThings.created(read.items().get(read.items().size() - 1));
        return new Read(List.copyOf(fresh.values()), next(from, floor, fresh.values()), from != null && read.more(),
                oldest);
    }

    private static Position next(Position from, Instant floor, Iterable<JsonNode> fresh) {
        Instant newest = from != null ? from.at() : floor;
        Set<String> names = new LinkedHashSet<>(from != null ? from.names() : Set.of());
        for (JsonNode t : fresh) {
            Instant at = RedditThings.created(t);
            if (at.isAfter(newest)) {
                newest = at;
                names.clear();
            }
            if (at.equals(newest)) {
                names.add(RedditThings.name(t));
            }
        }
        return new Position(newest, names);
    }
}
