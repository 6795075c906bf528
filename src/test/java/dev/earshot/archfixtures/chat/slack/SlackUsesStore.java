package dev.earshot.archfixtures.chat.slack;

import dev.earshot.archfixtures.store.SqliteStore;

/** Breaks only "a chat uses no source or store": a chat that opens the database. */
public final class SlackUsesStore {
    SqliteStore store;
}
