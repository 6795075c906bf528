package dev.earshot.source.bluesky;

import dev.earshot.config.BlueskySourceConfig;
import dev.earshot.config.Secret;
import dev.earshot.port.SocialSource;
import dev.earshot.source.SourceContract;
import dev.earshot.source.http.FakeHttpServer;
import dev.earshot.source.http.FakeHttpServer.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

class BlueskyContractTest extends SourceContract {
    private static final String LIST = "/xrpc/app.bsky.notification.listNotifications";
    private static final String JANE = "did:plc:jane000000000000000000000";
    private final FakeBluesky fake = new FakeBluesky(clock);
    private int written;

    @AfterEach
    void tearDown() {
        fake.close();
    }

    @Override
    protected SocialSource source() {
        return new BlueskySource(new BlueskySourceConfig("acme-bsky", FakeBluesky.HANDLE,
                new Secret(FakeBluesky.PASSWORD), fake.http.uri(), Duration.ofSeconds(30), Duration.ofHours(24), 200,
                List.of()), FakeHttpServer.client(), clock, Duration.ofSeconds(5));
    }

    @Override
    protected void customersWrite(int n) {
        for (int i = 0; i < n; i++) {
            clock.advance(Duration.ofMillis(10));
            fake.post(JANE, "jane.bsky.social", "@" + FakeBluesky.HANDLE + " question " + written++, "mention", null,
                    clock.instant());
        }
        clock.advance(Duration.ofSeconds(1));
    }

    @Override
    protected int moreThanOnePage() {
        return BlueskySource.PAGE + 5;
    }

    @Override
    protected void nextListAnswers(int status, Map<String, String> headers) {
        fake.http.failNext(LIST, Response.status(status, headers, "{\"error\":\"Failure\"}"));
    }

    @Override
    protected void secondPageAnswers(int status) {
        fake.http.failLater(LIST, 1, Response.json(status, Map.of("error", "UpstreamFailure")));
    }

    @Override
    protected Map<String, String> spentUntil(Instant reset) {
        return Map.of("RateLimit-Limit", "3000", "RateLimit-Remaining", "0",
                "RateLimit-Reset", Long.toString(reset.getEpochSecond()));
    }

    @Override
    protected void refuseCredentials() {
        fake.revoke();
    }

    @Override
    protected void dropNextReplyAfterApplying() {
        fake.http.dropAfterWork("POST", "/xrpc/com.atproto.repo.createRecord");
    }

    @Override
    protected int repliesReceived() {
        synchronized (fake) {
            return fake.created.size();
        }
    }

    @Override
    protected int requests() {
        return fake.http.requests().size();
    }
}
