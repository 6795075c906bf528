package dev.earshot.source.feed;

import dev.earshot.config.FeedSourceConfig;
import dev.earshot.port.SocialSource;
import dev.earshot.source.SourceContract;
import dev.earshot.source.http.FakeHttpServer;
import dev.earshot.source.http.FakeHttpServer.Response;
import dev.earshot.source.http.HttpLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

class FeedContractTest extends SourceContract {
    private final FakeFeed fake = new FakeFeed();
    private int written;

    @AfterEach
    void tearDown() {
        fake.close();
    }

    @Override
    protected SocialSource source() {
        return new FeedSource(new FeedSourceConfig("acme-blog", fake.url(), Duration.ofMinutes(1), Duration.ofHours(24),
                200, List.of()), FakeHttpServer.client(), clock, HttpLimits.of(Duration.ofSeconds(5)));
    }

    @Override
    protected void customersWrite(int n) {
        for (int i = 0; i < n; i++) {
            fake.comment("jane", "<p>question " + written++ + "</p>", clock.instant());
        }
    }

    /** A feed is one document: "the second page" is the next read, which fails whole. */
    @Override
    protected int moreThanOnePage() {
        return 2;
    }

    @Override
    protected void nextListAnswers(int status, Map<String, String> headers) {
        fake.http.failNext(FakeFeed.PATH, Response.status(status, headers, "busy"));
    }

    @Override
    protected void secondPageAnswers(int status) {
        fake.http.failNext(FakeFeed.PATH, Response.status(status, Map.of(), "busy"));
    }

    @Override
    protected Map<String, String> spentUntil(Instant reset) {
        return Map.of("Retry-After", Long.toString(Duration.between(clock.instant(), reset).toSeconds()));
    }

    @Override
    protected void refuseCredentials() {
        fake.serve(Response.status(403, Map.of("Content-Type", "text/plain"), "Forbidden"));
    }

    @Override
    protected void dropNextReplyAfterApplying() {
    }

    @Override
    protected int repliesReceived() {
        return 0;
    }

    @Override
    protected int requests() {
        return fake.http.requests().size();
    }

    @Override
    protected boolean repliesThroughEarshot() {
        return false;
    }
}
