package dev.earshot.proof;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.chat.slack.SlackWorkspace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RELIABILITY.md promises 1 and 6 at the level of the program: the real composition root in a
 * child JVM, between a fake Mastodon and a fake Slack, is killed with SIGKILL at seeded random
 * moments (while starting, polling, posting cards, sending replies) and started again on the same
 * data folder, while customers keep mentioning the brand and a teammate keeps replying with
 * {@code /earshot reply} over Socket Mode. At the end every mention has exactly one card, every
 * reply the teammate was told is "on its way" reached the customer exactly once, and no reply
 * reached anyone twice.
 *
 * <p>Seeds: 5 by default, each with 12 mentions and one SIGKILL, to keep the default suite short;
 * the {@code soak} profile ({@code scripts/soak}) runs 50 seeds of 24 mentions and 4 SIGKILLs.
 * {@code -Dearshot.seed=N} replays one; {@code -Dearshot.seeds}, {@code -Dearshot.mentions} and
 * {@code -Dearshot.kills} set the rest.
 */
class ProgramCrashTest {
    private static final int MENTIONS = Integer.getInteger("earshot.mentions", 12);
    private static final int KILLS = Integer.getInteger("earshot.kills", 1);
    private static final Duration SETTLE = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    static Stream<Long> seeds() {
        return Seeds.fromProperties(5);
    }

    /** One reply typed by the teammate: to which conversation, the word that marks it, where Earshot answered. */
    private record Reply(long conversation, String mark, String answers) {
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void killedAtRandomMomentsItLosesNothingAndDoublesNothing(long seed) throws Exception {
        Seeds.replayable(seed, "ProgramCrashTest", dir.resolve("earshot.log"), () -> run(seed));
    }

    private void run(long seed) throws Exception {
        Random random = new Random(seed);
        List<Reply> replies = new ArrayList<>();
        int mentioned = 0;
        try (World world = new World(dir)) {
            for (int life = 0; life < KILLS; life++) {
                Program earshot = world.start(Program.SHORT_LIVED);
                long launched = System.nanoTime();
                // One death in four comes while it starts (schema, first poll, first drain); the others
                // while it works: polling, posting cards, taking commands, sending replies.
                boolean whileStarting = random.nextInt(4) == 0;
                if (!whileStarting) {
                    earshot.awaitReady(SETTLE);
                }
                long dies = System.nanoTime() + Duration.ofMillis(300 + random.nextInt(whileStarting ? 2_500 : 4_000))
                        .toNanos();
                while (System.nanoTime() < dies && earshot.alive()) {
                    mentioned = act(random, world, seed, mentioned, replies);
                    pace(random);
                }
                earshot.kill();
                System.err.printf("seed %d: life %d killed %s, %d ms after launch; %d mentions, %d replies so far%n",
                        seed, life + 1, whileStarting ? "while starting" : "while working",
                        (System.nanoTime() - launched) / 1_000_000, mentioned, replies.size());
            }
            Program last = world.start(Program.SHORT_LIVED);
            System.err.printf("seed %d: last life ready after %d ms%n", seed, last.awaitReady(SETTLE).toMillis());
            long enough = System.nanoTime() + SETTLE.toNanos();
            // The last life is not killed: it goes on until every customer has written and enough replies were
            // acknowledged to prove delivery (replies typed into a dying instance never are).
            while ((mentioned < MENTIONS || replies.size() < MENTIONS / 2
                    || acknowledged(world, replies).size() < MENTIONS / 4) && System.nanoTime() < enough) {
                mentioned = act(random, world, seed, mentioned, replies);
                pace(random);
            }
            List<Reply> acknowledged = acknowledged(world, replies);
            int expected = mentioned;
            await().atMost(SETTLE).pollInterval(Duration.ofMillis(200)).until(() ->
                    world.slack.shown(SlackWorkspace.CHANNEL).size() >= expected
                            && acknowledged.stream().allMatch(r -> delivered(world, r) >= 1)
                            && last.metric("earshot_outbox_backlog") == 0);
            assertNotNull(last.stop(Duration.ofSeconds(10)), "a graceful stop within 10 s");
            System.err.printf("seed %d: settled; %d mentions, %d replies of which %d acknowledged%n", seed, mentioned,
                    replies.size(), acknowledged.size());

            Map<Long, Integer> shown = world.slack.shown(SlackWorkspace.CHANNEL);
            assertEquals(mentioned, shown.size(), "one conversation per mention, each shown: " + shown);
            assertEquals(Map.of(), doubled(shown), "conversations shown in more than one message");
            for (Reply r : replies) {
                int times = delivered(world, r);
                assertTrue(times <= 1, "reply " + r.mark() + " reached the customer " + times + " times");
            }
            for (Reply r : acknowledged) {
                assertEquals(1, delivered(world, r), "acknowledged reply " + r.mark() + " delivered once");
            }
            assertTrue(acknowledged.size() >= MENTIONS / 4, "enough replies were acknowledged to prove anything: "
                    + acknowledged.size() + " of " + replies.size());
        }
    }

    /** One step of the outside world: a customer mentions the brand, or the teammate replies to a card. */
    private static int act(Random random, World world, long seed, int mentioned, List<Reply> replies) {
        List<Long> unanswered = world.slack.shown(SlackWorkspace.CHANNEL).keySet().stream()
                .filter(id -> replies.stream().noneMatch(r -> r.conversation() == id)).toList();
        boolean mention = mentioned < MENTIONS && (unanswered.isEmpty() || random.nextInt(3) < 2);
        if (mention) {
            world.mastodon.mention("my order s" + seed + "m" + (mentioned + 1) + " is late");
            return mentioned + 1;
        }
        if (!unanswered.isEmpty()) {
            long id = unanswered.get(random.nextInt(unanswered.size()));
            String mark = "s" + seed + "r" + id;
            String answers = world.slack.slash(SlackWorkspace.ALICE, "reply " + id + " Sorry about that, on it " + mark);
            replies.add(new Reply(id, mark, answers));
        }
        return mentioned;
    }

    /** The outside world's pace: a few actions a second. */
    private static void pace(Random random) throws InterruptedException {
        Thread.sleep(40 + random.nextInt(260));
    }

    /** The replies Earshot told the teammate are "on its way". */
    private static List<Reply> acknowledged(World world, List<Reply> replies) {
        return replies.stream()
                .filter(r -> world.slack.answers(r.answers()).stream().anyMatch(a -> a.contains("is on its way")))
                .toList();
    }

    private static int delivered(World world, Reply reply) {
        return (int) world.mastodon.replies().stream().filter(t -> t.endsWith(" " + reply.mark())).count();
    }

    private static Map<Long, Integer> doubled(Map<Long, Integer> shown) {
        return shown.entrySet().stream().filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
