package dev.earshot.source.bluesky;

import dev.earshot.bench.DetectionBench;
import dev.earshot.config.BlueskySourceConfig;
import dev.earshot.config.Secret;
import dev.earshot.port.SocialSource;
import dev.earshot.source.http.FakeHttpServer;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** The fake PDS as a bench platform (the fake is package-private). */
public final class BlueskyBench implements DetectionBench.Platform {
    private final FakeBluesky fake = new FakeBluesky(Clock.systemUTC());
    private final AtomicInteger people = new AtomicInteger();

    public static BlueskyBench create() {
        return new BlueskyBench();
    }

    @Override
    public SocialSource source(Clock clock) {
        fake.clock = clock;
        return new BlueskySource(new BlueskySourceConfig("bench-bsky", FakeBluesky.HANDLE, new Secret(FakeBluesky.PASSWORD),
                fake.http.uri(), Duration.ofSeconds(30), Duration.ofHours(24), 200),
                FakeHttpServer.client(), clock, Duration.ofSeconds(5));
    }

    @Override
    public void post(String text) {
        int n = people.incrementAndGet();
        // Each post a millisecond apart on the frozen test clock, so that indexedAt orders them.
        fake.post("did:plc:bench" + n, "p" + n + ".bsky.social", text, "mention", null,
                fake.clock.instant().plusMillis(n));
    }

    public java.net.URI uri() {
        return fake.http.uri();
    }

    public String password() {
        return FakeBluesky.PASSWORD;
    }

    @Override
    public void close() {
        fake.close();
    }
}
