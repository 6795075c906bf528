package dev.earshot.proof;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.chat.slack.SlackWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RELIABILITY.md promise 9, on the real program: SIGTERM (what {@code docker stop} sends, 10 s
 * before SIGKILL) in the middle of a drain exits within 10 s, closing the store on the way out,
 * and whatever delivery had started is either recorded or left for the next start: after a
 * restart on the same data folder every card is shown exactly once. Also when the chat has taken
 * the last post and never answers.
 */
class GracefulStopTest {
    private static final Duration PROMISE = Duration.ofSeconds(10);
    private static final Duration SETTLE = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void sigtermDuringAPacedDrainExitsInTimeAndTheNextStartSendsTheRestOnce() throws Exception {
        int mentions = 150; // grouped 45 to a post, one post a second: a drain of several seconds
        try (World world = new World(dir)) {
            world.slack.paceWith(Clock.systemUTC()); // one post a second per channel, as Slack allows
            Program earshot = world.start(Program.SHORT_LIVED);
            earshot.awaitReady(SETTLE);
            for (int i = 1; i <= mentions; i++) {
                world.mastodon.mention("where is my parcel p" + i);
            }
            await().atMost(SETTLE).pollInterval(Duration.ofMillis(50))
                    .until(() -> !world.slack.shown(SlackWorkspace.CHANNEL).isEmpty());
            assertTrue(world.slack.shown(SlackWorkspace.CHANNEL).size() < mentions, "stopped mid-drain");

            Duration took = earshot.stop(PROMISE);
            assertNotNull(took, "exited within 10 s of SIGTERM\n" + world.logTail());
            assertEquals(143, earshot.exitCode(), "exits as a JVM does on SIGTERM, after its shutdown hook");
            assertTrue(Files.readString(world.log).contains("Earshot stopped"), "the store was closed on the way out");

            everyCardOnceAfterARestart(world, mentions);
        }
    }

    /**
     * A chat that took a post and never answers: the dispatch turn stuck in {@code chat.postMessage}
     * runs on its own lane, so the stop does not wait for the Slack client's own 10 s read timeout
     * and the JVM exits before Docker's SIGKILL; the stuck row is settled by its mark at the next start.
     */
    @Test
    void sigtermWhileTheChatHoldsAnAnswerBackExitsInTimeAndNothingIsPostedTwice() throws Exception {
        int mentions = 5;
        try (World world = new World(dir, true, "")) {
            Program earshot = world.start(Program.SHORT_LIVED);
            earshot.awaitReady(SETTLE);
            // Slack takes the post and holds the answer back, as a stalled peer does.
            world.gate.set(Gate.Mode.STALLED, "/api/chat.postMessage");
            for (int i = 1; i <= mentions; i++) {
                world.mastodon.mention("my card never came c" + i);
            }
            await().atMost(SETTLE).until(() -> world.gate.stalled() >= 1);

            Duration took = earshot.stop(PROMISE);
            assertNotNull(took, "exited within 10 s of SIGTERM though a call hangs\n" + world.logTail());
            assertTrue(Files.readString(world.log).contains("Earshot stopped"), "the store was closed on the way out");

            world.gate.set(Gate.Mode.OPEN, "/");
            everyCardOnceAfterARestart(world, mentions);
        }
    }

    private static void everyCardOnceAfterARestart(World world, int mentions) throws Exception {
        try (Program again = world.start(Program.SHORT_LIVED)) {
            again.awaitReady(SETTLE);
            await().atMost(SETTLE).until(() -> world.slack.shown(SlackWorkspace.CHANNEL).size() >= mentions
                    && again.metric("earshot_outbox_backlog") == 0);
            assertNotNull(again.stop(PROMISE));
        }
        Map<Long, Integer> shown = world.slack.shown(SlackWorkspace.CHANNEL);
        assertEquals(mentions, shown.size(), "every conversation shown: " + shown);
        assertTrue(shown.values().stream().allMatch(n -> n == 1), "each in exactly one message: " + shown);
    }
}
