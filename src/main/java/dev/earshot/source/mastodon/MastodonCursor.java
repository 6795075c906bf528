package dev.earshot.source.mastodon;

import java.util.Optional;

/**
 * Where a Mastodon source stopped reading, stored as one string: the newest mention notification
 * seen and the newest of the brand's own statuses seen ({@code n=…;s=…}). Either may be missing:
 * then that part starts with the bounded backfill.
 */
record MastodonCursor(String notifications, String statuses) {
    static final MastodonCursor START = new MastodonCursor(null, null);

    static MastodonCursor parse(Optional<String> stored) {
        if (stored.isEmpty() || stored.get().isBlank()) {
            return START;
        }
        String n = null;
        String s = null;
        for (String part : stored.get().split(";")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String value = part.substring(eq + 1).trim();
            switch (part.substring(0, eq).trim()) {
                case "n" -> n = value.isEmpty() ? null : value;
                case "s" -> s = value.isEmpty() ? null : value;
                default -> { }
            }
        }
        return new MastodonCursor(n, s);
    }

    String format() {
        return "n=" + (notifications == null ? "" : notifications) + ";s=" + (statuses == null ? "" : statuses);
    }
}
