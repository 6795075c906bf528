package dev.earshot.archfixtures.chat.slack;

import dev.earshot.archfixtures.source.mastodon.MastodonSource;

/** Breaks only "a chat uses no source or store": a chat that answers the customer itself. */
public final class SlackUsesSource {
    MastodonSource source;
}
