package dev.earshot.proof;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.chat.slack.SlackWorkspace;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RELIABILITY.md promise 5 on the real program, its heap capped at 128 MiB: Slack's Web API
 * answers 503 for a while, then 429 with {@code Retry-After}, while customers keep writing (one in
 * ten writes twice); then Slack comes back, pacing posts to one a second per channel as Slack
 * does. Every card is posted exactly once, in the order the customers wrote, each follow-up in its
 * card's thread, and the heap after the backlog drained is within 10% of the heap before it began.
 *
 * <p>The default suite floods with {@value #STANDARD} mentions; {@code -Dearshot.outage.mentions=10000}
 * (the {@code soak} profile) with ten thousand, about five minutes at Slack's pace.
 */
class ProgramOutageTest {
    private static final int STANDARD = 150;
    private static final int MENTIONS = Integer.getInteger("earshot.outage.mentions", STANDARD);
    private static final Duration SETTLE = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void aChatOutageUnderACappedHeapLosesNothingDoublesNothingAndLeavesTheHeapAsItWas() throws Exception {
        try (World world = new World(dir, true, "")) {
            world.slack.paceWith(Clock.systemUTC());
            Program earshot = world.start(List.of("-Xmx128m"));
            earshot.awaitReady(SETTLE);
            double heapBefore = earshot.heapAfterGc();

            List<String> firsts = new ArrayList<>();
            world.gate.set(Gate.Mode.UNAVAILABLE, "/api/chat.");
            customersWrite(world, firsts, 0, MENTIONS / 2);
            await().atMost(SETTLE).until(() -> earshot.metric("earshot_outbox_backlog") >= MENTIONS / 2.0
                    && world.gate.turnedAway() > 0);
            world.gate.retryAfter(2).set(Gate.Mode.RATE_LIMITED, "/api/chat.");
            int turnedAway = world.gate.turnedAway();
            customersWrite(world, firsts, MENTIONS / 2, MENTIONS);
            await().atMost(SETTLE).until(() -> earshot.metric("earshot_outbox_backlog") >= MENTIONS
                    && world.gate.turnedAway() > turnedAway);
            for (int i = 0; i < MENTIONS; i += 10) {
                world.mastodon.followUp(firsts.get(i), "and it is still not here f" + (i + 1));
            }
            assertEquals(0, world.slack.posts(SlackWorkspace.CHANNEL), "nothing got through the outage");

            world.gate.set(Gate.Mode.OPEN, "/");
            // Back-off after the outage (up to 5 minutes between tries), then Slack's pace of one post a
            // second per channel: 45 cards a post, but each follow-up (one customer in ten) is a post
            // of its own, in its card's thread. 10,000 mentions: some 220 + 1,000 posts.
            Duration drain = Duration.ofSeconds(360 + MENTIONS / 5);
            try {
                await().atMost(drain).pollInterval(Duration.ofMillis(500)).until(() ->
                        world.slack.shown(SlackWorkspace.CHANNEL).size() >= MENTIONS
                                && earshot.metric("earshot_outbox_backlog") == 0);
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError("not drained within " + drain + ": " + world.slack.shown(SlackWorkspace.CHANNEL)
                        .size() + " of " + MENTIONS + " shown, backlog " + earshot.metric("earshot_outbox_backlog")
                        + "\n" + world.logTail(), e);
            }
            double heapAfter = earshot.heapAfterGc();
            System.err.printf("outage of %d mentions: heap %.1f MiB before, %.1f MiB after; %d messages posted%n",
                    MENTIONS, heapBefore / 1_048_576, heapAfter / 1_048_576, world.slack.posts(SlackWorkspace.CHANNEL));
            assertNotNull(earshot.stop(Duration.ofSeconds(10)));

            Map<Long, Integer> shown = world.slack.shown(SlackWorkspace.CHANNEL);
            assertEquals(MENTIONS, shown.size(), "one card per customer");
            assertTrue(shown.values().stream().allMatch(n -> n == 1), "no card posted twice");
            List<Long> order = world.slack.shownInOrder(SlackWorkspace.CHANNEL);
            assertEquals(order.stream().sorted().toList(), order, "cards in the order the customers wrote");
            List<String> threads = world.slack.threadReplies(SlackWorkspace.CHANNEL);
            for (int i = 0; i < MENTIONS; i += 10) {
                java.util.regex.Pattern mark = java.util.regex.Pattern.compile("still not here f" + (i + 1) + "(?!\\d)");
                assertEquals(1, threads.stream().filter(t -> mark.matcher(t).find()).count(),
                        "follow-up f" + (i + 1) + " once, in a card's thread");
            }
            // 10% of the live heap, but never less than 4 MiB: at the default suite's size the live heap
            // is ~16 MiB, and caches warmed by the drain (statements, JIT metadata) alone move it by 2 MiB.
            double allowed = Math.max(heapBefore * 0.10, 4 * 1_048_576.0);
            assertTrue(heapAfter <= heapBefore + allowed, String.format("heap after the drain %.1f MiB, before %.1f MiB",
                    heapAfter / 1_048_576, heapBefore / 1_048_576));
        }
    }

    private static void customersWrite(World world, List<String> firsts, int from, int to) {
        for (int i = from; i < to; i++) {
            firsts.add(world.mastodon.mention("nothing arrived, order o" + (i + 1)));
        }
    }
}
