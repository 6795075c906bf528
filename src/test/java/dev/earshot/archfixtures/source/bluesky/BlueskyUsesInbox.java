package dev.earshot.archfixtures.source.bluesky;

import dev.earshot.archfixtures.app.Inbox;

/** Breaks only "a source uses no chat, store or app": a source that calls a use case. */
public final class BlueskyUsesInbox {
    Inbox inbox;
}
