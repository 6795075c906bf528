package dev.earshot.source.mastodon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.earshot.app.Answer;
import dev.earshot.app.Caller;
import dev.earshot.app.Command;
import dev.earshot.config.MastodonSourceConfig;
import dev.earshot.config.Secret;
import dev.earshot.core.Member;
import dev.earshot.source.http.FakeHttpServer;
import dev.earshot.testing.Harness;
import dev.earshot.testing.RecordingChat;
import dev.earshot.testing.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a fake Mastodon instance, through the real adapter: a typed reply is previewed as the customer
 * will read it (their {@code @handle} first, counted as Mastodon counts) and sent once, whatever is
 * pressed after; the brand's own statuses are counted as replies or broadcasts, once each.
 */
class MastodonCareTest {
    @TempDir
    Path dir;
    FakeMastodon fake;
    Harness h;
    MastodonSource source;
    final Member dora = new Member("dora", Map.of(), false, true);

    @AfterEach
    void tearDown() {
        h.close();
        source.close();
        fake.close();
    }

    private ObjectNode world() {
        TestClock start = TestClock.at("2026-11-23T09:00:00Z");
        fake = new FakeMastodon(start);
        ObjectNode jane = fake.account("200", "jane", "jane@far.example", "Jane Doe", 1_240);
        MastodonSourceConfig config = new MastodonSourceConfig("acme-mastodon", fake.http.uri(),
                new Secret(FakeMastodon.TOKEN), Duration.ofSeconds(30), Duration.ofHours(24), 200);
        h = new Harness(dir, new RecordingChat(), clock -> {
            source = new MastodonSource(config, FakeHttpServer.client(), clock, Duration.ofSeconds(5));
            return source;
        });
        fake.clock = h.clock;
        return jane;
    }

    private Answer as(Member who, Command command) {
        return h.commands.answer(Caller.member(who), command);
    }

    @Test
    void aTypedReplyIsShownWithTheMentionAndItsLengthThenSentOnce() {
        ObjectNode jane = world();
        fake.mention(jane, "<p>@acme I was charged twice</p>", "public", null, h.clock.instant());
        h.poller().pollOnce();
        h.drain(h.dispatcher());

        Answer preview = h.commands.answer(Caller.member(dora), "reply 1 So sorry, the refund is on its way.");
        assertEquals("@jane@far.example So sorry, the refund is on its way.", preview.preview().asPosted());
        assertEquals(41, preview.preview().length(), "the mention counts, its domain not (Mastodon's rule)");
        assertTrue(preview.text().contains("(41 of 500 characters, as Mastodon counts them)"), preview.text());
        assertTrue(preview.text().endsWith("threaded under @jane@far.example's message: “@acme I was charged twice”."),
                preview.text());
        assertEquals(0, h.outboxBacklog(), "shown, not queued");

        long draft = preview.preview().draftId();
        assertEquals("That preview is @dora's; only they can send or cancel it.",
                as(h.team.require("alice"), new Command.SendDraft(draft)).text());
        assertTrue(as(dora, new Command.SendDraft(draft)).text().startsWith("Your reply to #1 is on its way"));
        assertEquals("That reply to #1 was sent already; it is not sent twice.", as(dora, new Command.SendDraft(draft)).text());
        assertEquals("That reply to #1 was sent already; it is not sent twice.", as(dora, new Command.CancelDraft(draft)).text());
        h.drain(h.dispatcher());
        assertEquals(1, fake.posted.size());
        String content = fake.posted.get(0).path("content").asText();
        assertTrue(content.contains("@<span>jane</span></a></span> So sorry, the refund is on its way."), content);
    }

    @Test
    void theBrandsOwnStatusesAreCountedOnceAsRepliesOrBroadcasts() {
        ObjectNode jane = world();
        String asked = fake.mention(jane, "<p>@acme where is my parcel?</p>", "public", null, h.clock.instant());
        h.poller().pollOnce();
        fake.brandStatus("<p>@jane it left today</p>", asked, "public");
        fake.brandStatus("<p>Our winter sale starts now</p>", null, "public");
        fake.brandStatus("<p>Opening hours over the holidays</p>", null, "public");
        h.clock.advance(Duration.ofMinutes(1));
        h.poller().pollOnce();
        h.poller().pollOnce();

        Instant from = Instant.parse("2026-11-23T00:00:00Z");
        var counts = h.store.read(tx -> tx.dialogueCounts(from, from.plus(Duration.ofDays(1))));
        int replies = counts.stream().mapToInt(c -> c.replies()).sum();
        int broadcasts = counts.stream().mapToInt(c -> c.broadcasts()).sum();
        assertEquals(1, replies);
        assertEquals(2, broadcasts, "seen twice, counted once");
        String stats = h.as("alice", "stats today");
        assertTrue(stats.contains("Mastodon     3 posts: 1 replies to customers, 2 broadcasts · replies 33%"
                + " · answered 1 of 1 conversations, 100%"), stats);
    }
}
