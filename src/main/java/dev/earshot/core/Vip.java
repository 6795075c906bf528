package dev.earshot.core;

import java.util.Locale;

/**
 * Someone whose messages go up the queue (press, partners, known complainers), known by handle or
 * by the platform's account id, on one platform or on any.
 *
 * @param platform the platform, or null for any
 * @param handle the handle without {@code @} (compared ignoring case), or null
 * @param id the platform's account id (X user id, Bluesky DID, Mastodon account id), or null
 * @param note what the card says about them ({@code press}); null shows the handle or id
 * @param points how much they add
 */
public record Vip(Platform platform, String handle, String id, String note, int points) {
    public Vip {
        handle = handle == null || handle.isBlank() ? null : handle.strip().replaceFirst("^@", "");
        id = id == null || id.isBlank() ? null : id.strip();
        note = note == null || note.isBlank() ? null : note.strip();
        if (handle == null && id == null) {
            throw new IllegalArgumentException("a VIP needs a handle or an id");
        }
    }

    public boolean matches(Author author) {
        if (platform != null && platform != author.platform()) {
            return false;
        }
        if (id != null && id.equals(author.id())) {
            return true;
        }
        return handle != null && handle.toLowerCase(Locale.ROOT).equals(author.handle().toLowerCase(Locale.ROOT));
    }

    /** What the card names them by: the note, else the handle, else the id. */
    public String shownAs() {
        return note != null ? note : handle != null ? "@" + handle : id;
    }
}
