package dev.earshot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.core.Author;
import dev.earshot.core.Message;
import dev.earshot.core.MessageKind;
import dev.earshot.core.Platform;
import dev.earshot.core.PriorityRules;
import dev.earshot.core.Sentiment;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shipped VADER lexicon: present with its licence, read whole, and raising the priority of an angry customer. */
class VaderLexiconTest {
    private final Map<String, Double> ratings = VaderLexicon.ratings();
    private final Sentiment vader = new Sentiment(ratings);

    private static Message mention(String text) {
        return new Message(Platform.DEMO, "demo", "1", new Author(Platform.DEMO, "x", "x", 50, ""), text, "",
                Instant.EPOCH, MessageKind.MENTION, null, null);
    }

    @Test
    void theWholeLexiconIsReadAndItsLicenceShipsWithIt() throws IOException {
        // 7,516 lines; 14 tokens (lol, ok, xd, ...) are listed twice, and the later rating wins, as in VADER.
        assertEquals(7502, ratings.size());
        assertEquals(1.8, ratings.get("lol"));
        assertEquals(-3.1, ratings.get("worst"));
        assertEquals(3.2, ratings.get("love"));
        assertEquals(2.0, ratings.get(":)"));
        assertTrue(ratings.containsKey("fed up"));
        try (InputStream licence = VaderLexicon.class.getResourceAsStream("/lexicon/LICENSE-VADER.txt")) {
            assertNotNull(licence, "the licence travels with the lexicon");
            String text = new String(licence.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(text.contains("Copyright (c) 2016 C.J. Hutto"));
            assertTrue(text.contains("Permission is hereby granted, free of charge"));
        }
    }

    @Test
    void readsTheToneOfCustomersMessages() {
        assertTrue(vader.compound("Worst experience ever @acme. Broken on arrival and nobody answers. Unacceptable.") < -0.8);
        assertTrue(vader.compound("Thanks @acme, the replacement arrived and works great 🙌") > 0.5);
        assertEquals(0, vader.compound("@acme can I change the email on my account?"));
        assertTrue(vader.compound("I am not happy with this") < 0, "negation");
    }

    @Test
    void aNegativeToneRaisesPriorityWithTheShippedLexicon() {
        PriorityRules withTone = PriorityConfig.defaults().toRules();
        PriorityRules without = new PriorityRules(PriorityConfig.defaults().urgentWords());
        Message angry = mention("This is terrible, I hate it, you ruined my weekend and I am furious");
        Message calm = mention("Could you tell me when the shop opens on Saturday?");
        Message happy = mention("I love the new app, great job!");

        assertTrue(withTone.score(angry).score() >= without.score(angry).score() + 15,
                () -> withTone.score(angry) + " vs " + without.score(angry));
        assertEquals(without.score(calm), withTone.score(calm));
        assertEquals(without.score(happy), withTone.score(happy), "a happy customer is not pushed down");
        assertTrue(withTone.score(angry).compareTo(withTone.score(calm)) > 0);
    }
}
