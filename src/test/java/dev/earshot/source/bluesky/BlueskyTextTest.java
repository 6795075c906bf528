package dev.earshot.source.bluesky;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BlueskyTextTest {
    static final Instant AT = Instant.parse("2026-11-23T08:59:00.123Z");

    @Test
    void recordKeysAreValidTidsTheSameForOneKeyAndDifferentForTwo() {
        String a = Tid.forReply(AT, "7d2c-key");
        assertEquals(a, Tid.forReply(AT, "7d2c-key"));
        assertNotEquals(a, Tid.forReply(AT, "another-key"));
        assertTrue(Tid.valid(a), a);
        assertEquals(13, a.length());
        assertTrue(a.compareTo(Tid.encode(AT.toEpochMilli() * 1000, 0)) >= 0, "not before the customer's post");
        assertEquals("2222222222222", Tid.encode(0, 0));
    }

    @Test
    void theMentionGoesFirstOnce() {
        assertEquals("@jane.bsky.social hi", PostText.withMention("hi", "jane.bsky.social"));
        assertEquals("@jane.bsky.social hi", PostText.withMention("@jane.bsky.social hi", "jane.bsky.social"));
        assertEquals("@jane.bsky.social @jane.bsky.socialite hi",
                PostText.withMention("@jane.bsky.socialite hi", "jane.bsky.social"));
    }

    @Test
    void facetsAreUtf8ByteRanges() {
        String text = "@ana.example 👩‍👩‍👧‍👦 مرحبا @ana.example.";
        List<PostText.Facet> facets = PostText.facets(text, "ana.example", "did:plc:ana");
        assertEquals(2, facets.size());
        assertEquals(new PostText.Facet(0, 12, "mention", "did:plc:ana"), facets.get(0));
        // 12 + 1 + 25 (family) + 1 + 10 (Arabic) + 1 = 50
        assertEquals(new PostText.Facet(50, 62, "mention", "did:plc:ana"), facets.get(1));
        assertTrue(PostText.facets("see https://x.example/@ana.example", "ana.example", "d").stream()
                .noneMatch(f -> f.type().equals("mention")), "a handle inside a link is the link's");
    }

    @Test
    void theCursorOrdersByTimeThenUri() {
        BlueskyCursor c = new BlueskyCursor(AT, "at://b");
        assertEquals(Optional.of(c), BlueskyCursor.parse(Optional.of(c.format())));
        assertEquals(c, BlueskyCursor.newer(new BlueskyCursor(AT, "at://a"), c), "same instant: by uri");
        assertEquals(c, BlueskyCursor.newer(c, new BlueskyCursor(AT.minusMillis(1), "at://z")));
    }
}
