package dev.earshot.source.reddit;

import java.time.Clock;

/** The fake Reddit as tests outside this package drive it (through the composition root). */
public final class FakeRedditAccess implements AutoCloseable {
    private final FakeReddit fake;

    private FakeRedditAccess(FakeReddit fake) {
        this.fake = fake;
    }

    public static FakeRedditAccess start(Clock clock) {
        return new FakeRedditAccess(new FakeReddit(clock));
    }

    public String base() {
        return fake.base();
    }

    public String clientId() {
        return FakeReddit.CLIENT_ID;
    }

    public String clientSecret() {
        return FakeReddit.CLIENT_SECRET;
    }

    public String username() {
        return FakeReddit.BRAND;
    }

    public String password() {
        return FakeReddit.PASSWORD;
    }

    /** A customer mentions the brand now. */
    public void mention(String author, String body) {
        fake.inboxComment(author, body, "username_mention", "abc", fake.clock.instant());
    }

    /** The next comment is made, and its answer lost. */
    public void dropNextComment() {
        fake.http.dropAfterWork("POST", "/api/comment");
    }

    public int commentsPosted() {
        synchronized (fake) {
            return fake.posted.size();
        }
    }

    @Override
    public void close() {
        fake.close();
    }
}
