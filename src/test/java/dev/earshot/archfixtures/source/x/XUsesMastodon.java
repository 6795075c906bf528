package dev.earshot.archfixtures.source.x;

import dev.earshot.archfixtures.source.mastodon.MastodonSource;

/** Breaks only "sources do not use each other". */
public final class XUsesMastodon {
    MastodonSource borrowed;
}
