package dev.earshot.source.mastodon;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.earshot.bench.DetectionBench;
import dev.earshot.config.MastodonSourceConfig;
import dev.earshot.config.Secret;
import dev.earshot.port.SocialSource;
import dev.earshot.source.http.FakeHttpServer;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** The fake Mastodon instance as a bench platform (the fake is package-private). */
public final class MastodonBench implements DetectionBench.Platform {
    private final FakeMastodon fake = new FakeMastodon(Clock.systemUTC());
    private final AtomicInteger people = new AtomicInteger(500);
    private MastodonSource source;

    public static MastodonBench create() {
        return new MastodonBench();
    }

    @Override
    public SocialSource source(Clock clock) {
        fake.clock = clock;
        source = new MastodonSource(new MastodonSourceConfig("bench-mastodon", fake.http.uri(),
                new Secret(FakeMastodon.TOKEN), Duration.ofSeconds(30), Duration.ofHours(24), 200),
                FakeHttpServer.client(), clock, Duration.ofSeconds(5));
        return source;
    }

    @Override
    public void post(String text) {
        int n = people.incrementAndGet();
        ObjectNode who = fake.account(Integer.toString(n), "p" + n, "p" + n, "P" + n, n);
        fake.mention(who, "<p>" + text + "</p>", "public", null);
    }

    @Override
    public void stream(Runnable wake) {
        source.startStreaming(wake);
    }

    @Override
    public void close() {
        if (source != null) {
            source.close();
        }
        fake.close();
    }
}
