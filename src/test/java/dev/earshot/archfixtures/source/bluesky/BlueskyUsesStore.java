package dev.earshot.archfixtures.source.bluesky;

import dev.earshot.archfixtures.store.SqliteStore;

/** Breaks only "a source uses no chat, store or app": a source that writes to the database. */
public final class BlueskyUsesStore {
    SqliteStore store;
}
