package dev.earshot.source.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.app.Answer;
import dev.earshot.app.Caller;
import dev.earshot.app.Command;
import dev.earshot.app.StatsPeriod;
import dev.earshot.config.FeedSourceConfig;
import dev.earshot.core.Card;
import dev.earshot.core.DigestReport;
import dev.earshot.source.http.FakeHttpServer;
import dev.earshot.source.http.HttpLimits;
import dev.earshot.testing.Harness;
import dev.earshot.testing.RecordingChat;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A feed's conversation through the application: its card offers "Answered there" instead of
 * Reply, a typed reply is refused with where to answer, and "answered" counts as the answer in
 * the figures the digest reads (and for the SLA clock, which stops at the first answer).
 */
class FeedAnsweredThereTest {
    @TempDir
    Path dir;
    private final FakeFeed fake = new FakeFeed();
    private Harness h;

    @AfterEach
    void tearDown() {
        if (h != null) {
            h.close();
        }
        fake.close();
    }

    @Test
    void answeredThereReplacesReplyAndCountsAsTheAnswer() {
        h = new Harness(dir, new RecordingChat(), clock -> new FeedSource(new FeedSourceConfig("acme-blog", fake.url(),
                Duration.ofMinutes(5), Duration.ofHours(24), 200, List.of()), FakeHttpServer.client(), clock,
                HttpLimits.of(Duration.ofSeconds(5))));
        fake.comment("Sam", "<p>Is support included?</p>", h.clock.instant());
        h.poller().pollOnce();
        h.drain(h.dispatcher());
        Card card = h.chat.cards.get(0).card();
        long id = card.conversationId();
        assertTrue(card.actions().contains(Card.Action.ANSWERED_THERE), card.actions().toString());
        assertFalse(card.actions().contains(Card.Action.REPLY));
        assertTrue(card.stateLine().contains("answer on the site"), card.stateLine());

        Caller alice = Caller.member(h.team.require("alice"));
        Answer reply = h.commands.answer(alice, "reply " + id + " thanks!");
        assertFalse(reply.ok());
        assertTrue(reply.text().contains("came from a feed: answer on the site"), reply.text());
        assertFalse(h.commands.answer(alice, new Command.ReplyForm(id)).ok(), "no reply form either");

        h.clock.advance(Duration.ofMinutes(7));
        Answer done = h.commands.answer(alice, new Command.AnsweredThere(id));
        assertEquals("#" + id + " marked answered on the site.", done.text());
        h.drain(h.dispatcher());
        Card updated = h.chat.updates.get(h.chat.updates.size() - 1).card();
        assertEquals("✅ answered on the site by @alice in 7m", updated.stateLine());
        assertFalse(updated.actions().contains(Card.Action.ANSWERED_THERE));
        assertFalse(h.commands.answer(alice, "answered " + id).ok(), "once is enough");

        DigestReport today = h.digests.stats(StatsPeriod.TODAY);
        assertEquals(1, today.figures().received());
        assertEquals(1, today.figures().answered(), "counted in the digest like a reply");
        assertEquals(List.of(Duration.ofMinutes(7)), today.figures().firstResponses());
    }
}
