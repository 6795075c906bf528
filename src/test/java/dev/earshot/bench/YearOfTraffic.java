package dev.earshot.bench;

import static dev.earshot.bench.DigestBench.LAST_DAY;
import static dev.earshot.bench.DigestBench.MEMBERS;
import static dev.earshot.bench.DigestBench.ZONE;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * {@link DigestBench}'s data: a year of traffic with a daily rhythm, bulk-inserted into a SQLite
 * store's real schema (its secondary indexes dropped for the insert and built again after it).
 */
final class YearOfTraffic {
    private YearOfTraffic() {
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

    /** The rows were written past the store: fill the kept first answers as the migration does. */
    private static String firstAnswerFill() {
        try (var in = YearOfTraffic.class.getResourceAsStream("/db/migration/sqlite/V8__first_answer.sql")) {
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
}
