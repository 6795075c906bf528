package dev.earshot.core;

import java.util.Objects;

/**
 * Who wrote a message.
 *
 * @param handle the platform handle without a leading {@code @} (for example {@code jane@mastodon.social})
 * @param followers -1 when the platform did not say
 * @param id the platform's own id for the account (X's user id, Bluesky's DID, Mastodon's account
 *     id), or null when the source does not say; used at ingest (VIPs), not stored
 */
public record Author(Platform platform, String handle, String displayName, long followers, String profileUrl,
                     String id) {
    public Author {
        Objects.requireNonNull(platform, "platform");
        if (handle == null || handle.isBlank()) {
            throw new IllegalArgumentException("an author needs a handle");
        }
        handle = handle.startsWith("@") ? handle.substring(1) : handle;
        displayName = displayName == null || displayName.isBlank() ? handle : displayName;
        profileUrl = profileUrl == null ? "" : profileUrl;
        id = id == null || id.isBlank() ? null : id;
    }

    public Author(Platform platform, String handle, String displayName, long followers, String profileUrl) {
        this(platform, handle, displayName, followers, profileUrl, null);
    }
}
