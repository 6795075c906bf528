package dev.earshot.source.x;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.app.HealthBoard;
import dev.earshot.testing.Harness;
import dev.earshot.testing.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spent rate limit, end to end on X: X's 24-hour posting limit holds the replies (shown on
 * {@code /healthz}'s board, told in chat once with the reset, and on the held reply's card), and a
 * spent reading window likewise; a short wait is pacing and is not told.
 */
class XRateLimitTest {
    @TempDir
    Path dir;
    private final TestClock clock = TestClock.at(Harness.START);
    private final FakeX x = new FakeX(clock);
    private final FakeX.User jane = x.user("2001", "jane_doe", "Jane Doe", 1_234);
    private Harness h;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
        x.close();
    }

    private void start() {
        h = new Harness(dir, clock, XSource.create(XSourceTest.config(x, Duration.ofHours(24), 200, 100), clock));
    }

    private List<String> told() {
        return h.chat.channelPosts.stream().map(p -> p.text()).filter(t -> t.startsWith("⏳")).toList();
    }

    @Test
    void theDailyPostingLimitHoldsRepliesAndSaysSoOnceWithTheReset() {
        start();
        x.mention(jane, "@acme help", Duration.ofMinutes(5));
        h.poller().pollOnce().orElseThrow();
        h.drain(h.dispatcher());
        Instant reset = clock.instant().plus(Duration.ofHours(3));
        x.failNext("POST", "/2/tweets", 429, "error_429.json", Map.of("x-user-limit-24hour-remaining", "0",
                "x-user-limit-24hour-reset", Long.toString(reset.getEpochSecond())));
        h.as("alice", "reply 1 On it!");
        var dispatcher = h.dispatcher();
        h.drain(dispatcher);

        HealthBoard.Entry entry = h.health.snapshot().get("source:acme-x/replies");
        assertEquals(HealthBoard.Status.LIMITED, entry.status());
        assertEquals(reset, entry.until());
        assertEquals(HealthBoard.Status.OK, h.health.overall(), "waiting needs no human");
        assertEquals(List.of("⏳ X (acme-x): the posting limit is spent until 2026-11-23 12:00 UTC (in 3h)."
                + " Replies wait and go out then; their cards say so. Nothing is lost."), told());
        assertTrue(h.chat.latest(1).stateLine().contains("⏸ reply held: posting limit spent until Mon 12:00 UTC"),
                h.chat.latest(1).stateLine());

        clock.advance(Duration.ofHours(3).plusSeconds(1));
        h.drain(dispatcher);
        assertEquals(1, x.postsBy(FakeX.BRAND_ID).size());
        assertNotNull(h.queries.show(1).conversation().firstReplyAt());
        assertFalse(h.chat.latest(1).stateLine().contains("held"), h.chat.latest(1).stateLine());
        assertEquals(HealthBoard.Status.OK, h.health.snapshot().get("source:acme-x/replies").status());
        assertEquals(1, told().size());
    }

    @Test
    void aSpentReadingWindowIsToldOnceAndAShortWaitNotAtAll() {
        start();
        x.mention(jane, "@acme hi", Duration.ofMinutes(1));
        h.poller().pollOnce().orElseThrow();
        var poller = h.poller();
        x.rateLimit("/mentions", 0, clock.instant().plusSeconds(30));
        x.failNext("GET", "/mentions", 429, "error_429.json", Map.of());
        assertEquals(Optional.empty(), poller.pollOnce());
        assertEquals(HealthBoard.Status.OK, h.health.snapshot().get("source:acme-x").status(), "30 s is pacing");

        clock.advance(Duration.ofSeconds(31));
        Instant reset = clock.instant().plus(Duration.ofMinutes(12));
        x.rateLimit("/mentions", 0, reset);
        x.failNext("GET", "/mentions", 429, "error_429.json", Map.of());
        assertEquals(Optional.empty(), poller.pollOnce());
        assertEquals(HealthBoard.Status.LIMITED, h.health.snapshot().get("source:acme-x").status());
        int calls = x.requests().size();
        clock.advance(Duration.ofMinutes(5));
        assertEquals(Optional.empty(), poller.pollOnce());
        assertEquals(calls, x.requests().size(), "a spent window is waited out, not tried");
        h.drain(h.dispatcher());
        assertEquals(1, told().size(), "told once");
        assertTrue(told().get(0).contains("(acme-x): the reading limit is spent until 2026-11-23 09:12 UTC (in 12m)"),
                told().get(0));

        clock.advance(Duration.ofMinutes(7));
        x.rateLimit("/mentions", 50, clock.instant().plus(Duration.ofMinutes(15)));
        assertTrue(poller.pollOnce().isPresent());
        assertEquals(HealthBoard.Status.OK, h.health.snapshot().get("source:acme-x").status());
    }
}
