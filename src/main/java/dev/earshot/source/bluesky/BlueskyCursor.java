package dev.earshot.source.bluesky;

import dev.earshot.source.http.JsonFields;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/**
 * A place in the notification list: the {@code indexedAt} of a notification and its {@code uri},
 * stored as {@code indexedAt|uri}. The uri breaks ties between notifications indexed at the same
 * instant. The list is newest first; reading stops only at the first place older than the cursor
 * less {@link BlueskySource#OVERLAP}, as a back-dated or late-indexed notification may sort behind it.
 */
record BlueskyCursor(Instant indexedAt, String uri) {
    static final Comparator<BlueskyCursor> ORDER = Comparator.comparing(BlueskyCursor::indexedAt)
            .thenComparing(BlueskyCursor::uri);

    static Optional<BlueskyCursor> parse(Optional<String> stored) {
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        String s = stored.get();
        int bar = s.indexOf('|');
        String at = bar < 0 ? s : s.substring(0, bar);
        String uri = bar < 0 ? "" : s.substring(bar + 1);
        return JsonFields.instant(at).map(i -> new BlueskyCursor(i, uri));
    }

    static BlueskyCursor newer(BlueskyCursor a, BlueskyCursor b) {
        if (a == null) {
            return b;
        }
        return b == null || ORDER.compare(a, b) >= 0 ? a : b;
    }

    String format() {
        return indexedAt + "|" + uri;
    }
}
