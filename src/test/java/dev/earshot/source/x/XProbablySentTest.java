package dev.earshot.source.x;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.app.ChannelWords;
import dev.earshot.testing.Harness;
import dev.earshot.testing.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * X refuses a resend as a duplicate while its timeline does not show the first send yet: the reply
 * was probably sent. End to end (fake X whose timeline lags 60 s on the test clock and that drops
 * the connection after applying the POST, the real source, Application and dispatcher, a SQLite
 * file, a recording chat): the customer gets one reply, the team is told "probably sent" once, and
 * a restart neither forgets nor resends.
 */
class XProbablySentTest {
    private static final String ANSWER = "Refund sent, Jane.";
    private static final String MORE = "It shows in 3 days.";

    @TempDir
    Path dir;
    private final TestClock clock = TestClock.at(Harness.START);
    private final FakeX x = new FakeX(clock);
    private final FakeX.User jane = x.user("2001", "jane_doe", "Jane Doe", 1_234);
    private final FakeX.User omar = x.user("2002", "omar", "Omar", 87);
    private Harness h;
    /** What the team read in threads before the last restart (each start has a fresh recording chat). */
    private final List<String> readBefore = new ArrayList<>();

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
        x.close();
    }

    /** Starts Earshot, or starts it again on the same files: a new source with nothing in memory. */
    private void start() {
        if (h != null) {
            h.chat.thread.forEach(t -> readBefore.add(t.text()));
            h.close();
        }
        h = new Harness(dir, clock, XSource.create(XSourceTest.config(x, Duration.ofHours(24), 200, 100), clock));
    }

    private void drain() {
        for (int i = 0; i < 3; i++) {
            h.drain(h.dispatcher());
        }
    }

    private long told(String text) {
        return readBefore.stream().filter(text::equals).count()
                + h.chat.thread.stream().filter(t -> t.text().equals(text)).count();
    }

    private String stateLine() {
        return h.chat.latest(1).stateLine();
    }

    /** Jane's mention is on a card; alice's answer is sent, applied by X, and its answer lost; X then refuses the resend. */
    private void aliceRepliesAndXSaysProbablySent(Duration lag, Runnable meanwhile) {
        x.mention(jane, "@acme refund please", Duration.ofMinutes(5));
        start();
        h.poller().pollOnce().orElseThrow();
        drain();
        x.lagOwnTimeline(lag);
        h.as("alice", "reply 1 " + ANSWER);
        x.dropNextPostAfterApplying();
        drain();
        meanwhile.run();
        clock.advance(Duration.ofSeconds(2));
        drain();
        assertEquals(2, x.requests("POST", "/2/tweets").stream().filter(r -> r.body().contains(ANSWER)).count(),
                "sent, then refused as a duplicate");
    }

    @Test
    void probablySentIsToldOnceNeverResentAndRepliedWhenTheTimelineCatchesUp() {
        FakeX.Post[] asked = new FakeX.Post[1];
        aliceRepliesAndXSaysProbablySent(Duration.ofSeconds(60), () -> {
            // Another customer's reply on the same source waits in the outbox behind jane's.
            asked[0] = x.mention(omar, "@acme hello?", Duration.ZERO);
            h.poller().pollOnce().orElseThrow();
            drain();
            h.as("bob", "reply 2 Hi Omar!");
        });

        assertEquals(1, told(ChannelWords.probablySent("X")), "the team is told once, in the card's thread");
        assertTrue(stateLine().startsWith("⏳ reply by @alice probably sent"), stateLine());
        assertFalse(h.chat.thread.stream().anyMatch(t -> t.text().contains("not been answered")));

        assertTrue(x.postsBy(FakeX.BRAND_ID).stream().anyMatch(p -> asked[0].id().equals(p.repliedTo())),
                "omar's reply is not held: it went out while jane's is looked for");

        // Alice's next reply to jane keeps its place behind the one still looked for.
        h.as("alice", "reply 1 " + MORE);
        drain();
        assertEquals(3, x.requests("POST", "/2/tweets").size(), "two for jane's reply, one for omar's");

        // A restart before the timeline shows it: nothing is forgotten, nothing is sent again.
        clock.advance(Duration.ofSeconds(20));
        start();
        drain();
        assertEquals(3, x.requests("POST", "/2/tweets").size(), "nothing more before jane's reply is seen");
        assertNull(h.queries.show(1).conversation().firstReplyAt());

        clock.advance(Duration.ofSeconds(60));
        drain();

        assertEquals(List.of(ANSWER, MORE), x.postsBy(FakeX.BRAND_ID).stream().map(FakeX.Post::text)
                .filter(t -> !t.contains("Omar")).toList(), "jane's replies in order, each once");
        assertEquals(4, x.requests("POST", "/2/tweets").size(), "jane's first reply is never sent again");
        assertEquals(1, x.postsBy(FakeX.BRAND_ID).stream().filter(p -> p.text().equals(ANSWER)).count(),
                "the customer sees exactly one reply");
        assertNotNull(h.queries.show(1).conversation().firstReplyAt());
        assertEquals(1, told(ChannelWords.replied("alice", ANSWER)));
        assertTrue(stateLine().startsWith("✅ replied by @alice"), stateLine());
        assertEquals(1, told(ChannelWords.probablySent("X")), "told once, even across the restart");
        assertEquals(1, told(ChannelWords.replied("alice", MORE)));
        assertEquals(0, h.outboxBacklog());
    }

    @Test
    void whenTheBoundPassesUnconfirmedTheTeamIsToldToCheckAndNothingIsResent() {
        aliceRepliesAndXSaysProbablySent(Duration.ofHours(48), () -> { });
        int looks = x.requests("GET", "/2/users/1000/tweets").size();

        for (int minutes = 0; minutes < 23 * 60; minutes += 30) {
            clock.advance(Duration.ofMinutes(30));
            drain();
        }
        start();
        for (int minutes = 0; minutes < 2 * 60; minutes += 30) {
            clock.advance(Duration.ofMinutes(30));
            drain();
        }

        assertEquals(2, x.requests("POST", "/2/tweets").size(), "never sent again");
        int lookedAgain = x.requests("GET", "/2/users/1000/tweets").size() - looks;
        assertTrue(lookedAgain >= 40 && lookedAgain <= 60, "looked up every 30 minutes at most: " + lookedAgain);
        assertEquals(1, told(ChannelWords.neverConfirmed("X")));
        assertEquals(1, told(ChannelWords.probablySent("X")));
        assertFalse(h.chat.thread.stream().anyMatch(t -> t.text().contains("not been answered")));
        assertTrue(stateLine().startsWith("❓ reply by @alice probably sent, never confirmed"), stateLine());
        assertEquals(0, h.outboxBacklog());

        clock.advance(Duration.ofHours(1));
        drain();
        assertEquals(lookedAgain, x.requests("GET", "/2/users/1000/tweets").size() - looks, "it stopped looking");
    }
}
