package dev.earshot.source.http;

import dev.earshot.port.DeliveryException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads a paged list: asks for a page with a token (a cursor, {@code next_token}, a {@code min_id}),
 * and goes on with the token the page names until none is named, enough items were read, an item
 * says the reading is done, or the page cap is reached. A page that fails throws, and nothing read
 * before it is returned: the caller's cursor stays where it was, so the next poll reads it all again.
 */
public final class Pager {
    private Pager() {
    }

    /** One page: its items, in the platform's order, and the token of the next one (null at the end). */
    public record Page<T>(List<T> items, String next) {
        public Page {
            items = List.copyOf(items);
            next = next == null || next.isBlank() ? null : next;
        }
    }

    /** Asks for the page at {@code token}; {@code read} items came before it (to ask only for what is missing). */
    @FunctionalInterface
    public interface Source<T> {
        Page<T> page(String token, int read) throws DeliveryException;
    }

    /**
     * What the pages held, at most {@code limit} items; {@code more} when the list goes on past what
     * was read (the limit or the page cap stopped the reading), {@code last} the item that ended it.
     */
    public record Read<T>(List<T> items, boolean more, int requests, T last) {
    }

    /**
     * Reads from the page at {@code first} (null: the platform's first page).
     *
     * @param done an item after which no page is asked for (the page holding it is kept whole)
     */
    public static <T> Read<T> read(String first, int limit, int maxPages, Predicate<T> done, Source<T> source)
            throws DeliveryException {
        List<T> items = new ArrayList<>();
        String token = first;
        int requests = 0;
        T last = null;
        do {
            Page<T> page = source.page(token, items.size());
            requests++;
            items.addAll(page.items());
            token = page.next();
            last = page.items().stream().filter(done).findFirst().orElse(null);
        } while (token != null && last == null && items.size() < limit && requests < maxPages);
        boolean more = (token != null && last == null) || items.size() > limit;
        return new Read<>(items.size() > limit ? List.copyOf(items.subList(0, limit)) : items, more, requests, last);
    }

    /** Reads every page up to {@code limit} items. */
    public static <T> Read<T> read(int limit, Source<T> source) throws DeliveryException {
        return read(null, limit, Integer.MAX_VALUE, t -> false, source);
    }
}
