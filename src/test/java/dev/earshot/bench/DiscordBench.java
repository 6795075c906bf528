package dev.earshot.bench;

import dev.earshot.chat.discord.DiscordWorld;
import dev.earshot.testing.Burst;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Discord benchmarks against the fake Discord on 127.0.0.1, with the real JDA, the chat port and
 * SQLite. Prints Markdown table rows {@code | benchmark | measure | value | unit |}.
 *
 * <ul>
 *   <li>Burst: 500 mentions at once; how long until every one is visible in the channel, with the
 *       fake refusing (429) a sixth post within 5 s in one channel, as Discord does. Simulated time
 *       (the dispatcher runs every 200 ms of a test clock), so the figure is Discord's pace.</li>
 *   <li>Acks: Claim clicks sent as INTERACTION_CREATE over the fake gateway, one after another;
 *       the time from sending the event to the fake receiving the deferral (the ack), after 100
 *       warm-up clicks.</li>
 * </ul>
 */
public final class DiscordBench {
    private DiscordBench() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        Path dir = Files.createTempDirectory("earshot-discord-bench");
        burst(dir.resolve("burst"));
        acks(dir.resolve("acks"), quick ? 200 : 1_000);
        System.exit(0);
    }

    static void burst(Path dir) throws Exception {
        Files.createDirectories(dir);
        long wallStart = System.nanoTime();
        try (DiscordWorld w = new DiscordWorld(dir)) {
            w.fake.paceWith(w.clock);
            w.ingest.ingest(w.demo, Burst.of(500, "acme", w.clock.instant()));
            Instant start = w.clock.instant();
            while (w.fake.visibleConversations(DiscordWorld.CHANNEL).size() < 500
                    && Duration.between(start, w.clock.instant()).toMinutes() < 15) {
                w.dispatcher.drainOnce();
                w.clock.advance(Duration.ofMillis(200));
            }
            double seconds = Duration.between(start, w.clock.instant()).toMillis() / 1000.0;
            row("discord burst of 500 mentions", "all visible in the channel (Discord's pace, simulated time)",
                    fmt(seconds), "s");
            row("discord burst of 500 mentions", "messages posted",
                    Integer.toString(w.fake.messages(DiscordWorld.CHANNEL).size()), "messages");
        }
        row("discord burst of 500 mentions", "wall time of the run", fmt((System.nanoTime() - wallStart) / 1e6), "ms");
    }

    static void acks(Path dir, int clicks) throws Exception {
        Files.createDirectories(dir);
        try (DiscordWorld w = new DiscordWorld(dir).connect().poll().drain()) {
            run(w, 100);
            List<Long> nanos = run(w, clicks);
            nanos.sort(null);
            String name = "discord ack latency, " + clicks + " Claim clicks";
            row(name, "p50", fmt(pct(nanos, 50) / 1e6), "ms");
            row(name, "p99", fmt(pct(nanos, 99) / 1e6), "ms");
            row(name, "max", fmt(nanos.get(nanos.size() - 1) / 1e6), "ms");
        }
    }

    private static List<Long> run(DiscordWorld w, int clicks) throws InterruptedException {
        List<Long> took = new ArrayList<>();
        for (int i = 0; i < clicks; i++) {
            long sent = System.nanoTime();
            String id = w.click(i % 2, "earshot:claim:" + (1 + i % 4));
            Long acked;
            while ((acked = w.fake.ackedAt(id)) == null) {
                if (System.nanoTime() - sent > 10_000_000_000L) {
                    throw new IllegalStateException("click " + i + " was not acked within 10 s");
                }
                Thread.onSpinWait();
            }
            took.add(acked - sent);
        }
        return took;
    }

    private static long pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static void row(String benchmark, String measure, String value, String unit) {
        System.out.println("| " + benchmark + " | " + measure + " | " + value + " | " + unit + " |");
    }
}
