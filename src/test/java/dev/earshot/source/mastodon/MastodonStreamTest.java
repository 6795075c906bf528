package dev.earshot.source.mastodon;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.earshot.app.outbox.Dispatcher;
import dev.earshot.app.Poller;
import dev.earshot.config.MastodonSourceConfig;
import dev.earshot.config.Secret;
import dev.earshot.source.http.FakeHttpServer;
import dev.earshot.testing.Harness;
import dev.earshot.testing.RecordingChat;
import dev.earshot.testing.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The user stream wakes the poller at once; paging still stores; a dropped stream comes back. */
class MastodonStreamTest {
    @TempDir
    Path dir;
    FakeMastodon fake;
    Harness h;
    MastodonSource source;
    ExecutorService wakes = Executors.newSingleThreadExecutor();

    @AfterEach
    void tearDown() {
        source.close();
        wakes.shutdownNow();
        h.close();
        fake.close();
    }

    @Test
    void aNotificationOnTheStreamBringsItsCardWithinSecondsAndTheStreamReconnects() {
        fake = new FakeMastodon(TestClock.at("2026-11-23T09:00:00Z"));
        MastodonSourceConfig config = new MastodonSourceConfig("acme-mastodon", fake.http.uri(),
                new Secret(FakeMastodon.TOKEN), Duration.ofMinutes(10), Duration.ofHours(24), 200);
        h = new Harness(dir, new RecordingChat(), clock -> {
            source = new MastodonSource(config, FakeHttpServer.client(), clock, Duration.ofSeconds(5));
            return source;
        });
        fake.clock = h.clock;
        Poller poller = h.poller();
        Dispatcher dispatcher = h.dispatcher();
        poller.pollOnce();
        AtomicInteger woken = new AtomicInteger();
        source.startStreaming(() -> wakes.execute(() -> {
            woken.incrementAndGet();
            poller.pollOnce();
            h.drain(dispatcher);
        }));
        await().atMost(Duration.ofSeconds(5)).until(() -> fake.http.openStreams() == 1);
        var jane = fake.account("200", "jane", "jane", "Jane", 5);

        fake.mention(jane, "<p>@acme are you there?</p>", "public", null, h.clock.instant());
        await().atMost(Duration.ofSeconds(5)).until(() -> h.chat.cards.size() == 1);
        assertEquals("@acme are you there?", h.chat.cards.get(0).card().text());

        fake.http.dropStreams();
        await().atMost(Duration.ofSeconds(5)).until(() -> fake.http.openStreams() == 1);
        fake.mention(jane, "<p>@acme hello again</p>", "public", null, h.clock.instant());
        await().atMost(Duration.ofSeconds(5)).until(() -> h.chat.cards.size() + h.chat.thread.size() == 2);
        assertEquals(2, woken.get());
        assertEquals(1, fake.http.count("GET", "/api/v1/accounts/verify_credentials"), "the account is asked once");
    }
}
