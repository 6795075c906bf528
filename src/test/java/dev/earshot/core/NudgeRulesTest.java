package dev.earshot.core;

import static dev.earshot.core.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** T0 is Monday 23 November 2026, 09:00 UTC: business hours Mon–Fri 09:00–17:00 UTC, target 1h. */
class NudgeRulesTest {
    final BusinessHours office = BusinessHours.standard(ZoneOffset.UTC);
    final NudgeRules rules = new NudgeRules(SlaPolicy.standard(office), NudgePlan.standard());
    final Conversation fresh = Conversation.open(Fixtures.message("m1", "jane", "help"), "support",
            new Priority(30)).withId(12);

    private static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    private List<String> keys(Conversation c, List<HistoryEntry> history, Set<String> sent, int minutes) {
        return rules.due(c, history, sent, at(minutes)).stream().map(Nudge::key).toList();
    }

    @Test
    void eachStepComesDueAtItsShareAndOnlyOnce() {
        Set<String> sent = new HashSet<>();
        assertEquals(List.of(), keys(fresh, List.of(), sent, 29));
        List<Nudge> half = rules.due(fresh, List.of(), sent, at(30));
        assertEquals(1, half.size());
        assertEquals("sla:50", half.get(0).key());
        assertEquals(NudgePlan.Action.THREAD, half.get(0).action());
        assertEquals(50, half.get(0).percent());
        sent.addAll(half.get(0).keys());
        assertEquals(List.of(), keys(fresh, List.of(), sent, 45), "sent once");
        assertEquals(List.of("sla:100"), keys(fresh, List.of(), sent, 60));
        sent.add("sla:100");
        assertEquals(List.of(), keys(fresh, List.of(), sent, 119));
        assertEquals(List.of("sla:200"), keys(fresh, List.of(), sent, 120));
        sent.add("sla:200");
        assertEquals(List.of(), keys(fresh, List.of(), sent, 60 * 24 * 30));
    }

    @Test
    void afterDowntimeOnlyTheHighestDueStepIsSentAndTheOthersAreSettled() {
        List<Nudge> due = rules.due(fresh, List.of(), Set.of(), at(180));
        assertEquals(1, due.size());
        assertEquals("sla:200", due.get(0).key());
        assertEquals(List.of("sla:50", "sla:100"), due.get(0).skipped());
        assertEquals(List.of("sla:50", "sla:100", "sla:200"), due.get(0).keys());
    }

    @Test
    void onlyWaitingConversationsAreNudged() {
        Conversation snoozed = fresh.snooze("alice", false, at(600), at(1));
        assertEquals(List.of(), keys(snoozed, List.of(), Set.of(), 300));
        Conversation replied = fresh.reply("alice", false).answeredAt(at(5));
        assertEquals(List.of(), keys(replied, List.of(), Set.of(), 300));
        assertEquals(List.of(), keys(fresh.dismiss("alice", false, "spam"), List.of(), Set.of(), 300));
        NudgeRules off = new NudgeRules(SlaPolicy.standard(office), NudgePlan.off());
        assertEquals(List.of(), off.due(fresh, List.of(), Set.of(), at(300)));
    }

    @Test
    void aClaimedConversationNudgesItsIdleOwnerThenGoesBackToTheTeam() {
        Conversation claimed = fresh.claim("bob");
        List<HistoryEntry> history = List.of(new HistoryEntry(12, at(10), "bob", "claim", ""));
        Set<String> sent = new HashSet<>(Set.of("sla:50", "sla:100", "sla:200"));
        String since = "@" + at(10).toEpochMilli();
        assertEquals(List.of(), keys(claimed, history, sent, 39));
        List<Nudge> idle = rules.due(claimed, history, sent, at(40));
        assertEquals(List.of("idle" + since), idle.stream().map(Nudge::key).toList());
        assertEquals(Nudge.Kind.CLAIMED_IDLE, idle.get(0).kind());
        sent.add("idle" + since);
        assertEquals(List.of(), keys(claimed, history, sent, 129));
        List<Nudge> back = rules.due(claimed, history, sent, at(130));
        assertEquals(Nudge.Kind.OFFER_BACK, back.get(0).kind());
        assertEquals("offer" + since, back.get(0).key());
    }

    @Test
    void aNewClaimStartsTheOwnersWatchAgain() {
        Conversation claimed = fresh.claim("carol");
        List<HistoryEntry> history = List.of(new HistoryEntry(12, at(10), "bob", "claim", ""),
                new HistoryEntry(12, at(130), HistoryEntry.EARSHOT, "release", ""),
                new HistoryEntry(12, at(140), "carol", "claim", ""));
        Set<String> sent = Set.of("sla:50", "sla:100", "sla:200", "idle@" + at(10).toEpochMilli(),
                "offer@" + at(10).toEpochMilli());
        assertEquals(List.of(), keys(claimed, history, sent, 169));
        assertEquals(List.of("idle@" + at(140).toEpochMilli()), keys(claimed, history, sent, 170));
    }

    @Test
    void aCustomerWhoWritesAgainAfterAnAnswerStartsANewWaitWithItsOwnKeys() {
        Conversation answered = fresh.reply("alice", false).answeredAt(at(20));
        Conversation again = answered.customerWroteAgain(at(300));
        List<HistoryEntry> history = List.of(new HistoryEntry(12, at(300), HistoryEntry.EARSHOT,
                WaitingClock.WAITING_AGAIN, ""));
        Set<String> sent = Set.of("sla:50");
        assertEquals(List.of(), keys(again, history, sent, 329));
        // alice owns it since her reply: her idle watch starts with the new wait too, and is due
        // with the 50% step, which mentions her anyway: one nudge settles both.
        List<Nudge> due = rules.due(again, history, sent, at(330));
        assertEquals(List.of("sla:50@" + at(300).toEpochMilli()), due.stream().map(Nudge::key).toList());
        assertEquals(List.of("idle@" + at(300).toEpochMilli()), due.get(0).skipped());
    }

    @Test
    void aSnoozeThatEndsStartsANewWait() {
        List<HistoryEntry> history = List.of(new HistoryEntry(12, at(300), HistoryEntry.EARSHOT, WaitingClock.WOKE, ""));
        assertEquals(at(300), WaitingClock.since(fresh, history));
        assertEquals(List.of(), keys(fresh, history, Set.of("sla:50", "sla:100", "sla:200"), 329));
        assertEquals(List.of("sla:50@" + at(300).toEpochMilli()),
                keys(fresh, history, Set.of("sla:50", "sla:100", "sla:200"), 330));
    }

    @Test
    void aWaitThatStartsAfterHoursHasTheLongerTarget() {
        Instant evening = Instant.parse("2026-11-23T18:00:00Z");
        Conversation late = new Conversation(12, Platform.DEMO, "demo", "jane", "t", "support", State.NEW, null,
                new Priority(30), evening, evening, null, null, null, null, null, 1);
        assertEquals(List.of(), rules.due(late, List.of(), Set.of(), evening.plus(Duration.ofMinutes(119))));
        assertEquals("sla:50", rules.due(late, List.of(), Set.of(), evening.plus(Duration.ofHours(2))).get(0).key());
    }

    @Test
    void routingInAndOutOfBusinessHours() {
        Nudge thread = new Nudge("sla:50", Nudge.Kind.SLA, NudgePlan.Action.THREAD, T0, Duration.ZERO, Duration.ZERO, List.of());
        Nudge oncall = new Nudge("sla:100", Nudge.Kind.SLA, NudgePlan.Action.ONCALL, T0, Duration.ZERO, Duration.ZERO, List.of());
        Nudge manager = new Nudge("sla:200", Nudge.Kind.SLA, NudgePlan.Action.MANAGER, T0, Duration.ZERO, Duration.ZERO, List.of());
        Nudge idle = new Nudge("idle@1", Nudge.Kind.CLAIMED_IDLE, null, T0, Duration.ZERO, Duration.ZERO, List.of());
        Nudge offer = new Nudge("offer@1", Nudge.Kind.OFFER_BACK, null, T0, Duration.ZERO, Duration.ZERO, List.of());
        Optional<String> dan = Optional.of("dan");
        Optional<String> mia = Optional.of("mia");

        assertEquals(new NudgeRouting.Delivery(false, List.of()), NudgeRouting.route(thread, true, null, dan, mia));
        assertEquals(new NudgeRouting.Delivery(false, List.of("bob")), NudgeRouting.route(thread, true, "bob", dan, mia));
        assertEquals(new NudgeRouting.Delivery(true, List.of("dan")), NudgeRouting.route(oncall, true, null, dan, mia));
        assertEquals(new NudgeRouting.Delivery(true, List.of("bob")), NudgeRouting.route(oncall, true, "bob", dan, mia));
        assertEquals(new NudgeRouting.Delivery(true, List.of("mia")), NudgeRouting.route(manager, true, "bob", dan, mia));
        assertEquals(new NudgeRouting.Delivery(true, List.of("dan")),
                NudgeRouting.route(manager, true, null, dan, Optional.empty()), "no manager: like the 100% step");
        assertEquals(new NudgeRouting.Delivery(false, List.of("bob")), NudgeRouting.route(idle, true, "bob", dan, mia));
        assertEquals(new NudgeRouting.Delivery(true, List.of("bob")), NudgeRouting.route(offer, true, "bob", dan, mia));

        for (Nudge n : List.of(thread, oncall, manager, idle, offer)) {
            assertEquals(new NudgeRouting.Delivery(false, List.of("dan")), NudgeRouting.route(n, false, "bob", dan, mia),
                    () -> "after hours: " + n.key() + " goes to on-call, in the thread");
            assertEquals(new NudgeRouting.Delivery(false, List.of("bob")),
                    NudgeRouting.route(n, false, "bob", Optional.empty(), mia), "nobody on call: the owner");
        }
        assertEquals(List.of("dan"), NudgeRouting.page(dan, mia));
        assertEquals(List.of("mia"), NudgeRouting.page(Optional.empty(), mia));
        assertTrue(NudgeRouting.page(Optional.empty(), Optional.empty()).isEmpty());
    }
}
