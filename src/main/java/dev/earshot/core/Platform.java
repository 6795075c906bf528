package dev.earshot.core;

import java.util.Arrays;
import java.util.Locale;

/** The social platforms customers talk to the brand on. */
public enum Platform {
    X("X"),
    MASTODON("Mastodon"),
    BLUESKY("Bluesky"),
    DEMO("Demo");

    private final String displayName;

    Platform(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** The lower-case id used in config and in the store: {@code x}, {@code mastodon}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Platform fromId(String id) {
        return Arrays.stream(values())
                .filter(p -> p.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown platform: " + id));
    }
}
