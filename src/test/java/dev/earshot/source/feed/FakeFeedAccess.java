package dev.earshot.source.feed;

import java.net.URI;
import java.time.Instant;

/** The fake feed as tests outside this package drive it (through the composition root). */
public final class FakeFeedAccess implements AutoCloseable {
    private final FakeFeed fake = new FakeFeed();

    private FakeFeedAccess() {
    }

    public static FakeFeedAccess start() {
        return new FakeFeedAccess();
    }

    public URI url() {
        return fake.url();
    }

    /** A new comment, now. */
    public void comment(String author, String html) {
        fake.comment(author, html, Instant.now());
    }

    @Override
    public void close() {
        fake.close();
    }
}
