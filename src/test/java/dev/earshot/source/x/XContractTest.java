package dev.earshot.source.x;

import dev.earshot.config.Secret;
import dev.earshot.config.XSourceConfig;
import dev.earshot.port.SocialSource;
import dev.earshot.source.SourceContract;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

class XContractTest extends SourceContract {
    private static final int PAGE = 5;
    private final FakeX x = new FakeX(clock);
    private final FakeX.User jane = x.user("2001", "jane_doe", "Jane Doe", 1_234);
    private int written;

    @AfterEach
    void tearDown() {
        x.close();
    }

    @Override
    protected SocialSource source() {
        return XSource.create(new XSourceConfig("acme-x", new Secret(FakeX.API_KEY), new Secret(FakeX.API_SECRET),
                new Secret(FakeX.TOKEN), new Secret(FakeX.TOKEN_SECRET), x.base(), null, Duration.ofHours(24), 200,
                PAGE), clock);
    }

    @Override
    protected void customersWrite(int n) {
        for (int i = 0; i < n; i++) {
            x.mention(jane, "@acme question " + written++, Duration.ZERO);
        }
        clock.advance(Duration.ofSeconds(1));
    }

    @Override
    protected int moreThanOnePage() {
        return PAGE + 2;
    }

    @Override
    protected void nextListAnswers(int status, Map<String, String> headers) {
        if (!headers.containsKey("x-rate-limit-reset")) {
            x.noRateLimitHeadersNext();
        } else {
            x.rateLimit("/mentions", 0, Instant.ofEpochSecond(Long.parseLong(headers.get("x-rate-limit-reset"))));
        }
        x.failNext("GET", "/mentions", status, status == 429 ? "error_429.json" : "error_503.json", Map.of());
    }

    @Override
    protected void secondPageAnswers(int status) {
        x.failLater(1, "GET", "/mentions", status, "error_503.json");
    }

    @Override
    protected Map<String, String> spentUntil(Instant reset) {
        return Map.of("x-rate-limit-remaining", "0", "x-rate-limit-reset", Long.toString(reset.getEpochSecond()));
    }

    @Override
    protected void refuseCredentials() {
        x.failNext("GET", "/2/users/me", 401, "error_401.json", Map.of());
    }

    @Override
    protected void dropNextReplyAfterApplying() {
        x.dropNextPostAfterApplying();
    }

    @Override
    protected int repliesReceived() {
        return x.postsBy(FakeX.BRAND_ID).size();
    }

    @Override
    protected int requests() {
        return x.requests().size();
    }
}
