package dev.earshot.bench;

import dev.earshot.app.outbox.Dispatcher;
import dev.earshot.app.Poller;
import dev.earshot.core.Card;
import dev.earshot.core.ChatRef;
import dev.earshot.port.DeliveryException;
import dev.earshot.port.SocialSource;
import dev.earshot.source.bluesky.BlueskyBench;
import dev.earshot.source.mastodon.MastodonBench;
import dev.earshot.testing.Harness;
import dev.earshot.testing.ForwardingChat;
import dev.earshot.testing.RecordingChat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Detection latency: from a message appearing at a fake platform to its card posted to a fake
 * chat, through the real adapter, Poller, Inbox, SQLite store and Dispatcher (drained every 200 ms,
 * as in production). Polling at a stated interval, and Mastodon's stream waking the poller.
 * Prints Markdown rows {@code | benchmark | measure | value | unit |}.
 */
public final class DetectionBench {
    static final int MESSAGES = 40;
    static final Duration DISPATCH_EVERY = Duration.ofMillis(200);

    /** A platform the bench can make messages appear on. */
    public interface Platform extends AutoCloseable {
        SocialSource source(java.time.Clock clock);

        /** Makes a customer message with this text appear. */
        void post(String text);

        /** Streams, if the platform does: each new message then runs {@code wake}. */
        default void stream(Runnable wake) {
        }

        @Override
        void close();
    }

    public static void main(String[] args) throws Exception {
        long seed = args.length > 0 && !args[0].startsWith("--") ? Long.parseLong(args[0]) : 7;
        run("detection, Mastodon polling every 1 s", MastodonBench.create(), Duration.ofSeconds(1), false, seed);
        run("detection, Bluesky polling every 1 s", BlueskyBench.create(), Duration.ofSeconds(1), false, seed);
        run("detection, Mastodon stream (polling every 30 s as fallback)", MastodonBench.create(),
                Duration.ofSeconds(30), true, seed);
    }

    static void run(String name, Platform platform, Duration pollEvery, boolean stream, long seed) throws Exception {
        Path dir = Files.createTempDirectory("earshot-bench");
        Map<String, Long> appeared = new ConcurrentHashMap<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch seen = new CountDownLatch(MESSAGES);
        TimingChat chat = new TimingChat(card -> {
            Long t0 = appeared.remove(card.text());
            if (t0 != null) {
                latencies.add(System.nanoTime() - t0);
                seen.countDown();
            }
        });
        ScheduledExecutorService jobs = Executors.newScheduledThreadPool(3);
        try (platform; Harness h = new Harness(dir, new RecordingChat(), platform::source)) {
            Poller poller = h.poller();
            Dispatcher dispatcher = new Dispatcher(h.store, chat, h.sources, h.team, h.health, h.clock,
                    java.time.ZoneOffset.UTC, h.backoff, Dispatcher.CrashPoints.NONE, dev.earshot.app.Telemetry.NONE);
            poller.pollOnce();
            jobs.scheduleWithFixedDelay(poller::pollOnce, pollEvery.toMillis(), pollEvery.toMillis(), TimeUnit.MILLISECONDS);
            jobs.scheduleWithFixedDelay(dispatcher::drainOnce, 0, DISPATCH_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            if (stream) {
                ScheduledExecutorService wakes = jobs;
                platform.stream(() -> wakes.execute(poller::pollOnce));
            }
            Random random = new Random(seed);
            long at = 500;
            for (int i = 0; i < MESSAGES; i++) {
                at += 100 + random.nextInt(400);
                String text = "bench message " + i;
                jobs.schedule(() -> {
                    appeared.put(text, System.nanoTime());
                    platform.post(text);
                }, at, TimeUnit.MILLISECONDS);
            }
            boolean all = seen.await(at + pollEvery.toMillis() * 3 + 10_000, TimeUnit.MILLISECONDS);
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            BenchTable table = new BenchTable(name);
            table.row("detection p50", percentile(sorted, 50), "ms", sorted.size() + " of " + MESSAGES + " cards seen");
            table.row("detection p99", percentile(sorted, 99), "ms", all ? "" : (MESSAGES - sorted.size()) + " missing");
        } finally {
            jobs.shutdownNow();
            jobs.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    static double percentile(List<Long> sortedNanos, int p) {
        if (sortedNanos.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sortedNanos.size()) - 1;
        return sortedNanos.get(Math.max(0, Math.min(index, sortedNanos.size() - 1))) / 1e6;
    }

    /** A recording chat that also tells when each card was posted. */
    static final class TimingChat extends ForwardingChat {
        private final Consumer<Card> onCard;

        TimingChat(Consumer<Card> onCard) {
            super(new RecordingChat());
            this.onCard = onCard;
        }

        @Override
        public ChatRef postCard(String channel, Card card, String key) throws DeliveryException {
            ChatRef ref = inner.postCard(channel, card, key);
            onCard.accept(card);
            return ref;
        }
    }
}
