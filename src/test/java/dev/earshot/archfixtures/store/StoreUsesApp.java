package dev.earshot.archfixtures.store;

import dev.earshot.archfixtures.app.Inbox;

/** Breaks only the store rule. */
public final class StoreUsesApp {
    Inbox inbox;
}
