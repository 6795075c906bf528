package dev.earshot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.core.FollowUp;
import dev.earshot.core.HistoryEntry;
import dev.earshot.core.MessageKind;
import dev.earshot.core.NudgePlan;
import dev.earshot.core.State;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Follow-ups, one owner, escalation, paging and on-call, through what a teammate types. */
class FollowThroughCommandsTest {
    @TempDir
    Path dir;
    FollowThroughWorld w;

    @AfterEach
    void tearDown() {
        w.h.close();
    }

    private String last(List<String> lines) {
        return lines.get(lines.size() - 1);
    }

    // ------------------------------------------------------------------ follow-ups

    @Test
    void aFollowUpRemindsTheOwnerOnceWhenDue() {
        w = new FollowThroughWorld(dir, NudgePlan.off(), 0);
        w.customer("m1", "jane", "The replacement is on its way?");
        w.drain();
        w.h.as("bob", "claim 1");
        assertEquals("Follow-up on #1 set for Wed 25 Nov 09:00 UTC; its owner (or you, if nobody owns it then)"
                + " will be reminded in its thread.", w.h.as("alice", "followup 1 2d check the replacement arrived"));
        w.drain();
        assertEquals("📌 @alice set a follow-up for Wed 25 Nov 09:00 UTC: check the replacement arrived",
                last(w.threadTexts()));

        assertEquals(0, w.after(Duration.ofDays(2).minusMinutes(1)));
        assertEquals(1, w.after(Duration.ofMinutes(1)));
        assertEquals("📌 Follow-up on #1 (@alice set it on Mon 23 Nov): check the replacement arrived",
                last(w.threadTexts()));
        assertEquals(List.of("bob"), w.h.chat.mentions, "the owner");
        assertEquals(0, w.tick(), "once");
        w.restart();
        assertEquals(0, w.after(Duration.ofDays(1)), "once, also after a restart");

        Instant wednesday = Instant.parse("2026-11-25T00:00:00Z");
        List<FollowUp> due = w.h.store.read(tx -> tx.followUpsDue(wednesday, wednesday.plus(Duration.ofDays(1))));
        assertEquals(1, due.size());
        assertEquals("check the replacement arrived", due.get(0).note());
    }

    @Test
    void withoutAnOwnerWhoeverSetTheFollowUpIsReminded() {
        w = new FollowThroughWorld(dir, NudgePlan.off(), 0);
        w.customer("m1", "jane", "Thanks!");
        w.drain();
        w.h.as("carol", "followup 1 4h");
        w.after(Duration.ofHours(4));
        assertEquals("📌 Follow-up on #1 (you set it on Mon 23 Nov).", last(w.threadTexts()));
        assertEquals(List.of("carol"), w.h.chat.mentions);
    }

    @Test
    void badFollowUpsAreRefused() {
        w = new FollowThroughWorld(dir, NudgePlan.off(), 0);
        w.customer("m1", "jane", "Thanks!");
        assertEquals("Usage: /earshot followup <id> <time> [note]", w.h.as("alice", "followup 1 tomorrow"));
        assertEquals("There is no #9. Try: /earshot queue", w.h.as("alice", "followup 9 2d"));
        assertEquals("A follow-up can be at most a year ahead.", w.h.as("alice", "followup 1 60w"));
    }

    // ------------------------------------------------------------------ one owner

    @Test
    void aReturningCustomerGoesToTheirOwnerWithTheEarlierConversationLinked() {
        w = new FollowThroughWorld(dir, NudgePlan.off(), 0);
        w.customer("m1", "jane", "My parcel is late");
        w.drain();
        w.h.as("bob", "reply 1 Sorry! It ships tomorrow.");
        w.drain();
        w.h.as("bob", "resolve 1");
        w.h.clock.advance(Duration.ofDays(13));
        long again = w.customer("m2", "jane", "It still has not arrived");
        w.drain();

        assertEquals(2, again);
        assertEquals(State.CLAIMED, w.h.queries.show(again).conversation().state());
        assertEquals("bob", w.h.queries.show(again).conversation().owner());
        assertEquals("🙋 claimed by @bob · ↩️ earlier: #1", w.h.chat.latest(again).stateLine());
        assertTrue(w.threadTexts().contains("↩️ @jane is back; earlier: #1 (resolved). It stays with its owner: it is yours."),
                w.threadTexts()::toString);
        assertTrue(w.threadTexts().contains("↪️ @jane wrote again in a new conversation: #2, which went to @bob."));
        assertEquals(List.of("bob"), w.h.chat.mentions);
        assertTrue(w.h.queries.show(again).history().stream()
                .anyMatch(e -> e.action().equals("continued") && e.detail().equals("earlier: #1, owner @bob")));
    }

    @Test
    void outsideTheWindowOrWithoutAnOwnerANewCustomerConversationIsNew() {
        w = new FollowThroughWorld(dir, NudgePlan.off(), 0);
        w.customer("m1", "jane", "My parcel is late");
        w.h.as("bob", "claim 1");
        w.customer("x1", "max", "hello");
        w.h.clock.advance(Duration.ofDays(14).plusMinutes(1));
        long late = w.customer("m2", "jane", "Me again");
        assertEquals(State.NEW, w.h.queries.show(late).conversation().state());
        long unowned = w.customer("x2", "max", "hello again");
        assertEquals(State.NEW, w.h.queries.show(unowned).conversation().state());
    }

    // ------------------------------------------------------------------ escalation

    @Test
    void escalationBringsAnExpertInAndTheCardShowsIt() {
        w = new FollowThroughWorld(dir, NudgePlan.off(), 0);
        w.customer("m1", "jane", "Why was I charged VAT twice?");
        w.drain();
        w.h.as("alice", "claim 1");
        assertEquals("@carol is brought in on #1.", w.h.as("alice", "escalate 1 @carol she knows the invoice system"));
        w.drain();

        assertEquals("🧭 @alice brings you in on #1: she knows the invoice system", last(w.threadTexts()));
        assertEquals(List.of("carol"), w.h.chat.mentions);
        assertEquals("🙋 claimed by @alice · 🧭 brought in: @carol", w.h.chat.latest(1).stateLine());
        HistoryEntry entry = w.h.queries.show(1).history().stream().filter(e -> e.action().equals("escalate"))
                .findFirst().orElseThrow();
        assertEquals("alice", entry.actor());
        assertEquals("@carol: she knows the invoice system", entry.detail());
        assertEquals("alice", w.h.queries.show(1).conversation().owner(), "the owner stays the owner");

        assertEquals("@bob is brought in on #1.", w.h.as("carol", "escalate 1 bob"));
        w.drain();
        assertEquals("🙋 claimed by @alice · 🧭 brought in: @carol, @bob", w.h.chat.latest(1).stateLine());
        assertTrue(w.h.as("alice", "show 1").contains("escalate by @alice: @carol: she knows the invoice system"));
    }

    @Test
    void escalationRefusals() {
        w = new FollowThroughWorld(dir, NudgePlan.off(), 0);
        w.customer("m1", "jane", "Hi");
        assertEquals("@dave is not on the Earshot team. Members: @alice, @bob, @carol.", w.h.as("alice", "escalate 1 @dave"));
        assertEquals("You are already on #1; name the teammate to bring in.", w.h.as("alice", "escalate 1 @alice"));
        assertEquals("Usage: /earshot escalate <id> @member [note]", w.h.as("alice", "escalate 1"));
        w.h.as("alice", "resolve 1");
        assertEquals("#1 is resolved; there is nobody left to bring in.", w.h.as("alice", "escalate 1 @bob"));
        assertTrue(w.h.queries.show(1).history().stream().noneMatch(e -> e.action().equals("escalate")));
    }

    // ------------------------------------------------------------------ paging and on call

    @Test
    void anUrgentNewConversationPagesTheOnCallTeammateAtOnce() {
        w = new FollowThroughWorld(dir, NudgePlan.off(), 70);
        long urgent = w.customer("m1", "techreviewer", "I was CHARGED TWICE!!! refund now", MessageKind.DM, 412_000);
        long calm = w.customer("m2", "kenji", "do you ship to Norway?", MessageKind.MENTION, 15);
        w.drain();
        assertTrue(w.h.queries.show(urgent).conversation().priority().score() >= 70);
        assertTrue(w.h.queries.show(calm).conversation().priority().score() < 70);
        assertEquals(List.of("bob"), w.h.chat.mentions);
        assertTrue(w.threadTexts().get(0).startsWith("🚨 URGENT "), w.threadTexts()::toString);
        assertTrue(w.threadTexts().get(0).endsWith("Who takes it? claim 1"));
        assertEquals(java.util.Set.of("page"), w.h.store.read(tx -> tx.nudgesSent(urgent)));
    }

    @Test
    void onCallSaysWhoAndUntilWhen() {
        w = new FollowThroughWorld(dir, NudgePlan.off(), 0);
        assertEquals("@bob is on call until Mon 30 Nov 09:00 UTC (rotation: bob, alice). It is business hours"
                + " (Mon–Fri 09:00–17:00 UTC).", w.h.as("carol", "oncall"));
        assertEquals("@alice is on call now until Mon 30 Nov 09:00 UTC.", w.h.as("alice", "/earshot oncall @alice"));
        w.h.clock.advance(Duration.ofHours(10));
        assertEquals("@alice is on call until Mon 30 Nov 09:00 UTC (put on call by @alice). It is outside business"
                + " hours (Mon–Fri 09:00–17:00 UTC): nudges go to the on-call teammate.", w.h.as("bob", "oncall"));
        assertEquals("@dave is not on the Earshot team. Members: @alice, @bob, @carol.", w.h.as("bob", "oncall @dave"));
        w.h.clock.advance(Duration.ofDays(7));
        assertTrue(w.h.as("bob", "oncall").startsWith("@alice is on call until Mon 7 Dec 09:00 UTC (rotation"),
                "the rotation again, alice's turn");
    }

    @Test
    void aShiftPutByHandCanBeEndedAndTheRotationDecidesAgain() {
        w = new FollowThroughWorld(dir, NudgePlan.off(), 0);
        assertTrue(w.h.as("bob", "oncall off").startsWith("Nobody was put on call by hand, so there is nothing to end."));
        w.h.as("alice", "oncall @alice");
        assertEquals("@alice is off call. @bob is on call until Mon 30 Nov 09:00 UTC (rotation: bob, alice). It is"
                + " business hours (Mon–Fri 09:00–17:00 UTC).", w.h.as("bob", "/earshot oncall off"));
    }

    @Test
    void withoutARotationNobodyIsOnCallUntilSomeoneIsPut() {
        w = new FollowThroughWorld(dir, NudgePlan.off(), 0);
        FollowThrough none = FollowThrough.none();
        OnCall onCall = new OnCall(w.h.store, none, w.h.clock);
        assertTrue(onCall.status().startsWith("Nobody is on call. Put someone on call with /earshot oncall @name"),
                onCall.status());
    }
}
