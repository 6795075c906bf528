package dev.earshot.bench;

import dev.earshot.app.Application;
import dev.earshot.app.Caller;
import dev.earshot.app.CommandHandler;
import dev.earshot.app.Digests;
import dev.earshot.app.FollowThrough;
import dev.earshot.app.Sources;
import dev.earshot.app.Telemetry;
import dev.earshot.core.Member;
import dev.earshot.core.Message;
import dev.earshot.core.PriorityRules;
import dev.earshot.core.Team;
import dev.earshot.port.Store;
import dev.earshot.store.SqliteStore;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The claim race across instances: 200 teammates type {@code claim N} for the same new conversation
 * at the same moment, spread over three instances (three stores, each with its own connection pool,
 * on one database), through {@code CommandHandler.answer} as every chat sends it. Every round must
 * have exactly one winner and 199 teammates told who owns it; the bench fails otherwise. On
 * PostgreSQL ({@link BenchPostgres}) and, for comparison, on one SQLite file opened three times.
 */
public final class ClaimRaceBench {
    private static final int TEAMMATES = 200;
    private static final int INSTANCES = 3;

    private ClaimRaceBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Arrays.asList(args).contains("--quick") ? 5 : 20;
        BenchTable table = new BenchTable("claim race");
        try (BenchPostgres postgres = new BenchPostgres()) {
            String url = postgres.database();
            race(table, " on PostgreSQL", rounds, () -> BenchPostgres.open(url), BenchPostgres.NOTE);
        }
        try (Scratch scratch = new Scratch("race")) {
            race(table, " on SQLite", rounds, () -> SqliteStore.open(scratch.file("earshot.db")),
                    "one file opened by three stores; WAL, synchronous=FULL, IMMEDIATE transactions");
        }
    }

    private static void race(BenchTable table, String where, int rounds, Supplier<Store> open, String note)
            throws Exception {
        Team team = new Team(IntStream.range(0, TEAMMATES).mapToObj(i -> new Member("m" + i, Map.of(), false)).toList());
        List<Store> stores = new ArrayList<>();
        List<Application> instances = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(TEAMMATES);
        try {
            for (int i = 0; i < INSTANCES; i++) {
                Store store = open.get();
                stores.add(store);
                instances.add(new Application(store, new Sources(List.of()), Clock.fixed(Traffic.START, ZoneOffset.UTC),
                        Telemetry.NONE, new Application.Settings(team, PriorityRules.defaults(), m -> "support",
                                FollowThrough.none(), Digests.Settings.defaults("support"), List.of())));
            }
            List<Message> openings = Traffic.messages(5, rounds + 1, 0); // one spare: the warm-up round
            Samples clicks = new Samples();
            Samples wholeRounds = new Samples();
            for (int round = 0; round <= rounds; round++) {
                Traffic.Batch batch = Traffic.batches(List.of(openings.get(round)), 1).get(0);
                if (instances.get(0).ingest().ingest(batch.source(), batch.fetch()).opened() != 1) {
                    throw new IllegalStateException("round " + round + " opened no conversation");
                }
                long id = round + 1; // a fresh database: ids count from 1
                System.err.printf("claim race%s: round %d, #%d%n", where, round, id);
                long started = System.nanoTime();
                List<Long> latencies = oneRound(pool, team, instances, id);
                if (round > 0) { // the first round warms the pools and the JIT
                    latencies.forEach(clicks::add);
                    wholeRounds.add(System.nanoTime() - started);
                }
            }
            table.row("rounds with exactly one winner" + where, rounds, "of " + rounds,
                    TEAMMATES + " teammates over " + INSTANCES + " instances each round; " + note);
            table.row("one click p50" + where, clicks.percentileMillis(50), "ms", "claim N under the race, answer included");
            table.row("one click p99" + where, clicks.percentileMillis(99), "ms",
                    String.format("max %.1f ms", clicks.maxMillis()));
            table.row("whole round p50" + where, wholeRounds.percentileMillis(50), "ms",
                    "until all " + TEAMMATES + " teammates have their answer");
        } finally {
            pool.shutdownNow();
            stores.forEach(Store::close);
        }
    }

    /** One round: everyone clicks at once; returns each click's latency; throws unless one won. */
    private static List<Long> oneRound(ExecutorService pool, Team team, List<Application> instances, long id)
            throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        long[] latencies = new long[TEAMMATES];
        for (int i = 0; i < TEAMMATES; i++) {
            int who = i;
            CommandHandler commands = instances.get(i % INSTANCES).commands();
            answers.add(pool.submit(() -> {
                go.await();
                long start = System.nanoTime();
                String text = commands.answer(Caller.member(team.members().get(who)), "claim " + id).text();
                latencies[who] = System.nanoTime() - start;
                return text;
            }));
        }
        go.countDown();
        int won = 0;
        int toldTheOwner = 0;
        for (Future<String> answer : answers) {
            String text = answer.get(60, TimeUnit.SECONDS);
            won += text.startsWith("You claimed") ? 1 : 0;
            toldTheOwner += text.contains("is already claimed by @") ? 1 : 0;
        }
        if (won != 1 || toldTheOwner != TEAMMATES - 1) {
            throw new IllegalStateException("#" + id + ": " + won + " winners, " + toldTheOwner + " told the owner");
        }
        return Arrays.stream(latencies).boxed().toList();
    }
}
