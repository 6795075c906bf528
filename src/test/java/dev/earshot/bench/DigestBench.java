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
import dev.earshot.store.SqliteStore;
import dev.earshot.testing.TestClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
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
        int conversations = reuse ? count(db, "conversations") : fill(db, messages);
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

        TestClock clock = new TestClock(LAST_DAY.plusDays(1).atTime(9, 0).atZone(ZONE).toInstant());
        Team team = new Team(MEMBERS.stream().map(m -> new Member(m, Map.of(), false)).toList());
        try (SqliteStore store = SqliteStore.open(db)) {
            Digests digests = new Digests(store, team, clock, SlaPolicy.standard(BusinessHours.standard(ZONE)),
                    Digests.Settings.defaults("support"));
            DigestReport yesterday = digests.daily(LAST_DAY);
            Instant from = yesterday.from();
            Instant to = yesterday.to();
            double[] collect = time(() -> digests.collect("t", from, to, null));
            DigestReport.Input input = digests.collect("t", from, to, null);
            double[] compute = time(() -> DigestReport.compute(input));
            row("digest", "daily: collecting the rows from the store, median", collect[0], "ms");
            row("digest", "daily: the arithmetic in core, median", compute[0], "ms");
            double[] daily = time(() -> digests.daily(LAST_DAY));
            row("digest", "daily digest of one day (" + yesterday.figures().received() + " conversations), median",
                    daily[0], "ms");
            row("digest", "daily digest, slowest", daily[1], "ms");
            double[] text = time(() -> DigestText.digest(digests.daily(LAST_DAY)));
            row("digest", "daily digest with its text, median", text[0], "ms");
            double[] weekly = time(() -> digests.weekly(LAST_DAY.minusDays(6)));
            row("digest", "weekly digest (7 days), median", weekly[0], "ms");
            DigestReport month = digests.stats(StatsPeriod.LAST_30_DAYS);
            double[] stats30 = time(() -> digests.stats(StatsPeriod.LAST_30_DAYS));
            row("digest", "/earshot stats 30d (" + month.figures().received() + " conversations), median",
                    stats30[0], "ms");
            Instant monthFrom = month.from();
            Instant monthTo = month.to();
            double[] collect30 = time(() -> digests.collect("t", monthFrom, monthTo, null));
            DigestReport.Input monthInput = digests.collect("t", monthFrom, monthTo, null);
            double[] compute30 = time(() -> DigestReport.compute(monthInput));
            row("digest", "stats 30d: collecting the rows from the store, median", collect30[0], "ms");
            row("digest", "stats 30d: the arithmetic in core, median", compute30[0], "ms");
            queueAndShow(store, team, clock, conversations);
            XChartRenderer charts = new XChartRenderer();
            charts.trendChart("warm-up", yesterday.trend());
            double[] chart = time(() -> charts.trendChart("digest", yesterday.trend()));
            row("digest", "trend chart PNG (1000x500), median", chart[0], "ms");
            System.err.println(DigestText.digest(yesterday));
        }
        if (dir != null) {
            deleteAll(dir);
        }
    }

    private static int count(Path db, String table) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** One year of traffic with a daily rhythm; returns the number of conversations. */
    static int fill(Path db, int messageCount) throws SQLException {
        Random random = new Random(7);
        Instant end = LAST_DAY.plusDays(1).atStartOfDay(ZONE).toInstant();
        long yearMillis = Duration.ofDays(365).toMillis();
        int opening = messageCount * 4 / 5;
        long[] opened = new long[opening];
        for (int i = 0; i < opening; i++) {
            long t;
            do { // more in the day than at night
                t = end.toEpochMilli() - (long) (random.nextDouble() * yearMillis);
            } while (random.nextDouble() > dayShape(Instant.ofEpochMilli(t)));
            opened[i] = t;
        }
        Arrays.sort(opened);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            try (Statement s = c.createStatement()) {
                // Bulk set-up only: the store itself runs WAL with synchronous=FULL (it sets both when it opens).
                s.execute("PRAGMA journal_mode = OFF");
                s.execute("PRAGMA synchronous = OFF");
                s.execute("PRAGMA cache_size = -262144"); // 256 MiB, so the indexes are built in memory
                s.execute("PRAGMA temp_store = MEMORY");
            }
            // The schema's own secondary indexes are dropped for the insert and built again after it,
            // from their stored definitions: the same schema, built by sorting rather than row by row.
            List<String> names = new ArrayList<>();
            List<String> indexes = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT name, sql FROM sqlite_master"
                    + " WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('conversations', 'messages', 'history')")) {
                while (rs.next()) {
                    names.add(rs.getString("name"));
                    indexes.add(rs.getString("sql"));
                }
            }
            try (Statement drop = c.createStatement()) {
                for (String name : names) {
                    drop.execute("DROP INDEX " + name);
                }
            }
            c.setAutoCommit(false);
            try (PreparedStatement conv = c.prepareStatement("INSERT INTO conversations (id, platform, account,"
                    + " author_handle, thread_key, channel, state, owner, priority, opened_at, last_customer_at,"
                    + " first_reply_at, version) VALUES (?, 'x', 'brand', ?, ?, 'support', ?, ?, ?, ?, ?, ?, 1)");
                 PreparedStatement msg = c.prepareStatement("INSERT INTO messages (conversation_id, platform,"
                         + " account, external_id, direction, author_handle, author_followers, text, url, created_at,"
                         + " kind, thread_key, received_at) VALUES (?, 'x', 'brand', ?, 'in', ?, ?, ?, ?, ?, 'MENTION', ?, ?)");
                 PreparedStatement hist = c.prepareStatement("INSERT INTO history (conversation_id, at, actor, action,"
                         + " detail) VALUES (?, ?, ?, ?, '')")) {
                int externalId = 0;
                for (int i = 0; i < opening; i++) {
                    long id = i + 1;
                    long at = opened[i];
                    String author = "user" + random.nextInt(200_000);
                    double fate = random.nextDouble();
                    boolean answered = fate < 0.85 && at < end.toEpochMilli() - 60_000;
                    boolean dismissed = !answered && fate < 0.88;
                    String member = MEMBERS.get(random.nextInt(MEMBERS.size()));
                    long reply = at + (long) (60_000 * Math.exp(random.nextGaussian() * 1.1 + 3.2)); // ~25 min median
                    conv.setLong(1, id);
                    conv.setString(2, author);
                    conv.setString(3, "t" + id);
                    conv.setString(4, answered ? "REPLIED" : dismissed ? "DISMISSED" : "NEW");
                    conv.setString(5, answered ? member : null);
                    conv.setInt(6, random.nextInt(100));
                    conv.setLong(7, at);
                    conv.setLong(8, at);
                    if (answered) {
                        conv.setLong(9, reply);
                    } else {
                        conv.setNull(9, java.sql.Types.BIGINT);
                    }
                    conv.addBatch();
                    int parts = i < messageCount - opening ? 2 : 1; // the first ones get the follow-ups
                    for (int p = 0; p < parts; p++) {
                        long when = at + p * 120_000L;
                        msg.setLong(1, id);
                        msg.setString(2, "m" + (++externalId));
                        msg.setString(3, author);
                        msg.setLong(4, (long) Math.pow(10, random.nextDouble() * 6));
                        msg.setString(5, "hello, my order " + externalId + " is late, please help");
                        msg.setString(6, "https://x.com/" + author + "/status/" + externalId);
                        msg.setLong(7, when);
                        msg.setString(8, "t" + id);
                        msg.setLong(9, when);
                        msg.addBatch();
                    }
                    if (answered) {
                        history(hist, id, at + 30_000, member, "claim");
                        history(hist, id, reply, member, "replied");
                    }
                    if (i % 10_000 == 9_999) {
                        conv.executeBatch();
                        msg.executeBatch();
                        hist.executeBatch();
                    }
                }
                conv.executeBatch();
                msg.executeBatch();
                hist.executeBatch();
            }
            c.commit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                for (String index : indexes) {
                    s.execute(index);
                }
                s.execute(firstAnswerFill());
                s.execute("ANALYZE");
            }
        }
        return opening;
    }

    /** What a teammate waits for on the same store: the queue's first page and one conversation. */
    private static void queueAndShow(SqliteStore store, Team team, TestClock clock, int conversations) {
        Queries queries = new Application(store, new Sources(List.of()), clock, Telemetry.NONE,
                new Application.Settings(team, PriorityRules.defaults(), m -> "support", FollowThrough.none(),
                        Digests.Settings.defaults("support"), List.of())).queries();
        Random random = new Random(7);
        double[] queue = time(() -> queries.queue(10));
        row("commands", "/earshot queue (first 10 of every waiting conversation), median", queue[0], "ms");
        row("commands", "/earshot queue, slowest", queue[1], "ms");
        double[] show = time(() -> queries.show(1 + random.nextInt(conversations)));
        row("commands", "/earshot show (a random one of " + conversations + "), median", show[0], "ms");
        row("commands", "/earshot show, slowest", show[1], "ms");
    }

    /** The rows were written past the store: fill the kept first answers as the migration does. */
    private static String firstAnswerFill() {
        try (var in = DigestBench.class.getResourceAsStream("/db/migration/sqlite/V8__first_answer.sql")) {
            String script = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return script.substring(script.indexOf("UPDATE conversations"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void history(PreparedStatement hist, long id, long at, String member, String action)
            throws SQLException {
        hist.setLong(1, id);
        hist.setLong(2, at);
        hist.setString(3, member);
        hist.setString(4, action);
        hist.addBatch();
    }

    /** Relative traffic by local hour: low at night, high in the day. */
    private static double dayShape(Instant at) {
        int hour = at.atZone(ZONE).getHour();
        return hour < 7 ? 0.15 : hour < 9 ? 0.5 : hour < 19 ? 1.0 : 0.4;
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
