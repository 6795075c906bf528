package dev.earshot.bench;

import dev.earshot.app.Application;
import dev.earshot.app.Digests;
import dev.earshot.app.FollowThrough;
import dev.earshot.app.Ingest;
import dev.earshot.app.Sources;
import dev.earshot.app.Telemetry;
import dev.earshot.core.PriorityRules;
import dev.earshot.core.Team;
import dev.earshot.port.Store;
import dev.earshot.store.PostgresStore;
import dev.earshot.store.SqliteStore;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * Ingest throughput: messages per second through {@code Ingest.ingest} (duplicate check, thread
 * look-up, priority, conversation, message, audit line, outbox rows, cursor; one transaction per
 * fetch), next to the rate at which plain JDBC inserts the same rows into a {@link PlainTable}
 * with the same settings and the same commits. The ratio is what the bookkeeping costs.
 *
 * <p>The same fetches then go through {@code Ingest.ingest} on PostgreSQL ({@link BenchPostgres}),
 * in the same run.
 *
 * <p>The two are timed fetch by fetch, taking turns, so that both see the same machine: on a
 * shared host the cost of an fsync drifts by several times within a minute, and timing one path
 * after the other would put that drift into the ratio.
 */
public final class IngestBench {
    static final int PER_FETCH = 40;
    static final double FOLLOW_UPS = 0.2;
    private static final long SEED = 7;
    private static final int WARM_UP = 4_000;

    private IngestBench() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = Arrays.asList(args).contains("--quick");
        int[] sizes = quick ? new int[] {2_000, 10_000} : new int[] {10_000, 100_000};
        BenchTable table = new BenchTable("ingest");

        // A running bot is warm: let the JIT see both paths before anything is timed.
        run(Traffic.batches(Traffic.messages(SEED + 1, WARM_UP, FOLLOW_UPS), PER_FETCH));
        try (BenchPostgres postgres = new BenchPostgres()) {
            onPostgres(postgres, Traffic.batches(Traffic.messages(SEED + 1, WARM_UP, FOLLOW_UPS), PER_FETCH));
            sizes(table, sizes, postgres);
        }
    }

    private static void sizes(BenchTable table, int[] sizes, BenchPostgres postgres) throws SQLException {
        for (int size : sizes) {
            List<Traffic.Batch> batches = Traffic.batches(Traffic.messages(SEED, size, FOLLOW_UPS), PER_FETCH);
            String label = String.format("%,d msgs", size);
            System.err.printf("ingest: %s in %,d fetches ...%n", label, batches.size());
            Result r = run(batches);
            double ingestRate = size / r.ingestSeconds();
            double rawRate = size / r.rawSeconds();
            table.row("Ingest.ingest, " + label, ingestRate, "msg/s", String.format(
                    "%,d fetches of ≤%d; %,d opened, %,d follow-ups; %,d outbox rows", batches.size(), PER_FETCH,
                    r.opened(), r.joined(), r.outboxRows()));
            table.row("raw batched INSERT, " + label, rawRate, "msg/s",
                    "same rows, plain table, no index; one commit per fetch; WAL, synchronous=FULL");
            table.row("raw ÷ ingest, " + label, rawRate / ingestRate, "×",
                    "how many times slower ingest is; timed fetch by fetch, taking turns");
            double postgresRate = size / onPostgres(postgres, batches);
            table.row("Ingest.ingest on PostgreSQL, " + label, postgresRate, "msg/s",
                    "the same fetches, one transaction each (SERIALIZABLE); " + BenchPostgres.NOTE);
        }
    }

    /** Seconds {@code Ingest.ingest} takes for {@code batches} on a fresh PostgreSQL database. */
    static double onPostgres(BenchPostgres postgres, List<Traffic.Batch> batches) {
        try (PostgresStore store = BenchPostgres.open(postgres.database())) {
            Ingest inbox = ingest(store);
            long nanos = 0;
            int stored = 0;
            for (Traffic.Batch b : batches) {
                nanos -= System.nanoTime();
                Ingest.Result result = inbox.ingest(b.source(), b.fetch());
                nanos += System.nanoTime();
                stored += result.opened() + result.joined();
            }
            int expected = batches.stream().mapToInt(Traffic.Batch::size).sum();
            if (stored != expected) {
                throw new IllegalStateException(expected + " messages, PostgreSQL stored " + stored);
            }
            return nanos / 1e9;
        }
    }

    private static Ingest ingest(Store store) {
        Clock clock = Clock.fixed(Traffic.START, ZoneOffset.UTC);
        return new Application(store, new Sources(List.of()), clock, Telemetry.NONE,
                new Application.Settings(new Team(List.of()), PriorityRules.defaults(), m -> "support",
                        FollowThrough.none(), Digests.Settings.defaults("support"), List.of())).ingest();
    }

    record Result(double ingestSeconds, double rawSeconds, int opened, int joined, int outboxRows) {
    }

    static Result run(List<Traffic.Batch> batches) throws SQLException {
        try (Scratch scratch = new Scratch("ingest");
             SqliteStore store = SqliteStore.open(scratch.file("earshot.db"));
             PlainTable plain = new PlainTable(scratch.file("plain.db"))) {
            Clock clock = Clock.fixed(Traffic.START, ZoneOffset.UTC);
            Ingest inbox = ingest(store);
            long ingestNanos = 0;
            long rawNanos = 0;
            int opened = 0;
            int joined = 0;
            for (int i = 0; i < batches.size(); i++) {
                Traffic.Batch b = batches.get(i);
                // alternate who goes first, so neither always runs right after the other's fsync
                boolean rawFirst = i % 2 == 1;
                if (rawFirst) {
                    rawNanos -= System.nanoTime();
                    plain.insert(b.fetch().messages(), clock.instant());
                    rawNanos += System.nanoTime();
                }
                ingestNanos -= System.nanoTime();
                Ingest.Result result = inbox.ingest(b.source(), b.fetch());
                ingestNanos += System.nanoTime();
                if (!rawFirst) {
                    rawNanos -= System.nanoTime();
                    plain.insert(b.fetch().messages(), clock.instant());
                    rawNanos += System.nanoTime();
                }
                opened += result.opened();
                joined += result.joined();
            }
            int outbox = store.read(tx -> tx.outboxBacklog());
            requireComplete(batches, opened, joined, outbox, plain.count());
            return new Result(ingestNanos / 1e9, rawNanos / 1e9, opened, joined, outbox);
        }
    }

    private static void requireComplete(List<Traffic.Batch> batches, int opened, int joined, int outbox, int plain) {
        int expected = batches.stream().mapToInt(Traffic.Batch::size).sum();
        // a new conversation posts its card; a follow-up posts in the thread and redraws the card
        if (opened + joined != expected || outbox != opened + 2 * joined || plain != expected) {
            throw new IllegalStateException(String.format("%d messages: ingest stored %d + %d with %d outbox rows,"
                    + " the plain table %d rows", expected, opened, joined, outbox, plain));
        }
    }
}
