package dev.earshot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.core.Author;
import dev.earshot.core.Message;
import dev.earshot.core.MessageKind;
import dev.earshot.core.Platform;
import dev.earshot.core.PriorityRules;
import dev.earshot.core.Sentiment;
import dev.earshot.core.Vip;
import dev.earshot.port.SocialSource;
import dev.earshot.testing.Harness;
import dev.earshot.testing.RecordingChat;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The card and {@code show} explain the score from the parts stored at ingest, also after a restart. */
class PriorityExplainedTest {
    @TempDir
    Path dir;

    @Test
    void theCardSaysWhyAndShowGivesTheWholeSum() {
        PriorityRules rules = new PriorityRules(PriorityRules.DEFAULT_URGENT_WORDS,
                new Sentiment(Map.of("awful", -3.0)), List.of(new Vip(null, "bigpress", null, "press", 30)));
        RecordingChat chat = new RecordingChat();
        try (Harness h = new Harness(dir, chat, FollowThrough.none(), rules)) {
            Author press = new Author(Platform.DEMO, "BigPress", "Big Press", 412_000, "");
            Message m = new Message(Platform.DEMO, "demo", "m1", press, "awful service, I want a refund", "",
                    h.clock.instant(), MessageKind.MENTION, null, null);
            h.ingest.ingest(h.source, new SocialSource.Fetch(List.of(m), "c1"));
            h.drain(h.dispatcher());

            String line = chat.cards.get(0).card().priorityLine();
            assertEquals("412k followers +40 · VIP press +30 · 'refund' +20 · mention +15 · negative tone +12", line);
            assertEquals(100, chat.cards.get(0).card().priority().score());

            h.restart();
            String show = h.as("alice", "show 1");
            assertTrue(show.contains("\n   +40  412k followers: 8 points per tenfold followers, at most 40\n"), show);
            assertTrue(show.contains("   +30  VIP press: on the VIP list (priority.vips)"), show);
            assertTrue(show.contains("  = 100, URGENT (the parts add up to 117; 100 is the most)"), show);
            assertEquals(line, PriorityWords.line(h.queries.show(1).conversation().priority()), "kept in the store");
        }
    }
}
