package dev.earshot.source.mastodon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.earshot.app.HealthBoard;
import dev.earshot.app.Poller;
import dev.earshot.config.MastodonSourceConfig;
import dev.earshot.config.Secret;
import dev.earshot.core.Conversation;
import dev.earshot.core.MessageKind;
import dev.earshot.core.State;
import dev.earshot.source.http.FakeHttpServer;
import dev.earshot.source.http.FakeHttpServer.Response;
import dev.earshot.testing.Crash;
import dev.earshot.testing.Harness;
import dev.earshot.testing.RecordingChat;
import dev.earshot.testing.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real Mastodon adapter against a fake instance, through Poller, Inbox, a SQLite store and the dispatcher. */
class MastodonEndToEndTest {
    static final String NAME = "acme-mastodon";

    @TempDir
    Path dir;
    FakeMastodon fake;
    Harness h;
    MastodonSource source;
    ObjectNode jane;

    @AfterEach
    void tearDown() {
        if (h != null) {
            h.close();
        }
        if (source != null) {
            source.close();
        }
        fake.close();
    }

    private void world(Duration backfill, int backfillMax) {
        TestClock start = TestClock.at("2026-11-23T09:00:00Z");
        fake = new FakeMastodon(start);
        jane = fake.account("200", "jane", "jane", "Jane Doe", 1_240);
        open(backfill, backfillMax, start.instant());
    }

    private void world() {
        world(Duration.ofHours(24), 200);
    }

    /** A fresh process on the same store file, its clock at {@code at}. */
    private void open(Duration backfill, int backfillMax, Instant at) {
        if (h != null) {
            h.close();
        }
        MastodonSourceConfig config = new MastodonSourceConfig(NAME, fake.http.uri(), new Secret(FakeMastodon.TOKEN + "\n"),
                Duration.ofSeconds(30), backfill, backfillMax);
        h = new Harness(dir, new RecordingChat(), clock -> {
            clock.advance(Duration.between(clock.instant(), at));
            source = new MastodonSource(config, FakeHttpServer.client(), clock, Duration.ofSeconds(5));
            return source;
        });
        fake.clock = h.clock;
    }

    private Poller poller;

    private int poll() {
        if (poller == null) {
            poller = h.poller();
        }
        return poller.pollOnce().map(i -> i.opened() + i.joined()).orElse(-1);
    }

    private void restart() {
        poller = null;
        source.close();
        open(Duration.ofHours(24), 200, h.clock.instant());
    }

    /** The fake's statuses are stamped with the test's clock. */
    private String mention(ObjectNode who, String html, String visibility, String inReplyTo) {
        return fake.mention(who, html, visibility, inReplyTo, h.clock.instant());
    }

    @Test
    void firstStartReadsOnlyTheBackfillWindowAndAtMostTheMax() {
        world(Duration.ofHours(24), 2);
        Instant now = h.clock.instant();
        for (int i = 0; i < 5; i++) {
            fake.mention(jane, "<p>old " + i + " @acme</p>", "public", null, now.minus(Duration.ofHours(30)));
        }
        for (int i = 0; i < 3; i++) {
            fake.mention(jane, "<p>new " + i + " @acme</p>", "public", null, now.minus(Duration.ofMinutes(30 - i)));
        }
        assertEquals(2, poll(), "the newest two inside 24 h, not the whole history");
        h.drain(h.dispatcher());
        assertEquals(2, h.chat.cards.size());
        assertTrue(h.chat.cards.stream().allMatch(c -> c.card().text().startsWith("new ")));
        assertEquals(0, poll(), "the cursor is at the newest; nothing older is read again");
    }

    @Test
    void firstStartStopsAtTheBackfillWindowWhenTheMaxIsNotReached() {
        world(Duration.ofHours(24), 200);
        Instant now = h.clock.instant();
        for (int i = 0; i < 5; i++) {
            fake.mention(jane, "<p>old " + i + " @acme</p>", "public", null, now.minus(Duration.ofHours(30)));
        }
        for (int i = 0; i < 3; i++) {
            fake.mention(jane, "<p>new " + i + " @acme</p>", "public", null, now.minus(Duration.ofMinutes(30 - i)));
        }
        assertEquals(3, poll(), "the three inside 24 h, none of the older ones");
    }

    @Test
    void pagesForwardWithMinIdAndTheCursorSurvivesARestart() {
        world();
        assertEquals(0, poll());
        ObjectNode[] people = new ObjectNode[85];
        for (int i = 0; i < 85; i++) {
            people[i] = fake.account(Integer.toString(300 + i), "p" + i, "p" + i + "@far.example", "P " + i, i);
            mention(people[i], "<p>@acme help " + i + "</p>", "public", null);
        }
        fake.http.clearRequests();
        assertEquals(85, poll());
        long pages = fake.http.requests().stream().filter(r -> r.path().equals("/api/v1/notifications")).count();
        assertEquals(4, pages, "40 + 40 + 5, then an empty page");
        assertTrue(fake.http.requests().stream().filter(r -> r.path().equals("/api/v1/notifications"))
                .allMatch(r -> r.param("min_id") != null), "forward with min_id, never the newest page");
        h.drain(h.dispatcher());
        assertEquals(85, h.chat.cards.size());
        assertEquals("help 0", h.chat.cards.get(0).card().text().replace("@acme ", ""), "oldest first");
        String cursor = h.store.read(tx -> tx.cursor(NAME)).orElseThrow();

        restart();
        assertEquals(cursor, h.store.read(tx -> tx.cursor(NAME)).orElseThrow());
        fake.http.clearRequests();
        assertEquals(0, poll(), "nothing is read twice after a restart");
        String lastId = MastodonCursor.parse(Optional.of(cursor)).notifications();
        assertEquals(lastId, fake.http.requests().stream().filter(r -> r.path().equals("/api/v1/notifications"))
                .findFirst().orElseThrow().param("min_id"));
        mention(jane, "<p>@acme one more</p>", "public", null);
        assertEquals(1, poll());
    }

    @Test
    void aRepeatedNotificationIsDroppedAsADuplicate() {
        world();
        poll();
        String id = mention(jane, "<p>@acme hello</p>", "public", null);
        assertEquals(1, poll());
        fake.repeat(id);
        assertEquals(0, poll());
        assertEquals(1, h.store.read(tx -> tx.queue(10)).size());
    }

    @Test
    void htmlBecomesTheTextAPersonReads() {
        world();
        poll();
        mention(jane, "<p>Hi <span class=\"h-card\"><a href=\"https://social.example/@acme\" class=\"u-url mention\">"
                + "@<span>acme</span></a></span> &amp; team! <a href=\"https://social.example/tags/help\" "
                + "class=\"mention hashtag\" rel=\"tag\">#<span>help</span></a></p><p>See <a href=\"https://example.com/"
                + "a/very/long/path\" rel=\"nofollow noopener\" target=\"_blank\"><span class=\"invisible\">https://</span>"
                + "<span class=\"ellipsis\">example.com/a/very</span><span class=\"invisible\">/long/path</span></a>"
                + "<br>Thanks &lt;3 <a href=\"https://evil.example/login\">bank.com</a></p>", "public", null);
        poll();
        h.drain(h.dispatcher());
        assertEquals("Hi @acme & team! #help\n\nSee https://example.com/a/very/long/path\n"
                + "Thanks <3 bank.com (https://evil.example/login)", h.chat.cards.get(0).card().text());
        assertEquals("jane@social.example", h.chat.cards.get(0).card().author().handle());
        assertEquals(1_240, h.chat.cards.get(0).card().author().followers());
        assertEquals("Jane Doe", h.chat.cards.get(0).card().author().displayName());
    }

    @Test
    void kindsThreadsAndFollowUpsJoinTheConversation() {
        world();
        poll();
        String first = mention(jane, "<p>@acme my order is late</p>", "public", null);
        mention(jane, "<p>@acme psst</p>", "direct", null);
        poll();
        h.drain(h.dispatcher());
        h.as("alice", "reply 1 Sorry Jane, looking into it");
        h.drain(h.dispatcher());
        String ours = fake.posted.get(0).path("id").asText();
        // A new process: the thread root is found through /context, not from memory.
        restart();
        mention(jane, "<p>@acme any news?</p>", "public", ours);
        assertEquals(1, poll());
        Conversation c = h.queries.show(1).conversation();
        assertEquals(first, c.threadKey());
        assertEquals(2, h.store.read(tx -> tx.customerMessages(1)).size(), "the follow-up joined #1");
        assertEquals(MessageKind.REPLY, h.store.read(tx -> tx.customerMessages(1)).get(1).kind());
        assertEquals(MessageKind.DM, h.store.read(tx -> tx.customerMessages(2)).get(0).kind());
    }

    @Test
    void ourOwnReplySeenAgainMakesNoCard() {
        janeAskedAndAliceReplied();
        h.drain(h.dispatcher());
        fake.echo(fake.posted.get(0).path("id").asText());
        assertEquals(0, poll());
        h.drain(h.dispatcher());
        assertEquals(1, h.chat.cards.size(), "no card for our own reply");
        assertEquals(State.REPLIED, h.queries.show(1).conversation().state());
        assertFalse(h.chat.thread.stream().anyMatch(t -> t.text().startsWith("✅ Answered from")),
                "our reply is not an answer from outside");
    }

    @Test
    void anAnswerFromTheMastodonAppMarksTheConversationAnswered() {
        world();
        poll();
        String id = mention(jane, "<p>@acme where is my parcel?</p>", "public", null);
        poll();
        h.drain(h.dispatcher());
        h.clock.advance(Duration.ofMinutes(7));
        fake.brandStatus("<p>@jane it left the warehouse today</p>", id, "public");
        poll();
        h.drain(h.dispatcher());
        Conversation c = h.queries.show(1).conversation();
        assertEquals(State.REPLIED, c.state());
        assertEquals("✅ answered outside Earshot in 7m", h.chat.latest(1).stateLine());
        assertTrue(h.chat.thread.stream().anyMatch(t -> t.text().equals(
                "✅ Answered from Mastodon directly: @jane it left the warehouse today")));
        assertEquals(1, h.chat.cards.size(), "the brand's own status is no customer message");
    }

    @ParameterizedTest
    @ValueSource(strings = {"public", "unlisted", "private", "direct"})
    void aReplyIsThreadedMentionsTheCustomerAndIsNeverWiderThanTheirStatus(String visibility) {
        world();
        poll();
        ObjectNode remote = fake.account("201", "noa", "noa@far.example", "נועה", 10);
        String id = mention(remote, "<p>@acme hi</p>", visibility, null);
        poll();
        h.drain(h.dispatcher());
        h.as("alice", "reply 1 Shalom Noa, on it");
        h.drain(h.dispatcher());
        FakeHttpServer.Request post = fake.http.requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals("/api/v1/statuses")).findFirst().orElseThrow();
        Map<String, String> form = post.form();
        assertEquals("@noa@far.example Shalom Noa, on it", form.get("status"));
        assertEquals(id, form.get("in_reply_to_id"));
        assertEquals(visibility, form.get("visibility"));
        assertNotNull(post.header("Idempotency-Key"));
        assertEquals("Bearer " + FakeMastodon.TOKEN, post.header("Authorization"), "the token is trimmed");
        assertNotNull(h.queries.show(1).conversation().firstReplyAt());
    }

    @Test
    void aReplyWhoseAnswerIsLostIsSentOnceWhenRetried() {
        janeAskedAndAliceReplied();
        fake.http.dropAfterWork("POST", "/api/v1/statuses");
        h.drain(h.dispatcher());
        assertEquals(1, fake.posted.size(), "the instance applied it");
        assertEquals(1, fake.http.count("POST", "/api/v1/statuses"), "one POST so far");
        assertNull(h.queries.show(1).conversation().firstReplyAt(), "but we never heard");
        h.clock.advance(Duration.ofSeconds(2));
        h.drain(h.dispatcher());
        assertEquals(1, fake.http.count("POST", "/api/v1/statuses"), "an unknown outcome is looked up before any resend");
        assertEquals(1, fake.posted.size(), "the customer sees exactly one reply");
        assertNotNull(h.queries.show(1).conversation().firstReplyAt());
        assertEquals(0, h.outboxBacklog());
    }

    @Test
    void aRetryAfterTheInstanceForgotTheKeyLooksBeforeItSends() {
        janeAskedAndAliceReplied();
        fake.http.dropAfterWork("POST", "/api/v1/statuses");
        h.drain(h.dispatcher());
        // The instance then fails for more than the hour it keeps Idempotency-Keys.
        for (int i = 0; i < 16; i++) {
            h.clock.advance(Duration.ofMinutes(5));
            fake.http.failNext("/api/v1/statuses", Response.json(503, Map.of("error", "down")));
            h.drain(h.dispatcher());
        }
        fake.forgetIdempotencyKeys();
        h.clock.advance(Duration.ofMinutes(5));
        h.drain(h.dispatcher());
        assertEquals(1, fake.posted.size(), "found among the brand's statuses, not posted again");
        assertEquals(1, fake.http.count("POST", "/api/v1/statuses"));
        assertNotNull(h.queries.show(1).conversation().firstReplyAt());
    }

    @Test
    void aCrashBetweenSendingAndRecordingNeverRepliesTwice() {
        janeAskedAndAliceReplied();
        assertThrows(Crash.class, () -> h.drain(h.dispatcher(Crash.at("reply:after-send"))));
        assertEquals(1, fake.posted.size());
        restart();
        h.drain(h.dispatcher());
        assertEquals(1, fake.posted.size(), "found among the brand's statuses, not sent again");
        assertEquals(1, fake.http.count("POST", "/api/v1/statuses"));
        assertNotNull(h.queries.show(1).conversation().firstReplyAt());
    }

    @Test
    void aReplyBehindABacklogOfTheBrandsStatusesIsStillFoundAfterARestart() {
        janeAskedAndAliceReplied();
        assertThrows(Crash.class, () -> h.drain(h.dispatcher(Crash.at("reply:after-send"))));
        assertEquals(1, fake.posted.size());
        // Meanwhile the brand posts more than a page of statuses from the app, and the key expires.
        for (int i = 0; i < 2 * MastodonSource.PAGE + 5; i++) {
            fake.brandStatus("<p>news " + i + "</p>", null, "public");
        }
        fake.forgetIdempotencyKeys();
        restart();
        fake.http.clearRequests();
        h.drain(h.dispatcher());
        assertEquals(1, fake.posted.size(), "found behind the backlog, not sent again");
        assertEquals(0, fake.http.count("POST", "/api/v1/statuses"), "nothing posted after the restart");
        assertNotNull(h.queries.show(1).conversation().firstReplyAt());
        assertTrue(fake.http.requests().stream().filter(r -> r.path().endsWith("/statuses") && r.method().equals("GET"))
                .allMatch(r -> r.param("min_id") != null), "paged forward from the customer's status");
    }

    @Test
    void a429IsWaitedOutAsAsked() {
        world();
        poll();
        fake.http.failNext("/api/v1/notifications", Response.status(429, Map.of("Retry-After", "120"),
                "{\"error\":\"Too many requests\"}"));
        assertEquals(-1, poll());
        long calls = fake.http.requests().size();
        h.clock.advance(Duration.ofSeconds(119));
        poll();
        assertEquals(calls, fake.http.requests().size(), "no call before Retry-After");
        h.clock.advance(Duration.ofSeconds(1));
        assertEquals(0, poll());
    }

    @Test
    void aSpentBudgetHoldsCallsUntilTheReset() {
        world();
        poll();
        Instant reset = h.clock.instant().plus(Duration.ofMinutes(4));
        fake.http.everyResponse("X-RateLimit-Limit", "300");
        fake.http.everyResponse("X-RateLimit-Remaining", "0");
        fake.http.everyResponse("X-RateLimit-Reset", "2026-11-23T09:04:00.019685Z");
        mention(jane, "<p>@acme hello</p>", "public", null);
        poll();
        fake.http.everyResponse("X-RateLimit-Remaining", "299");
        long calls = fake.http.requests().size();
        h.clock.advance(Duration.ofSeconds(30));
        assertEquals(-1, poll(), "the next poll waits for the reset instead of calling");
        assertEquals(calls, fake.http.requests().size());
        h.clock.advance(Duration.between(h.clock.instant(), reset).plusSeconds(1));
        assertTrue(poll() >= 0);
        assertTrue(fake.http.requests().size() > calls);
    }

    @Test
    void a5xxBacksOff() {
        world();
        poll();
        fake.http.failNext("/api/v1/notifications", Response.json(503, Map.of("error", "busy")));
        assertEquals(-1, poll());
        long calls = fake.http.requests().size();
        h.clock.advance(Duration.ofMillis(900));
        poll();
        assertEquals(calls, fake.http.requests().size(), "backing off for 1 s");
        h.clock.advance(Duration.ofMillis(100));
        assertEquals(0, poll());
        assertEquals(HealthBoard.Status.OK, h.health.overall());
    }

    @Test
    void aRevokedTokenDegradesTheSourceAndStopsCallingUntilTheProbe() {
        world();
        poll();
        fake.acceptedToken = "another";
        assertEquals(-1, poll());
        HealthBoard.Entry entry = h.health.snapshot().get("source:" + NAME);
        assertEquals(HealthBoard.Status.DEGRADED, entry.status());
        assertTrue(entry.reason().contains("401"), entry.reason());
        assertFalse(entry.reason().contains(FakeMastodon.TOKEN), "no token in the reason");
        long calls = fake.http.requests().size();
        h.clock.advance(Duration.ofSeconds(59));
        poll();
        assertEquals(calls, fake.http.requests().size(), "no calls until the probe");
        fake.acceptedToken = FakeMastodon.TOKEN;
        h.clock.advance(Duration.ofSeconds(1));
        assertEquals(0, poll());
        assertEquals(HealthBoard.Status.OK, h.health.overall());
    }

    @Test
    void aTooLongReplyIsRefusedBeforeAnythingIsSent() {
        world();
        poll();
        mention(jane, "<p>@acme hi</p>", "public", null);
        poll();
        h.drain(h.dispatcher());
        String family = "👩‍👩‍👧‍👦";
        String answer = h.as("alice", "reply 1 " + family.repeat(501));
        assertTrue(answer.contains("507 characters long; Mastodon allows 500"), answer);
        // Fits alone, but not with "@jane " in front: refused when typed, counted as it will be posted.
        assertEquals("That reply is 502 characters long; Mastodon allows 500. Shorten it by 2. Nothing was sent.",
                h.as("alice", "reply 1 " + family.repeat(496)));
        h.drain(h.dispatcher());
        assertEquals(0, fake.http.count("POST", "/api/v1/statuses"));
        assertTrue(h.chat.notices.isEmpty(), "never told it was on its way: " + h.chat.notices);
        h.as("alice", "reply 1 " + family.repeat(494));
        h.drain(h.dispatcher());
        assertEquals(1, fake.posted.size(), "500 graphemes with the mention: accepted");
    }

    /** Jane's mention is on a card, and alice's reply "Hi Jane!" waits in the outbox. */
    private void janeAskedAndAliceReplied() {
        world();
        poll();
        mention(jane, "<p>@acme hello</p>", "public", null);
        poll();
        h.drain(h.dispatcher());
        h.as("alice", "reply 1 Hi Jane!");
    }
}
