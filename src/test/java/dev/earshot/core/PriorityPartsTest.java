package dev.earshot.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The score is the sum of its parts, and the parts say which rule gave what. */
class PriorityPartsTest {
    private static final Vip PRESS = new Vip(null, "@BigPress", null, "press", 30);
    private static final Vip X_PARTNER = new Vip(Platform.X, null, "2244994945", null, 25);
    private final PriorityRules rules = new PriorityRules(PriorityRules.DEFAULT_URGENT_WORDS, Sentiment.none(),
            List.of(PRESS, X_PARTNER));

    private static Message from(Author a, String text, MessageKind kind) {
        return new Message(a.platform(), "acme", "1", a, text, "", Instant.EPOCH, kind, null, null);
    }

    private static Priority.Part part(Priority.Factor f, int points, String detail) {
        return new Priority.Part(f, points, detail);
    }

    @Test
    void theScoreIsTheSumOfItsPartsLargestFirst() {
        Priority p = rules.score(from(new Author(Platform.DEMO, "jane", "Jane", 412_000, ""), "I want a REFUND!!",
                MessageKind.MENTION));
        assertEquals(List.of(part(Priority.Factor.FOLLOWERS, 40, "412000"), part(Priority.Factor.URGENT_WORD, 20, "refund"),
                part(Priority.Factor.KIND, 15, "mention"), part(Priority.Factor.SHOUTING, 10, "")), p.parts());
        assertEquals(85, p.score());
        assertEquals(p.score(), p.parts().stream().mapToInt(Priority.Part::points).sum());
    }

    @Test
    void aVipIsKnownByHandleOnAnyPlatformOrByIdOnItsOwn() {
        Priority press = rules.score(from(new Author(Platform.MASTODON, "bigpress", null, 10, ""), "hi", MessageKind.DM));
        assertEquals(part(Priority.Factor.VIP, 30, "press"), press.parts().get(0));
        Priority partner = rules.score(from(new Author(Platform.X, "renamed", null, -1, "", "2244994945"), "hi",
                MessageKind.DM));
        assertEquals(List.of(part(Priority.Factor.KIND, 25, "dm"), part(Priority.Factor.VIP, 25, "2244994945")),
                partner.parts(), "equal parts keep the rules' order");
        Priority sameIdElsewhere = rules.score(from(new Author(Platform.BLUESKY, "renamed", null, -1, "", "2244994945"),
                "hi", MessageKind.DM));
        assertEquals(List.of(part(Priority.Factor.KIND, 25, "dm")), sameIdElsewhere.parts(), "the id is X's only");
    }

    @Test
    void theCapKeepsThePartsSoTheCardCanSaySo() {
        Priority p = rules.score(from(new Author(Platform.DEMO, "bigpress", null, 5_000_000, ""),
                "URGENT: REFUND ME NOW!!", MessageKind.DM));
        assertEquals(100, p.score());
        assertEquals(125, p.uncapped());
        assertEquals(Priority.Label.URGENT, p.label());
    }

    @Test
    void aVipNeedsAHandleOrAnId() {
        assertThrows(IllegalArgumentException.class, () -> new Vip(null, " ", null, null, 30));
    }
}
