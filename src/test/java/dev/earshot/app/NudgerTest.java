package dev.earshot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.core.HistoryEntry;
import dev.earshot.core.NudgePlan;
import dev.earshot.core.MessageKind;
import dev.earshot.core.State;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The nudges end to end: tick, store, outbox, chat, with a stepping clock and real restarts. */
class NudgerTest {
    @TempDir
    Path dir;
    FollowThroughWorld w;

    @AfterEach
    void tearDown() {
        w.h.close();
    }

    private List<String> nudges(long id) {
        return w.h.queries.show(id).history().stream().filter(e -> e.action().equals("nudge"))
                .map(HistoryEntry::detail).toList();
    }

    @Test
    void eachStepFiresOnceAtItsShareAcrossRestarts() {
        w = new FollowThroughWorld(dir);
        long id = w.customer("m1", "jane", "Where is my parcel?");
        w.drain();
        assertEquals(0, w.after(Duration.ofMinutes(29)));

        assertEquals(1, w.after(Duration.ofMinutes(1)));
        assertEquals(List.of("⏳ #1: @jane on Demo has waited 30m for a first answer (50% of the 1h target)."),
                w.threadTexts());
        assertEquals(List.of(), w.h.chat.mentions, "nobody owns it: a reminder in the thread pings no one");
        assertEquals(0, w.tick(), "once");

        w.restart();
        assertEquals(0, w.after(Duration.ofMinutes(29)));
        assertEquals(1, w.after(Duration.ofMinutes(1)));
        assertEquals(List.of("⏰ #1: @jane on Demo has waited 1h for a first answer; the target was 1h."
                + " Who takes it? claim 1"), w.channelTexts());
        assertEquals(List.of("bob"), w.h.chat.mentions, "unclaimed: the on-call teammate, in the channel");

        w.restart();
        assertEquals(0, w.tick());
        assertEquals(1, w.after(Duration.ofHours(1)));
        assertEquals(2, w.h.chat.channelPosts.size());
        assertTrue(w.channelTexts().get(1).startsWith("🚨 #1: @jane on Demo has waited 2h for a first answer, 200%"),
                w.channelTexts().get(1));
        assertEquals(List.of("bob", "carol"), w.h.chat.mentions, "the manager");

        w.restart();
        assertEquals(0, w.after(Duration.ofDays(3)));
        assertEquals(List.of("sla:50", "sla:100 to @bob", "sla:200 to @carol"), nudges(id));
        assertEquals(Set.of("sla:50", "sla:100", "sla:200"), w.h.store.read(tx -> tx.nudgesSent(id)));
    }

    @Test
    void aNudgeWrittenButNotYetSentWhenTheProcessStopsIsSentOnceAfterTheRestart() {
        w = new FollowThroughWorld(dir);
        w.customer("m1", "jane", "Where is my parcel?");
        w.drain();
        w.h.clock.advance(Duration.ofMinutes(30));
        assertEquals(1, w.h.nudger.tick());
        w.restart(); // before the dispatcher ran: the nudge is in the outbox only
        assertEquals(0, w.h.nudger.tick(), "not decided twice");
        w.drain();
        w.drain();
        assertEquals(1, w.h.chat.thread.size());
    }

    @Test
    void afterDowntimeTheHighestDueStepIsTheOneSent() {
        w = new FollowThroughWorld(dir);
        long id = w.customer("m1", "jane", "Where is my parcel?");
        w.drain();
        w.restart();
        assertEquals(1, w.after(Duration.ofHours(3)));
        assertEquals(List.of(), w.threadTexts());
        assertEquals(1, w.h.chat.channelPosts.size());
        assertEquals(List.of("carol"), w.h.chat.mentions);
        assertEquals(List.of("sla:200 (caught up; skipped sla:50, sla:100) to @carol"), nudges(id));
    }

    @Test
    void aClaimedConversationNudgesItsOwner() {
        w = new FollowThroughWorld(dir);
        w.customer("m1", "jane", "Where is my parcel?");
        w.drain();
        w.h.as("alice", "claim 1");
        assertEquals(1, w.after(Duration.ofMinutes(30)), "the 50% step and the idle owner: one nudge");
        assertEquals(List.of("alice"), w.h.chat.mentions, "the 50% reminder mentions the owner");
        assertEquals(1, w.after(Duration.ofMinutes(30)));
        assertEquals(List.of("alice", "alice"), w.h.chat.mentions, "the 100% step: the owner, in the channel");
        assertEquals(1, w.h.chat.channelPosts.size());
        assertEquals(2, w.after(Duration.ofMinutes(60)), "200%, and alice has had it for 2h");
        assertEquals(List.of("alice", "alice", "carol", "alice"), w.h.chat.mentions,
                "the manager; then the offer-back tells alice it went back to the team");
        assertEquals(State.NEW, w.h.queries.show(1).conversation().state());
    }

    @Test
    void afterHoursNudgesGoToTheOnCallTeammateAloneInTheThread() {
        w = new FollowThroughWorld(dir);
        w.h.clock.advance(Duration.ofHours(9)); // Monday 18:00 UTC
        long unclaimed = w.customer("m1", "jane", "Where is my parcel?");
        long claimed = w.customer("m2", "max", "My card was declined");
        w.drain();
        w.h.as("alice", "claim " + claimed);
        w.after(Duration.ofHours(2));
        w.after(Duration.ofHours(2));
        w.after(Duration.ofHours(4)); // Tuesday 02:00
        assertEquals(List.of(), w.channelTexts(), "the channel is not woken at night");
        assertTrue(w.threadTexts().stream().allMatch(t -> t.startsWith("🌙 After hours: ")), w.threadTexts()::toString);
        assertEquals(Set.of("bob"), Set.copyOf(w.h.chat.mentions), "only the on-call teammate, not the owner");
        assertEquals(List.of("sla:50 to @bob", "sla:100 to @bob", "sla:200 to @bob"), nudges(unclaimed));
        assertTrue(nudges(claimed).containsAll(List.of("sla:50 to @bob", "sla:100 to @bob", "sla:200 to @bob")),
                nudges(claimed)::toString);
    }

    @Test
    void aHandSetOnCallTeammateGetsTheNightsNudges() {
        w = new FollowThroughWorld(dir);
        w.h.clock.advance(Duration.ofHours(9));
        assertEquals("@carol is on call now until Tue 24 Nov 02:00 UTC.", w.h.as("alice", "oncall @carol 8h"));
        w.customer("m1", "jane", "Where is my parcel?");
        w.drain();
        w.after(Duration.ofHours(2));
        assertEquals(List.of("carol", "carol"), w.h.chat.mentions, "the on-call post, then the nudge");
        assertEquals(List.of("📟 on call now until Tue 24 Nov 02:00 UTC, put there by @alice."), w.channelTexts());
        w.after(Duration.ofHours(6)); // 02:00: carol's shift is over, the rotation has bob
        assertEquals("bob", w.h.chat.mentions.get(w.h.chat.mentions.size() - 1));
    }

    @Test
    void anIdleOwnerIsNudgedThenTheConversationGoesBackToTheTeam() {
        w = new FollowThroughWorld(dir, new NudgePlan(true, List.of(), Duration.ofMinutes(30), Duration.ofHours(2)), 0);
        long id = w.customer("m1", "jane", "Where is my parcel?");
        w.drain();
        w.h.clock.advance(Duration.ofMinutes(5));
        w.h.as("alice", "claim 1");
        assertEquals(0, w.after(Duration.ofMinutes(29)));
        assertEquals(1, w.after(Duration.ofMinutes(1)));
        assertEquals(List.of("⏳ #1 has been claimed for 30m and @jane on Demo still has no answer."
                + " Reply with: reply 1 <text>"), w.threadTexts());
        assertEquals(List.of("alice"), w.h.chat.mentions);
        assertEquals(0, w.after(Duration.ofMinutes(89)));

        assertEquals(1, w.after(Duration.ofMinutes(1)));
        assertEquals(List.of("🔁 #1 goes back to the team: claimed 2h ago and @jane on Demo still has no answer."
                + " Anyone: claim 1"), w.channelTexts());
        assertEquals(List.of("alice", "alice"), w.h.chat.mentions);
        assertEquals(State.NEW, w.h.queries.show(id).conversation().state());
        assertNull(w.h.queries.show(id).conversation().owner());
        assertEquals("🆕 waiting for an owner", w.h.chat.latest(id).stateLine());
        assertEquals(0, w.after(Duration.ofHours(5)), "an unclaimed conversation has no idle owner");

        assertEquals("You claimed #1.", w.h.as("bob", "claim 1"));
        assertEquals(0, w.after(Duration.ofMinutes(29)));
        assertEquals(1, w.after(Duration.ofMinutes(1)), "bob's own watch");
        assertEquals("bob", w.h.chat.mentions.get(w.h.chat.mentions.size() - 1));
    }

    @Test
    void aSnoozedConversationIsNotNudgedUntilItWakesAndThenAsANewWait() {
        w = new FollowThroughWorld(dir);
        long id = w.customer("m1", "jane", "Where is my parcel?");
        w.drain();
        w.h.as("alice", "snooze 1 3h");
        assertEquals(0, w.after(Duration.ofHours(2)));
        w.after(Duration.ofHours(1)); // wakes
        assertEquals(State.NEW, w.h.queries.show(id).conversation().state());
        assertEquals(List.of(), nudges(id), "waking is not three nudges at once");
        assertEquals(0, w.after(Duration.ofMinutes(29)));
        assertEquals(1, w.after(Duration.ofMinutes(1)));
        assertEquals(1, nudges(id).size());
        assertTrue(nudges(id).get(0).startsWith("sla:50@"), nudges(id)::toString);
    }

    @Test
    void aCustomerWhoWritesAgainAfterAnAnswerWaitsFromTheirFirstNewMessage() {
        w = new FollowThroughWorld(dir);
        long id = w.customer("m1", "jane", "Where is my parcel?", MessageKind.MENTION, 120, "t1");
        w.drain();
        w.h.as("alice", "reply 1 On its way!");
        w.drain();
        assertEquals(0, w.after(Duration.ofHours(2)));
        assertEquals(id, w.customer("m2", "jane", "It still has not come", MessageKind.MENTION, 120, "t1"),
                "the same conversation");
        assertEquals(0, w.after(Duration.ofMinutes(20)));
        assertEquals(id, w.customer("m3", "jane", "Hello?", MessageKind.MENTION, 120, "t1"), "still the same wait");
        assertEquals(0, w.after(Duration.ofMinutes(9)));
        assertEquals(1, w.after(Duration.ofMinutes(1)), "half the hour since m2, not since m3 or m1");
        assertTrue(nudges(id).get(0).startsWith("sla:50@"), nudges(id)::toString);
    }

    @Test
    void anAnsweredConversationIsLeftAlone() {
        w = new FollowThroughWorld(dir);
        w.customer("m1", "jane", "Where is my parcel?");
        w.drain();
        w.h.as("alice", "reply 1 On its way!");
        w.drain();
        assertEquals(0, w.after(Duration.ofHours(5)));
    }

    @Test
    void nudgesTurnedOffSendNothing() {
        w = new FollowThroughWorld(dir, NudgePlan.off(), 0);
        w.customer("m1", "jane", "Where is my parcel?");
        w.drain();
        w.h.as("alice", "claim 1");
        assertEquals(0, w.after(Duration.ofDays(2)));
        assertEquals(List.of(), w.h.chat.mentions);
    }
}
