package dev.earshot.source.x;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.app.CareSettings;
import dev.earshot.app.FollowThrough;
import dev.earshot.app.StatsPeriod;
import dev.earshot.core.AfterHoursAck;
import dev.earshot.core.BusinessHours;
import dev.earshot.core.Continuity;
import dev.earshot.core.Conversation;
import dev.earshot.core.NudgePlan;
import dev.earshot.core.OnCallRotation;
import dev.earshot.core.SlaPolicy;
import dev.earshot.core.State;
import dev.earshot.core.Team;
import dev.earshot.testing.Crash;
import dev.earshot.testing.Harness;
import dev.earshot.testing.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The after-hours acknowledgement end to end on X: the fake X API, the real source, the outbox's
 * reply path with its look-up, a real SQLite file. Business hours Mon–Fri 09:00–17:00 UTC.
 */
class XAfterHoursTest {
    private static final String ACK = "Thanks Jane Doe, our team is back at Mon 09:00 UTC; we'll answer you then.";
    @TempDir
    Path dir;
    /** Saturday 28 November 2026, 10:00 UTC. */
    private final TestClock clock = TestClock.at("2026-11-28T10:00:00Z");
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

    private Harness start() {
        if (h != null) {
            h.close();
        }
        BusinessHours hours = BusinessHours.standard(ZoneOffset.UTC);
        FollowThrough followThrough = new FollowThrough(new Team(List.of()), hours, SlaPolicy.standard(hours),
                NudgePlan.off(), OnCallRotation.none(ZoneOffset.UTC), null, Continuity.off(), 0, null);
        CareSettings care = new CareSettings(new AfterHoursAck(true, null, true), null, null, "support");
        h = new Harness(dir, clock, XSource.create(XSourceTest.config(x, Duration.ofHours(24), 200, 100), clock),
                followThrough, care);
        return h;
    }

    private void pollAndDrain() {
        h.poller().pollOnce().orElseThrow();
        h.drain(h.dispatcher());
    }

    private List<String> brandPosts() {
        return x.postsBy(FakeX.BRAND_ID).stream().map(FakeX.Post::text).toList();
    }

    @Test
    void aWeekendMentionGetsOneAcknowledgementThatIsNoFirstResponse() {
        start();
        x.mention(jane, "@acme my order is late", Duration.ofMinutes(5));
        pollAndDrain();

        assertEquals(List.of(ACK), brandPosts());
        Conversation c = h.queries.show(1).conversation();
        assertEquals(State.NEW, c.state(), "still waiting for a teammate");
        assertNull(c.firstReplyAt(), "the SLA clock keeps running");
        assertTrue(h.chat.latest(1).stateLine().contains("🌙 after-hours acknowledgement sent"),
                h.chat.latest(1).stateLine());
        assertTrue(h.chat.thread.stream().anyMatch(t -> t.text().startsWith("🌙 Earshot answered after hours")));

        clock.advance(Duration.ofHours(2));
        x.mention(jane, "@acme hello? another thing", Duration.ZERO);
        pollAndDrain();
        assertEquals(1, brandPosts().size(), "once per customer per closed period");
        assertEquals(1, x.requests("POST", "/2/tweets").size(), "not even tried twice");
        assertEquals(2, h.chat.cards.size(), "the echo of our answer is no customer message");

        String stats = h.as("alice", "stats 7d");
        assertTrue(stats.contains("After-hours acknowledgements sent: 1"), stats);
        assertEquals(0, h.digests.stats(StatsPeriod.fromWord("7d").orElseThrow()).figures().answered());
    }

    @Test
    void theNextClosedPeriodAnswersAgainAndWorkingHoursNever() {
        start();
        x.mention(jane, "@acme one", Duration.ofMinutes(1));
        pollAndDrain();
        clock.advance(Duration.ofHours(48)); // Monday 10:00, open
        x.mention(jane, "@acme two", Duration.ZERO);
        pollAndDrain();
        assertEquals(1, brandPosts().size(), "in working hours the team answers");
        clock.advance(Duration.ofHours(8)); // Monday 18:00, closed again
        x.mention(jane, "@acme three", Duration.ZERO);
        pollAndDrain();
        assertEquals(List.of(ACK, ACK.replace("Mon", "Tue")), brandPosts());
    }

    @Test
    void aClaimBeforeItGoesOutDropsTheAcknowledgement() {
        start();
        x.mention(jane, "@acme hi", Duration.ofMinutes(1));
        h.poller().pollOnce().orElseThrow();
        h.as("alice", "claim 1");
        h.drain(h.dispatcher());

        assertEquals(List.of(), brandPosts());
        assertTrue(h.chat.thread.stream().anyMatch(t -> t.text().contains("acknowledgement was not sent")));
        assertEquals(0, h.outboxBacklog());
    }

    @Test
    void aCrashAfterSendingLeavesExactlyOneAcknowledgement() {
        start();
        x.mention(jane, "@acme hi", Duration.ofMinutes(1));
        h.poller().pollOnce().orElseThrow();
        assertThrows(Crash.class, () -> h.drain(h.dispatcher(Crash.at("reply:after-send"))));

        start();
        clock.advance(Duration.ofSeconds(2));
        h.drain(h.dispatcher());
        assertEquals(List.of(ACK), brandPosts());
        assertEquals(1, x.requests("POST", "/2/tweets").size(), "looked up, not sent again");
        assertEquals(0, h.outboxBacklog());
        assertNull(h.queries.show(1).conversation().firstReplyAt());
    }
}
