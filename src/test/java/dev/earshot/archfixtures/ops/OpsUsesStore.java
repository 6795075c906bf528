package dev.earshot.archfixtures.ops;

import dev.earshot.archfixtures.store.SqliteStore;

/** Breaks only the ops rule: health comes from the app, not from the database directly. */
public final class OpsUsesStore {
    SqliteStore store;
}
