package dev.earshot.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules on a hand-made lexicon; the shipped one is tested where it is loaded (config). */
class SentimentTest {
    final Sentiment tone = new Sentiment(Map.of("awful", -3.0, "good", 2.0, "fed up", -2.5, ":(", -2.0));

    @Test
    void ratesKnownWordsAndEmoticonsAndIgnoresTheRest() {
        assertEquals(0, tone.compound("where is my invoice"));
        assertTrue(tone.compound("This is AWFUL!!") < -0.5);
        assertTrue(tone.compound("good") > 0.4);
        assertTrue(tone.compound("still waiting :(") < 0);
        assertTrue(tone.compound("I am fed up.") < -0.5, "a two-word phrase");
    }

    @Test
    void negationFlipsAndButWeighsWhatFollows() {
        assertTrue(tone.compound("not good") < 0);
        assertTrue(tone.compound("it wasn't awful") > 0);
        assertTrue(tone.compound("good but awful") < tone.compound("awful but good"));
        assertTrue(tone.compound("Nothing yet. Awful.") < 0, "a negation ends with its sentence");
    }

    @Test
    void toneRaisesPriorityOnlyWhenNegative() {
        PriorityRules rules = new PriorityRules(List.of(), tone);
        assertEquals(0, rules.tone("good good good"));
        assertEquals(0, rules.tone("where is my invoice"));
        int angry = rules.tone("awful awful awful");
        assertTrue(angry > 15 && angry <= 20, () -> "angry " + angry);
        assertEquals(0, new PriorityRules(List.of()).tone("awful"), "without a lexicon, no tone");
    }
}
