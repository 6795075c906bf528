package dev.earshot.core;

import java.util.Locale;

/** The social platforms customers talk to the brand on. */
public enum Platform {
    X("X", true),
    MASTODON("Mastodon", true),
    BLUESKY("Bluesky", true),
    REDDIT("Reddit", true),
    /** RSS and Atom feeds: read-only, the team answers on the site and says so with "Answered there". */
    FEED("Feed", false),
    DEMO("Demo", true);

    private final String displayName;
    private final boolean repliesThroughEarshot;
    private final String id;

    Platform(String displayName, boolean repliesThroughEarshot) {
        this.displayName = displayName;
        this.repliesThroughEarshot = repliesThroughEarshot;
        this.id = name().toLowerCase(Locale.ROOT);
    }

    public String displayName() {
        return displayName;
    }

    /** Whether a reply can be sent from chat; when not, the team answers on the site and marks it answered there. */
    public boolean repliesThroughEarshot() {
        return repliesThroughEarshot;
    }

    /** The lower-case id used in config and in the store: {@code x}, {@code mastodon}, ... */
    public String id() {
        return id;
    }

    /** The platform of a stored id; a loop, not a stream: a report reads one per conversation. */
    public static Platform fromId(String id) {
        for (Platform p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown platform: " + id);
    }
}
