package dev.earshot.bench;

import dev.earshot.app.Application;
import dev.earshot.app.CareSettings;
import dev.earshot.app.Digests;
import dev.earshot.app.FollowThrough;
import dev.earshot.app.Ingest;
import dev.earshot.app.Sources;
import dev.earshot.app.Telemetry;
import dev.earshot.core.Message;
import dev.earshot.core.PriorityRules;
import dev.earshot.core.SpikeRule;
import dev.earshot.core.Team;
import dev.earshot.port.SocialSource;
import dev.earshot.store.SqliteStore;
import dev.earshot.testing.TestClock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * What the volume-spike check costs each ingest: the same fetches go through {@code Ingest.ingest}
 * twice, into two stores, once with spike alerts off and once on (every source, three keywords,
 * a check after each fetch that opened a conversation), taking turns fetch by fetch. The clock
 * follows the traffic (two messages a second), so the 15-minute window holds about 1,800 messages:
 * the check reads a busy window, the case where it costs most. The budget is 5% of ingest.
 */
public final class SpikeBench {
    private static final long SEED = 11;
    private static final int WARM_UP = 4_000;

    private SpikeBench() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = Arrays.asList(args).contains("--quick");
        int size = quick ? 5_000 : 20_000;
        BenchTable table = new BenchTable("spike check");
        run(Traffic.batches(Traffic.messages(SEED + 1, WARM_UP, IngestBench.FOLLOW_UPS), IngestBench.PER_FETCH));
        List<Traffic.Batch> batches = Traffic.batches(Traffic.messages(SEED, size, IngestBench.FOLLOW_UPS),
                IngestBench.PER_FETCH);
        System.err.printf("spike check: %,d msgs in %,d fetches ...%n", size, batches.size());
        double[] ms = run(batches);
        String label = String.format("%,d msgs", size);
        table.row("ingest, spikes off, " + label, ms[0], "ms/fetch", "≤" + IngestBench.PER_FETCH + " messages a fetch");
        table.row("ingest, spikes on, " + label, ms[1], "ms/fetch", "a check after each fetch; window ≈1,800 msgs");
        table.row("spike check share of ingest, " + label, 100 * (ms[1] - ms[0]) / ms[0], "%",
                "must stay under 5%; timed fetch by fetch, taking turns");
    }

    /** Milliseconds per fetch: spikes off, spikes on. */
    static double[] run(List<Traffic.Batch> batches) {
        try (Scratch scratch = new Scratch("spikes");
             SqliteStore off = SqliteStore.open(scratch.file("off.db"));
             SqliteStore on = SqliteStore.open(scratch.file("on.db"))) {
            TestClock clock = TestClock.at(Traffic.START.toString());
            List<SocialSource> sources = batches.stream().map(Traffic.Batch::source).distinct().toList();
            Ingest plain = app(off, sources, clock, CareSettings.none());
            Ingest watched = app(on, sources, clock, new CareSettings(null, new CareSettings.Spikes(true,
                    SpikeRule.defaults(), List.of("refund", "down", "broken")), null, "support"));
            long offNanos = 0;
            long onNanos = 0;
            for (int i = 0; i < batches.size(); i++) {
                Traffic.Batch b = batches.get(i);
                Message last = b.fetch().messages().stream().max(Comparator.comparing(Message::createdAt)).orElseThrow();
                Duration ahead = Duration.between(clock.instant(), last.createdAt());
                if (!ahead.isNegative()) {
                    clock.advance(ahead);
                }
                boolean onFirst = i % 2 == 1;
                if (onFirst) {
                    onNanos -= System.nanoTime();
                    watched.ingest(b.source(), b.fetch());
                    onNanos += System.nanoTime();
                }
                offNanos -= System.nanoTime();
                plain.ingest(b.source(), b.fetch());
                offNanos += System.nanoTime();
                if (!onFirst) {
                    onNanos -= System.nanoTime();
                    watched.ingest(b.source(), b.fetch());
                    onNanos += System.nanoTime();
                }
            }
            return new double[] {offNanos / 1e6 / batches.size(), onNanos / 1e6 / batches.size()};
        }
    }

    private static Ingest app(SqliteStore store, List<SocialSource> sources, TestClock clock, CareSettings care) {
        return new Application(store, new Sources(sources), clock, Telemetry.NONE,
                new Application.Settings(new Team(List.of()), PriorityRules.defaults(), m -> "support",
                        FollowThrough.none(), Digests.Settings.defaults("support"), List.of(), care)).ingest();
    }
}
