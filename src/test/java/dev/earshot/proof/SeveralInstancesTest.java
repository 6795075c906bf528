package dev.earshot.proof;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.chat.slack.SlackWorkspace;
import dev.earshot.store.TestPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RELIABILITY.md promise 26: three instances of the real program (child JVMs) on one PostgreSQL,
 * between a fake Mastodon and a fake Slack whose Socket Mode hands each command to one of them.
 * Customers mention the brand and the teammate replies over Socket Mode, while every few seconds a
 * random instance is killed with SIGKILL and started again (at once, or after its leases expired,
 * so that the others take its sources and outbox rows over); the lease is 5 s. At the end
 * every mention has exactly one card, every reply the teammate was told is "on its way" reached
 * the customer exactly once, and no reply reached anyone twice. Digests and nudges are off here:
 * they run through the clustered schedule, which has its own proof.
 *
 * <p>One short seed by default, 200 mentions and 20 replies ({@code -Dearshot.cluster.seeds=K},
 * {@code -Dearshot.cluster.mentions} and {@code -Dearshot.cluster.replies} for more,
 * {@code -Dearshot.seed=N} replays one); the {@code soak} tag runs five seeds of 1,000 mentions
 * and 100 replies. The other test measures how long a source
 * stays unpolled after its poller's instance is killed, with the default lease.
 */
class SeveralInstancesTest {
    private static final int MENTIONS = Integer.getInteger("earshot.cluster.mentions", 200);
    private static final int REPLIES = Integer.getInteger("earshot.cluster.replies", 20);
    private static final String SHORT_LEASE = "5s";
    private static final int KILLS = 3;
    private static final Duration SETTLE = Duration.ofSeconds(90);
    private static final String SOURCE_LEASE = "source:acme-mastodon";

    @TempDir
    Path dir;

    static Stream<Long> seeds() {
        Long one = Long.getLong("earshot.seed");
        return one != null ? Stream.of(one)
                : LongStream.rangeClosed(1, Integer.getInteger("earshot.cluster.seeds", 1)).boxed();
    }

    static Stream<Long> soakSeeds() {
        return LongStream.rangeClosed(101, 105).boxed();
    }

    /** One reply typed by the teammate: to which conversation, the word that marks it, where Earshot answered. */
    private record Reply(long conversation, String mark, String answers) {
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void threeInstancesKilledAtRandomLoseNothingAndDoubleNothing(long seed) throws Exception {
        Seeds.replayable(seed, "SeveralInstancesTest", dir.resolve("earshot.log"), () -> run(seed, MENTIONS, REPLIES));
    }

    @Tag("soak")
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("soakSeeds")
    void aThousandMentionsAndAHundredReplies(long seed) throws Exception {
        Seeds.replayable(seed, "SeveralInstancesTest", dir.resolve("earshot.log"), () -> run(seed, 1000, 100));
    }

    private void run(long seed, int mentions, int replyCount) throws Exception {
        Random random = new Random(seed);
        List<Reply> replies = new ArrayList<>();
        int mentioned = 0;
        int kills = 0;
        try (World world = new World(dir); Cluster cluster = new Cluster(world, SHORT_LEASE)) {
            cluster.startAll();
            long nextKill = System.nanoTime() + millis(2_000 + random.nextInt(2_000));
            long[] restartAt = new long[Cluster.SIZE];
            long enough = System.nanoTime() + SETTLE.toNanos();
            while ((mentioned < mentions || replies.size() < replyCount || kills < KILLS)
                    && System.nanoTime() < enough) {
                // About 80 rounds of a quarter second: the mentions spread over some 20 s, through several kills.
                int burst = Math.min(mentions - mentioned, 1 + random.nextInt(Math.max(1, mentions / 40)));
                for (int i = 0; i < burst; i++) {
                    world.mastodon.mention("my order s" + seed + "m" + (++mentioned) + " is late");
                }
                if (replies.size() < replyCount && random.nextInt(10) < 4) {
                    reply(random, world, seed, replies);
                }
                long now = System.nanoTime();
                if (now >= nextKill && cluster.allRunning()) { // one killed at a time (it may be starting again)
                    int victim = random.nextInt(Cluster.SIZE);
                    cluster.kill(victim);
                    kills++;
                    // Back at once (it takes its own leases again) or after its leases expired (others take over).
                    restartAt[victim] = now + millis(random.nextInt(7_000));
                    System.err.printf("seed %d: killed i%d after %d mentions, %d replies%n", seed, victim + 1,
                            mentioned, replies.size());
                    nextKill = now + millis(2_500 + random.nextInt(2_500));
                }
                for (int i = 0; i < Cluster.SIZE; i++) {
                    if (!cluster.alive(i) && restartAt[i] != 0 && now >= restartAt[i]) {
                        cluster.start(i);
                        restartAt[i] = 0;
                    }
                }
                Thread.sleep(100 + random.nextInt(150));
            }
            for (int i = 0; i < Cluster.SIZE; i++) {
                if (!cluster.alive(i)) {
                    cluster.start(i);
                }
            }
            List<Reply> acknowledged = replies.stream()
                    .filter(r -> world.slack.answers(r.answers()).stream().anyMatch(a -> a.contains("is on its way")))
                    .toList();
            int expected = mentioned;
            Program judge = cluster.program(0);
            judge.awaitReady(SETTLE);
            // A thousand cards through one paced channel, on two busy cores, take longer than the short seed's.
            await().atMost(SETTLE.plusSeconds(mentions / 10)).pollInterval(Duration.ofMillis(250)).until(() ->
                    world.slack.shown(SlackWorkspace.CHANNEL).size() >= expected
                            && acknowledged.stream().allMatch(r -> delivered(world, r) >= 1)
                            && judge.metric("earshot_outbox_backlog") == 0);
            System.err.printf("seed %d: settled after %d kills; %d mentions, %d replies of which %d acknowledged%n",
                    seed, kills, mentioned, replies.size(), acknowledged.size());

            Map<Long, Integer> shown = world.slack.shown(SlackWorkspace.CHANNEL);
            assertEquals(mentioned, shown.size(), "one conversation per mention, each shown");
            assertEquals(Map.of(), doubled(shown), "conversations shown in more than one message");
            for (Reply r : replies) {
                int times = delivered(world, r);
                assertTrue(times <= 1, "reply " + r.mark() + " reached the customer " + times + " times");
            }
            for (Reply r : acknowledged) {
                assertEquals(1, delivered(world, r), "acknowledged reply " + r.mark() + " delivered once");
            }
            assertTrue(kills >= KILLS, "enough kills to prove anything: " + kills);
            assertTrue(acknowledged.size() >= replyCount / 2, "enough replies were acknowledged to prove anything: "
                    + acknowledged.size() + " of " + replies.size());
        }
    }

    @Test
    void aSourceIsPolledAgainWithin30SecondsAfterItsInstanceIsKilled() throws Exception {
        Seeds.replayable(0, "SeveralInstancesTest", dir.resolve("earshot.log"), () -> {
            try (World world = new World(dir); Cluster cluster = new Cluster(world, "20s")) {
                cluster.startAll();
                world.mastodon.mention("before the kill");
                await().atMost(SETTLE).until(() -> world.slack.shown(SlackWorkspace.CHANNEL).size() == 1);
                int holder = cluster.holderOf(SOURCE_LEASE);

                long killed = System.nanoTime();
                cluster.kill(holder);
                world.mastodon.mention("after the kill");
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                        .until(() -> world.slack.shown(SlackWorkspace.CHANNEL).size() == 2);
                Duration failover = Duration.ofNanos(System.nanoTime() - killed);
                int next = cluster.holderOf(SOURCE_LEASE);
                System.err.printf("failover: i%d killed; i%d polled %s and its card was posted %d ms after the"
                        + " kill (lease 20 s)%n", holder + 1, next + 1, SOURCE_LEASE, failover.toMillis());
                assertTrue(next != holder);
                assertTrue(failover.compareTo(Duration.ofSeconds(30)) <= 0, "failover took " + failover);
            }
        });
    }

    /** The teammate replies to a shown card not yet replied to, over Socket Mode (one instance gets it). */
    private static void reply(Random random, World world, long seed, List<Reply> replies) {
        Set<Long> answered = new HashSet<>();
        replies.forEach(r -> answered.add(r.conversation()));
        List<Long> open = world.slack.shown(SlackWorkspace.CHANNEL).keySet().stream()
                .filter(id -> !answered.contains(id)).toList();
        if (!open.isEmpty()) {
            long id = open.get(random.nextInt(open.size()));
            String mark = "s" + seed + "r" + id;
            String answers = world.slack.slash(SlackWorkspace.ALICE, "reply " + id + " Sorry about that, on it " + mark);
            replies.add(new Reply(id, mark, answers));
        }
    }

    private static int delivered(World world, Reply reply) {
        return (int) world.mastodon.replies().stream().filter(t -> t.endsWith(" " + reply.mark())).count();
    }

    private static Map<Long, Integer> doubled(Map<Long, Integer> shown) {
        return shown.entrySet().stream().filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static long millis(long ms) {
        return Duration.ofMillis(ms).toNanos();
    }

    /** Three instances (i1, i2, i3) of this world's Earshot on one fresh PostgreSQL database. */
    private static final class Cluster implements AutoCloseable {
        static final int SIZE = 3;
        private final World world;
        private final String lease;
        private final String store;
        private final int[] ports = new int[SIZE];
        private final Program[] programs = new Program[SIZE];

        Cluster(World world, String lease) {
            this.world = world;
            this.lease = lease;
            world.env("EARSHOT_DB_PASSWORD", TestPostgres.PASSWORD);
            this.store = "{ type: postgresql, url: " + TestPostgres.migratedDatabase() + ", user: " + TestPostgres.USER
                    + ", password: \"${EARSHOT_DB_PASSWORD}\", path: " + world.dir.resolve("data").resolve("x.db") + " }";
            for (int i = 0; i < SIZE; i++) {
                ports[i] = Program.freePort();
            }
        }

        void startAll() throws InterruptedException {
            for (int i = 0; i < SIZE; i++) {
                start(i);
            }
            for (Program p : programs) {
                p.awaitReady(SETTLE);
            }
        }

        void start(int i) {
            programs[i] = world.startInstance("i" + (i + 1), ports[i], store, lease, Program.SHORT_LIVED);
        }

        Program program(int i) {
            return programs[i];
        }

        /** Whether every instance runs (ready, or starting again). */
        boolean allRunning() {
            for (int i = 0; i < SIZE; i++) {
                if (!alive(i)) {
                    return false;
                }
            }
            return true;
        }

        boolean alive(int i) {
            return programs[i] != null && programs[i].alive();
        }

        void kill(int i) throws InterruptedException {
            programs[i].kill();
        }

        /** The one instance whose /healthz lists {@code lease}; waits until exactly one does. */
        int holderOf(String lease) {
            int[] holder = {-1};
            await().atMost(SETTLE).pollInterval(Duration.ofMillis(100)).until(() -> {
                List<Integer> holders = new ArrayList<>();
                for (int i = 0; i < SIZE; i++) {
                    String health = alive(i) ? programs[i].get("/healthz") : null;
                    if (health != null && health.matches("(?s).*\"leases\":\\[[^]]*\"" + lease + "\".*")) {
                        holders.add(i);
                    }
                }
                holder[0] = holders.size() == 1 ? holders.get(0) : -1;
                return holders.size() == 1;
            });
            return holder[0];
        }

        @Override
        public void close() throws InterruptedException {
            for (int i = 0; i < SIZE; i++) {
                if (alive(i)) {
                    programs[i].kill();
                }
            }
        }
    }
}
