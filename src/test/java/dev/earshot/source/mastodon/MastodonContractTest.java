package dev.earshot.source.mastodon;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.earshot.config.MastodonSourceConfig;
import dev.earshot.config.Secret;
import dev.earshot.port.SocialSource;
import dev.earshot.source.SourceContract;
import dev.earshot.source.http.FakeHttpServer;
import dev.earshot.source.http.FakeHttpServer.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

class MastodonContractTest extends SourceContract {
    private static final String LIST = "/api/v1/notifications";
    private final FakeMastodon fake = new FakeMastodon(clock);
    private final ObjectNode jane = fake.account("200", "jane", "jane", "Jane Doe", 1_240);
    private int written;

    @AfterEach
    void tearDown() {
        fake.close();
    }

    @Override
    protected SocialSource source() {
        return new MastodonSource(new MastodonSourceConfig("acme-mastodon", fake.http.uri(),
                new Secret(FakeMastodon.TOKEN), Duration.ofSeconds(30), Duration.ofHours(24), 200),
                FakeHttpServer.client(), clock, Duration.ofSeconds(5));
    }

    @Override
    protected void customersWrite(int n) {
        for (int i = 0; i < n; i++) {
            fake.mention(jane, "<p>@acme question " + written++ + "</p>", "public", null);
        }
    }

    @Override
    protected int moreThanOnePage() {
        return MastodonSource.PAGE + 5;
    }

    @Override
    protected void nextListAnswers(int status, Map<String, String> headers) {
        fake.http.failNext(LIST, Response.status(status, headers, "{\"error\":\"no\"}"));
    }

    @Override
    protected void secondPageAnswers(int status) {
        fake.http.failLater(LIST, 1, Response.json(status, Map.of("error", "busy")));
    }

    @Override
    protected Map<String, String> spentUntil(Instant reset) {
        return Map.of("X-RateLimit-Limit", "300", "X-RateLimit-Remaining", "0", "X-RateLimit-Reset", reset.toString());
    }

    @Override
    protected void refuseCredentials() {
        fake.acceptedToken = "another";
    }

    @Override
    protected void dropNextReplyAfterApplying() {
        fake.http.dropAfterWork("POST", "/api/v1/statuses");
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
