package dev.earshot.bench;

import dev.earshot.chat.slack.FakeSlack;
import dev.earshot.chat.slack.SlackWorld;
import dev.earshot.testing.Burst;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Slack benchmarks against the fake Slack on 127.0.0.1, with the real SDK, Bolt and SQLite.
 * Prints Markdown table rows {@code | benchmark | measure | value | unit |}.
 *
 * <ul>
 *   <li>Burst: 500 mentions arrive at once; how long until every one is visible in the channel,
 *       with the fake refusing (429) a second post within a second in one channel, as Slack does.
 *       Time is simulated (the dispatcher runs every 200 ms of a test clock), so the figure is
 *       what Slack's pace allows, not this machine's speed; the wall time is printed too.</li>
 *   <li>Acks: 1,000 Claim clicks posted to {@code /slack/events} with real signatures, 8 at a time;
 *       the time from sending to Slack getting its HTTP 200 (the ack), after 100 warm-up clicks.</li>
 * </ul>
 */
public final class SlackBench {
    private SlackBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("earshot-slack-bench");
        burst(dir.resolve("burst"));
        acks(dir.resolve("acks"), 1_000);
        System.exit(0);
    }

    static void burst(Path dir) {
        long wallStart = System.nanoTime();
        try (SlackWorld w = new SlackWorld(dir)) {
            w.fake.paceWith(w.clock);
            w.ingest.ingest(w.demo, Burst.of(500, "demo", w.clock.instant()));
            Instant start = w.clock.instant();
            while (w.fake.visibleConversations(SlackWorld.CHANNEL).size() < 500
                    && Duration.between(start, w.clock.instant()).toMinutes() < 15) {
                w.dispatcher.drainOnce();
                w.clock.advance(Duration.ofMillis(200));
            }
            double seconds = Duration.between(start, w.clock.instant()).toMillis() / 1000.0;
            row("slack burst of 500 mentions", "all visible in the channel (Slack's pace, simulated time)",
                    fmt(seconds), "s");
            row("slack burst of 500 mentions", "messages posted", Integer.toString(w.fake.topLevel(SlackWorld.CHANNEL)
                    .size()), "messages");
            row("slack burst of 500 mentions", "one by one at 1 post/s would take", "500", "s");
        }
        row("slack burst of 500 mentions", "wall time of the run", fmt((System.nanoTime() - wallStart) / 1e6), "ms");
    }

    static void acks(Path dir, int clicks) throws Exception {
        try (SlackWorld w = new SlackWorld(dir)) {
            w.poll().drain();
            String[] users = {SlackWorld.ALICE, SlackWorld.BOB, SlackWorld.CAROL};
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                run(w, pool, users, 100);
                List<Long> nanos = run(w, pool, users, clicks);
                nanos.sort(null);
                row("slack ack latency, " + clicks + " Claim clicks (8 at a time)", "p50", fmt(pct(nanos, 50) / 1e6), "ms");
                row("slack ack latency, " + clicks + " Claim clicks (8 at a time)", "p99", fmt(pct(nanos, 99) / 1e6), "ms");
                row("slack ack latency, " + clicks + " Claim clicks (8 at a time)", "max",
                        fmt(nanos.get(nanos.size() - 1) / 1e6), "ms");
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static List<Long> run(SlackWorld w, ExecutorService pool, String[] users, int clicks) throws Exception {
        List<Future<Long>> futures = new ArrayList<>();
        for (int i = 0; i < clicks; i++) {
            String user = users[i % users.length];
            long id = 1 + i % 4;
            futures.add(pool.submit(() -> {
                long start = System.nanoTime();
                HttpResponse<String> ack = w.click(user, FakeSlack.TEAM, "earshot.claim", id);
                if (ack.statusCode() != 200) {
                    throw new IllegalStateException("ack " + ack.statusCode());
                }
                return System.nanoTime() - start;
            }));
        }
        List<Long> nanos = new ArrayList<>();
        for (Future<Long> f : futures) {
            nanos.add(f.get());
        }
        return nanos;
    }

    private static double pct(List<Long> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static void row(String benchmark, String measure, String value, String unit) {
        System.out.println("| " + BenchTable.cell(benchmark) + " | " + BenchTable.cell(measure) + " | " + value + " | "
                + BenchTable.cell(unit) + " | |");
    }
}
