package dev.earshot.bench;

import dev.earshot.app.Application;
import dev.earshot.app.DigestText;
import dev.earshot.app.Digests;
import dev.earshot.app.FollowThrough;
import dev.earshot.app.Queries;
import dev.earshot.app.Sources;
import dev.earshot.app.Telemetry;
import dev.earshot.app.StatsPeriod;
import dev.earshot.core.BusinessHours;
import dev.earshot.core.DigestReport;
import dev.earshot.core.Member;
import dev.earshot.core.PriorityRules;
import dev.earshot.core.SlaPolicy;
import dev.earshot.core.Team;
import dev.earshot.report.XChartRenderer;
import dev.earshot.port.Store;
import dev.earshot.store.SqliteStore;
import dev.earshot.store.StoreCopy;
import dev.earshot.testing.TestClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The digest, {@code /earshot stats 30d}, {@code queue} and {@code show} on a store with one million
 * customer messages over a year, next to a plain SQL {@code SELECT COUNT(*)} over the same table in
 * the same run. Prints Markdown table rows. (1,250,000 messages make one million conversations.)
 *
 * <p>The data: a year ending 2026-11-23 in Europe/Berlin; 1,000,000 customer messages, of which
 * 800,000 open a conversation and 200,000 are follow-ups in one; 85% of conversations answered
 * (a claim and a delivered reply in the audit log, by one of five teammates), 3% dismissed, the
 * rest still open. Bulk-inserted with plain JDBC batches into the real schema (Flyway's).
 *
 * <pre>
 * mvn -q -B test-compile
 * java -cp target/test-classes:target/classes:$(mvn -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout) \
 *     dev.earshot.bench.DigestBench [messages]
 * </pre>
 */
public final class DigestBench {
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    static final LocalDate LAST_DAY = LocalDate.of(2026, 11, 22);
    static final List<String> MEMBERS = List.of("alice", "bob", "carol", "dan", "erin");
    static final int RUNS = 9;
    static final int WARM_UP = 3;

    private DigestBench() {
    }

    public static void main(String[] args) throws Exception {
        // scripts/bench passes --quick for a smaller store; a number sets the size, and a second
        // argument names a database file to keep (and to reuse when it exists).
        boolean quick = args.length > 0 && args[0].equals("--quick");
        int messages = quick ? 100_000 : args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = args.length > 1 ? null : Files.createTempDirectory("earshot-bench");
        Path db = args.length > 1 ? Path.of(args[1]) : dir.resolve("bench.db");
        boolean reuse = Files.exists(db);
        SqliteStore.open(db).close(); // the real schema, by Flyway

        long t0 = System.nanoTime();
        int conversations = reuse ? count(db, "conversations") : YearOfTraffic.fill(db, messages);
        messages = reuse ? count(db, "messages") : messages;
        double fillSeconds = (System.nanoTime() - t0) / 1e9;

        row("setup", "customer messages", messages, "rows");
        row("setup", "conversations", conversations, "rows");
        row("setup", reuse ? "reused an existing file" : "bulk insert (JDBC batches, one transaction) and index build", fillSeconds, "s");
        row("setup", "database file", Files.size(db) / 1e6, "MB");

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            double[] count = time(() -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM messages")) {
                    rs.next();
                    return rs.getLong(1);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            row("plain SQL", "SELECT COUNT(*) FROM messages, median", count[0], "ms");
            row("plain SQL", "SELECT COUNT(*) FROM messages, slowest", count[1], "ms");
        }

        measure(SqliteStore.open(db), "", conversations);
        try (BenchPostgres postgres = new BenchPostgres()) {
            String url = postgres.database();
            long copy = System.nanoTime();
            StoreCopy.sqliteToPostgres(db, url, BenchPostgres.user(), "");
            BenchPostgres.run(url, "VACUUM ANALYZE");
            row("setup", "PostgreSQL: the same rows copied by migrate-store, then VACUUM ANALYZE",
                    (System.nanoTime() - copy) / 1e9, "s");
            row("setup", "PostgreSQL database", BenchPostgres.size(url) / 1e6, "MB");
            measure(BenchPostgres.open(url), " on PostgreSQL", conversations);
        }
        if (dir != null) {
            deleteAll(dir);
        }
    }

    /** The digest's timings on {@code store} (closed after); {@code where} ends each measure's name. */
    private static void measure(Store opened, String where, int conversations) {
        TestClock clock = new TestClock(LAST_DAY.plusDays(1).atTime(9, 0).atZone(ZONE).toInstant());
        Team team = new Team(MEMBERS.stream().map(m -> new Member(m, Map.of(), false)).toList());
        try (Store store = opened) {
            Digests digests = new Digests(store, team, clock, SlaPolicy.standard(BusinessHours.standard(ZONE)),
                    Digests.Settings.defaults("support"));
            DigestReport yesterday = digests.daily(LAST_DAY);
            Instant from = yesterday.from();
            Instant to = yesterday.to();
            double[] collect = time(() -> digests.collect("t", from, to, null));
            DigestReport.Input input = digests.collect("t", from, to, null);
            double[] compute = time(() -> DigestReport.compute(input));
            row("digest", "daily: collecting the rows from the store" + where + ", median", collect[0], "ms");
            row("digest", "daily: the arithmetic in core, median" + where, compute[0], "ms");
            double[] daily = time(() -> digests.daily(LAST_DAY));
            row("digest", "daily digest of one day (" + yesterday.figures().received() + " conversations)" + where
                    + ", median", daily[0], "ms");
            row("digest", "daily digest" + where + ", slowest", daily[1], "ms");
            double[] text = time(() -> DigestText.digest(digests.daily(LAST_DAY)));
            row("digest", "daily digest with its text" + where + ", median", text[0], "ms");
            double[] weekly = time(() -> digests.weekly(LAST_DAY.minusDays(6)));
            row("digest", "weekly digest (7 days)" + where + ", median", weekly[0], "ms");
            DigestReport month = digests.stats(StatsPeriod.LAST_30_DAYS);
            double[] stats30 = time(() -> digests.stats(StatsPeriod.LAST_30_DAYS));
            row("digest", "/earshot stats 30d (" + month.figures().received() + " conversations)" + where
                    + ", median", stats30[0], "ms");
            Instant monthFrom = month.from();
            Instant monthTo = month.to();
            double[] collect30 = time(() -> digests.collect("t", monthFrom, monthTo, null));
            DigestReport.Input monthInput = digests.collect("t", monthFrom, monthTo, null);
            double[] compute30 = time(() -> DigestReport.compute(monthInput));
            row("digest", "stats 30d: collecting the rows from the store" + where + ", median", collect30[0], "ms");
            row("digest", "stats 30d: the arithmetic in core, median" + where, compute30[0], "ms");
            queueAndShow(store, team, clock, conversations, where);
            if (where.isEmpty()) { // the chart does not touch the store
                XChartRenderer charts = new XChartRenderer();
                charts.trendChart("warm-up", yesterday.trend());
                double[] chart = time(() -> charts.trendChart("digest", yesterday.trend()));
                row("digest", "trend chart PNG (1000x500), median", chart[0], "ms");
                System.err.println(DigestText.digest(yesterday));
            }
        }
    }

    /** What a teammate waits for on the same store: the queue's first page and one conversation. */
    private static void queueAndShow(Store store, Team team, TestClock clock, int conversations, String where) {
        Queries queries = new Application(store, new Sources(List.of()), clock, Telemetry.NONE,
                new Application.Settings(team, PriorityRules.defaults(), m -> "support", FollowThrough.none(),
                        Digests.Settings.defaults("support"), List.of())).queries();
        Random random = new Random(7);
        double[] queue = time(() -> queries.queue(10));
        row("commands", "/earshot queue (first 10 of every waiting conversation)" + where + ", median", queue[0], "ms");
        row("commands", "/earshot queue" + where + ", slowest", queue[1], "ms");
        double[] show = time(() -> queries.show(1 + random.nextInt(conversations)));
        row("commands", "/earshot show (a random one of " + conversations + ")" + where + ", median", show[0], "ms");
        row("commands", "/earshot show" + where + ", slowest", show[1], "ms");
    }

    private static int count(Path db, String table) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Median and slowest of {@value #RUNS} runs after {@value #WARM_UP} warm-up runs, in milliseconds. */
    static double[] time(Supplier<?> work) {
        for (int i = 0; i < WARM_UP; i++) {
            work.get();
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            work.get();
            ms.add((System.nanoTime() - t) / 1e6);
        }
        ms.sort(null);
        return new double[] {ms.get(RUNS / 2), ms.get(RUNS - 1)};
    }

    private static void row(String benchmark, String measure, double value, String unit) {
        new BenchTable(benchmark).row(measure, value, unit, "");
    }

    private static void deleteAll(Path dir) throws java.io.IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
