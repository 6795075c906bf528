package dev.earshot.source.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.earshot.source.http.KeywordSearch.Cursor;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeywordSearchTest {
    @Test
    void aPlainStoredCursorIsTheMainCursor() {
        Cursor c = Cursor.parse(Optional.of("n=1000;s=990"));
        assertEquals(new Cursor("n=1000;s=990", Map.of()), c);
        assertEquals("n=1000;s=990", c.format(), "without keyword positions nothing changes in the store");
        assertEquals(new Cursor(null, Map.of()), Cursor.parse(Optional.empty()));
        assertEquals("{not json", Cursor.parse(Optional.of("{not json")).main());
    }

    @Test
    void keywordPositionsRoundTripAsASmallJsonObject() {
        Cursor c = new Cursor("2026-11-23T09:00:00Z|at://x", Map.of("acme", "5", "acme app", "7"));
        String stored = c.format();
        assertEquals("{\"main\":\"2026-11-23T09:00:00Z|at://x\",\"keywords\":{\"acme\":\"5\",\"acme app\":\"7\"}}", stored);
        assertEquals(c, Cursor.parse(Optional.of(stored)));
        assertEquals(Optional.of("7"), c.position("acme app"));
        assertEquals(Optional.empty(), c.position("other"));
    }

    @Test
    void severalWordsAreOnePhrase() {
        assertEquals("acme", KeywordSearch.phrase(" acme "));
        assertEquals("\"acme app\"", KeywordSearch.phrase("acme app"));
        assertEquals("\"acme app\"", KeywordSearch.phrase("\"acme app\""));
    }
}
