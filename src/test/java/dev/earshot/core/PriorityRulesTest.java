package dev.earshot.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PriorityRulesTest {
    private final PriorityRules rules = PriorityRules.defaults();

    private Message msg(String text, long followers, MessageKind kind) {
        return new Message(Platform.DEMO, "demo", "1", Fixtures.author("x", followers), text, "",
                Instant.EPOCH, kind, null, null);
    }

    @Test
    void influenceIsLogScaledAndCapped() {
        assertEquals(0, PriorityRules.influence(0));
        assertEquals(2, PriorityRules.influence(1), "one follower is an audience");
        assertEquals(8, PriorityRules.influence(9), "8 points per tenfold: 9 followers and the author make 10");
        assertEquals(16, PriorityRules.influence(99));
        assertEquals(40, PriorityRules.influence(100_000));
        assertEquals(40, PriorityRules.influence(50_000_000));
    }

    @Test
    void urgentAngryDirectMessagesFromBigAccountsComeFirst() {
        Priority calm = rules.score(msg("where is my invoice?", 10, MessageKind.KEYWORD));
        Priority angry = rules.score(msg("I was CHARGED TWICE!!! refund now", 10, MessageKind.MENTION));
        Priority big = rules.score(msg("I was CHARGED TWICE!!! refund now", 400_000, MessageKind.DM));
        assertTrue(calm.compareTo(angry) < 0);
        assertTrue(angry.compareTo(big) < 0);
        assertEquals(Priority.Label.URGENT, big.label());
        assertEquals(Priority.Label.LOW, calm.label());
    }

    @Test
    void customUrgentWordsCount() {
        PriorityRules custom = new PriorityRules(java.util.List.of("Outage"));
        assertEquals(20, custom.urgency("there is an outage"));
        assertEquals(0, custom.urgency("refund please"));
    }

    @Test
    void shoutingIsTwoExclamationMarksOrSevenCapitalsInTenOverTwelveLettersOrMore() {
        PriorityRules plain = new PriorityRules(java.util.List.of("outage"));
        assertEquals(10, plain.urgency("WHERE IS IT NOW"), "12 letters, all capitals");
        assertEquals(0, plain.urgency("WHERE IS IT NO"), "11 letters are not a sentence's worth");
        assertEquals(10, plain.urgency("WHERE IS MY ORDER, please"), "14 capitals of 20 letters: 70%");
        assertEquals(0, plain.urgency("WHERE IS MY ORDEr, please"), "13 of 20 is under 70%");
        assertEquals(10, plain.urgency("ok!!"));
        assertEquals(30, plain.urgency("OUTAGE AGAIN TODAY"), "an urgent word and shouting add up");
    }

    @Test
    void scoreStaysWithinBounds() {
        assertEquals(100, new Priority(250).score());
        assertEquals(0, new Priority(-3).score());
    }
}
