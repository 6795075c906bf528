package dev.earshot.source.reddit;

import dev.earshot.config.RedditSourceConfig;
import dev.earshot.config.Secret;
import dev.earshot.port.SocialSource;
import dev.earshot.source.SourceContract;
import dev.earshot.source.http.FakeHttpServer;
import dev.earshot.source.http.FakeHttpServer.Response;
import dev.earshot.source.http.HttpLimits;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

class RedditContractTest extends SourceContract {
    private static final String LIST = "/message/inbox";
    private final FakeReddit fake = new FakeReddit(clock);
    private int written;

    @AfterEach
    void tearDown() {
        fake.close();
    }

    static RedditSourceConfig config(FakeReddit fake, List<String> keywords, List<String> subreddits) {
        URI base = fake.http.uri();
        return new RedditSourceConfig("acme-reddit", new Secret(FakeReddit.CLIENT_ID), new Secret(FakeReddit.CLIENT_SECRET),
                FakeReddit.BRAND, new Secret(FakeReddit.PASSWORD), base, base, null, Duration.ofSeconds(60),
                Duration.ofHours(24), 200, keywords, subreddits);
    }

    @Override
    protected SocialSource source() {
        return new RedditSource(config(fake, List.of(), List.of()), FakeHttpServer.client(), clock,
                HttpLimits.of(Duration.ofSeconds(5)));
    }

    @Override
    protected void customersWrite(int n) {
        for (int i = 0; i < n; i++) {
            fake.inboxComment("jane" + written, "u/AcmeSupport question " + written++, "username_mention", "abc",
                    clock.instant());
        }
    }

    @Override
    protected int moreThanOnePage() {
        return RedditListings.PAGE + 5;
    }

    @Override
    protected void nextListAnswers(int status, Map<String, String> headers) {
        fake.http.failNext(LIST, Response.status(status, headers, "{\"message\":\"Too Many Requests\",\"error\":"
                + status + "}"));
    }

    @Override
    protected void secondPageAnswers(int status) {
        fake.http.failLater(LIST, 1, Response.json(status, Map.of("message", "busy")));
    }

    @Override
    protected Map<String, String> spentUntil(Instant reset) {
        return Map.of("X-Ratelimit-Used", "600", "X-Ratelimit-Remaining", "0.0",
                "X-Ratelimit-Reset", Long.toString(Duration.between(clock.instant(), reset).toSeconds()));
    }

    @Override
    protected void refuseCredentials() {
        fake.refuseClient = true;
    }

    @Override
    protected void dropNextReplyAfterApplying() {
        fake.http.dropAfterWork("POST", "/api/comment");
    }

    @Override
    protected int repliesReceived() {
        synchronized (fake) {
            return fake.posted.size();
        }
    }

    @Override
    protected int requests() {
        return fake.http.requests().size();
    }
}
