package dev.earshot.source.bluesky;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.earshot.app.HealthBoard;
import dev.earshot.app.Poller;
import dev.earshot.config.BlueskySourceConfig;
import dev.earshot.config.Secret;
import dev.earshot.core.MessageKind;
import dev.earshot.core.State;
import dev.earshot.source.http.FakeHttpServer;
import dev.earshot.source.http.FakeHttpServer.Response;
import dev.earshot.testing.Crash;
import dev.earshot.testing.Harness;
import dev.earshot.testing.RecordingChat;
import dev.earshot.testing.TestClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real Bluesky adapter against a fake PDS, through Poller, Inbox, a SQLite store and the dispatcher. */
class BlueskyEndToEndTest {
    static final String NAME = "acme-bsky";
    static final String JANE = "did:plc:jane00000000000000000000";

    @TempDir
    Path dir;
    FakeBluesky fake;
    Harness h;
    BlueskySource source;
    Poller poller;

    @AfterEach
    void tearDown() {
        if (h != null) {
            h.close();
        }
        fake.close();
    }

    private void world(Duration backfill, int backfillMax) {
        fake = new FakeBluesky(TestClock.at("2026-11-23T09:00:00Z"));
        open(backfill, backfillMax, Instant.parse("2026-11-23T09:00:00Z"));
    }

    private void world() {
        world(Duration.ofHours(24), 200);
    }

    private void open(Duration backfill, int backfillMax, Instant at) {
        if (h != null) {
            h.close();
        }
        poller = null;
        BlueskySourceConfig config = new BlueskySourceConfig(NAME, FakeBluesky.HANDLE,
                new Secret(FakeBluesky.PASSWORD + "\n"), fake.http.uri(), Duration.ofSeconds(30), backfill, backfillMax);
        h = new Harness(dir, new RecordingChat(), clock -> {
            clock.advance(Duration.between(clock.instant(), at));
            source = new BlueskySource(config, FakeHttpServer.client(), clock, Duration.ofSeconds(5));
            return source;
        });
        fake.clock = h.clock;
    }

    private void restart() {
        open(Duration.ofHours(24), 200, h.clock.instant());
    }

    private int poll() {
        if (poller == null) {
            poller = h.poller();
        }
        return poller.pollOnce().map(i -> i.opened() + i.joined()).orElse(-1);
    }

    private String jane(String text) {
        return fake.post(JANE, "jane.bsky.social", text, "mention", null, h.clock.instant());
    }

    @Test
    void firstStartReadsOnlyTheBackfillWindowAndAtMostTheMax() {
        world(Duration.ofHours(24), 3);
        Instant now = h.clock.instant();
        for (int i = 0; i < 4; i++) {
            fake.post(JANE, "jane.bsky.social", "old " + i, "mention", null, now.minus(Duration.ofHours(30)));
        }
        for (int i = 0; i < 5; i++) {
            // Half an hour apart: the ones left out are further behind the cursor than its overlap.
            fake.post(JANE, "jane.bsky.social", "new " + i, "mention", null, now.minus(Duration.ofMinutes(30L * (5 - i))));
        }
        assertEquals(3, poll(), "the newest three inside 24 h");
        h.drain(h.dispatcher());
        assertTrue(h.chat.cards.stream().allMatch(c -> c.card().text().startsWith("new ")));
        assertEquals(0, poll());
    }

    @Test
    void readsBackwardsUntilWhatWasSeenAndTheCursorSurvivesARestart() {
        world();
        assertEquals(0, poll());
        for (int i = 0; i < 120; i++) {
            fake.post("did:plc:p" + i, "p" + i + ".bsky.social", "help " + i, "mention", null,
                    h.clock.instant().minus(Duration.ofMinutes(120 - i)));
        }
        fake.http.clearRequests();
        assertEquals(120, poll());
        assertEquals(3, fake.http.count("GET", "/xrpc/app.bsky.notification.listNotifications"), "50 + 50 + 20");
        assertEquals(5, fake.http.count("GET", "/xrpc/app.bsky.actor.getProfiles"), "25 authors a call");
        restart();
        for (int i = 0; i < 7; i++) {
            h.clock.advance(Duration.ofSeconds(1));
            jane("again " + i);
            h.clock.advance(Duration.ofSeconds(1));
        }
        fake.http.clearRequests();
        assertEquals(7, poll(), "only what came after the stored cursor");
        assertEquals(1, fake.http.count("GET", "/xrpc/app.bsky.notification.listNotifications"),
                "one page reaches what was seen, and the ten minutes' overlap behind it");
        assertEquals(2, fake.logins, "one login per process start, none per poll");
    }

    @Test
    void mapsAuthorsThreadsAndKindsAndDropsDuplicates() {
        world();
        poll();
        fake.followers(JANE, 1_240);
        String first = jane("@acme.bsky.social my order is late 📦");
        poll();
        h.drain(h.dispatcher());
        h.as("alice", "reply 1 Sorry Jane!");
        h.drain(h.dispatcher());
        assertEquals(1, fake.created.size());
        String ourUri = fake.http.requests().stream().filter(r -> r.path().endsWith("createRecord")).findFirst()
                .map(r -> "at://" + FakeBluesky.BRAND + "/app.bsky.feed.post/" + r.json().path("rkey").asText()).orElseThrow();
        String followUp = fake.post(JANE, "jane.bsky.social", "any news?", "reply", ourUri, h.clock.instant());
        fake.echo(followUp, "mention");
        assertEquals(1, poll(), "the same post as reply and as mention is one message");
        var messages = h.store.read(tx -> tx.customerMessages(1));
        assertEquals(2, messages.size(), "the reply joined the conversation of its thread root");
        assertEquals(first, messages.get(0).threadKey());
        assertEquals(first, messages.get(1).threadKey());
        assertEquals(MessageKind.REPLY, messages.get(1).kind());
        assertEquals(ourUri, messages.get(1).inReplyTo());
        assertEquals("jane.bsky.social", messages.get(0).author().handle());
        assertEquals(1_240, messages.get(0).author().followers());
        assertEquals("https://bsky.app/profile/jane.bsky.social/post/" + first.substring(first.lastIndexOf('/') + 1),
                messages.get(0).url());
    }

    @Test
    void ourOwnReplySeenAgainMakesNoCard() {
        world();
        poll();
        jane("hello");
        poll();
        h.drain(h.dispatcher());
        h.as("alice", "reply 1 Hi Jane!");
        h.drain(h.dispatcher());
        String ours = "at://" + FakeBluesky.BRAND + "/app.bsky.feed.post/" + fake.http.requests().stream()
                .filter(r -> r.path().endsWith("createRecord")).findFirst().orElseThrow().json().path("rkey").asText();
        fake.echo(ours, "mention");
        assertEquals(0, poll());
        h.drain(h.dispatcher());
        assertEquals(1, h.chat.cards.size());
        assertFalse(h.chat.thread.stream().anyMatch(t -> t.text().startsWith("✅ Answered from")));
    }

    @Test
    void anAnswerFromTheBlueskyAppMarksTheConversationAnswered() {
        world();
        poll();
        String uri = jane("where is my parcel?");
        poll();
        h.drain(h.dispatcher());
        h.clock.advance(Duration.ofMinutes(3));
        fake.brandPost("@jane.bsky.social it left today", uri);
        poll();
        h.drain(h.dispatcher());
        assertEquals(State.REPLIED, h.queries.show(1).conversation().state());
        assertEquals("✅ answered outside Earshot in 3m", h.chat.latest(1).stateLine());
        assertTrue(h.chat.thread.stream().anyMatch(t -> t.text().equals(
                "✅ Answered from Bluesky directly: @jane.bsky.social it left today")));
    }

    @Test
    void aReplyCarriesRootParentAMentionFacetInBytesAndADerivedRecordKey() {
        world();
        poll();
        String root = fake.brandPost("We are live! 🎉", null);
        String parent = fake.post(JANE, "jane.bsky.social", "👩‍👩‍👧‍👦 is it down?", "reply", root, h.clock.instant());
        poll();
        h.drain(h.dispatcher());
        h.as("alice", "reply 1 🙏🏽 @jane.bsky.social see https://status.acme.example/ü now");
        h.drain(h.dispatcher());
        JsonNode input = fake.http.requests().stream().filter(r -> r.path().endsWith("createRecord")).findFirst()
                .orElseThrow().json();
        JsonNode record = input.path("record");
        assertEquals(FakeBluesky.BRAND, input.path("repo").asText());
        assertEquals("app.bsky.feed.post", input.path("collection").asText());
        assertTrue(Tid.valid(input.path("rkey").asText()), input.path("rkey").asText());
        String text = "@jane.bsky.social 🙏🏽 @jane.bsky.social see https://status.acme.example/ü now";
        assertEquals(text, record.path("text").asText());
        assertEquals(parent, record.path("reply").path("parent").path("uri").asText());
        assertEquals(root, record.path("reply").path("root").path("uri").asText(), "the parent's own root");
        assertFalse(record.path("reply").path("root").path("cid").asText().isEmpty());
        assertEquals(h.clock.instant().toString(), record.path("createdAt").asText());
        JsonNode facets = record.path("facets");
        assertEquals(3, facets.size());
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        assertEquals("@jane.bsky.social", slice(utf8, facets.get(0)));
        assertEquals(JANE, facets.get(0).path("features").get(0).path("did").asText());
        // 🙏🏽 is 8 bytes but 4 UTF-16 chars: a Java index would be off by four.
        assertEquals(27, facets.get(1).path("index").path("byteStart").asInt());
        assertEquals("@jane.bsky.social", slice(utf8, facets.get(1)));
        assertEquals("app.bsky.richtext.facet#link", facets.get(2).path("features").get(0).path("$type").asText());
        assertEquals("https://status.acme.example/ü", slice(utf8, facets.get(2)));
    }

    private static String slice(byte[] utf8, JsonNode facet) {
        int start = facet.path("index").path("byteStart").asInt();
        int end = facet.path("index").path("byteEnd").asInt();
        return new String(utf8, start, end - start, StandardCharsets.UTF_8);
    }

    @Test
    void aReplyWhoseAnswerIsLostIsFoundByItsRecordKeyWhenRetried() {
        world();
        poll();
        jane("hello");
        poll();
        h.drain(h.dispatcher());
        h.as("alice", "reply 1 Hi Jane!");
        fake.http.dropAfterWork("POST", "/xrpc/com.atproto.repo.createRecord");
        h.drain(h.dispatcher());
        assertEquals(1, fake.created.size(), "the PDS wrote it");
        assertNull(h.queries.show(1).conversation().firstReplyAt(), "but we never heard");
        h.clock.advance(Duration.ofSeconds(2));
        h.drain(h.dispatcher());
        assertEquals(1, fake.http.count("POST", "/xrpc/com.atproto.repo.createRecord"), "an unknown outcome is looked up by its rkey first");
        assertEquals(1, fake.created.size(), "the customer sees exactly one reply");
        assertNotNull(h.queries.show(1).conversation().firstReplyAt());
        assertEquals(0, h.outboxBacklog());
    }

    @Test
    void aCrashBetweenSendingAndRecordingIsSettledWithGetRecord() {
        world();
        poll();
        jane("hello");
        poll();
        h.drain(h.dispatcher());
        h.as("alice", "reply 1 Hi Jane!");
        assertThrows(Crash.class, () -> h.drain(h.dispatcher(Crash.at("reply:after-send"))));
        restart();
        h.drain(h.dispatcher());
        assertEquals(1, fake.created.size());
        assertEquals(1, fake.http.count("POST", "/xrpc/com.atproto.repo.createRecord"), "settled, not sent again");
        assertTrue(fake.http.count("GET", "/xrpc/com.atproto.repo.getRecord") >= 1);
        assertNotNull(h.queries.show(1).conversation().firstReplyAt());
    }

    @Test
    void anExpiredSessionIsRefreshedWithoutANewLogin() {
        world();
        poll();
        fake.expireSessions();
        jane("hello");
        assertEquals(1, poll());
        fake.expireSessions();
        h.clock.advance(Duration.ofHours(3));
        assertEquals(0, poll());
        assertEquals(1, fake.logins, "logged in once");
        assertEquals(2, fake.refreshes);
        assertEquals(2, source.refreshes());
    }

    @Test
    void a429WithAResetWaitsUntilIt() {
        world();
        poll();
        long reset = h.clock.instant().plusSeconds(300).getEpochSecond();
        fake.http.failNext("/xrpc/app.bsky.notification.listNotifications", Response.status(429,
                Map.of("RateLimit-Limit", "3000", "RateLimit-Remaining", "0", "RateLimit-Reset", Long.toString(reset)),
                "{\"error\":\"RateLimitExceeded\",\"message\":\"Rate Limit Exceeded\"}"));
        assertEquals(-1, poll());
        long calls = fake.http.requests().size();
        h.clock.advance(Duration.ofSeconds(299));
        poll();
        assertEquals(calls, fake.http.requests().size(), "no call before the reset");
        h.clock.advance(Duration.ofSeconds(1));
        assertEquals(0, poll());
    }

    @Test
    void a5xxBacksOff() {
        world();
        poll();
        fake.http.failNext("/xrpc/app.bsky.notification.listNotifications",
                Response.json(502, Map.of("error", "UpstreamFailure")));
        assertEquals(-1, poll());
        long calls = fake.http.requests().size();
        h.clock.advance(Duration.ofMillis(999));
        poll();
        assertEquals(calls, fake.http.requests().size());
        h.clock.advance(Duration.ofMillis(1));
        assertEquals(0, poll());
    }

    @Test
    void aRevokedAppPasswordDegradesTheSourceAndLoginsStayRare() {
        world();
        poll();
        fake.revoke();
        assertEquals(-1, poll());
        HealthBoard.Entry entry = h.health.snapshot().get("source:" + NAME);
        assertEquals(HealthBoard.Status.DEGRADED, entry.status());
        assertFalse(entry.reason().contains(FakeBluesky.PASSWORD), "no secret in the reason");
        assertTrue(entry.reason().contains("app password"), entry.reason());
        long calls = fake.http.requests().size();
        h.clock.advance(Duration.ofSeconds(59));
        poll();
        assertEquals(calls, fake.http.requests().size(), "no calls until the probe");
        h.clock.advance(Duration.ofMinutes(3));
        poll();
        assertEquals(calls, fake.http.requests().size(), "the probe waits for the login pause: no login storm");
        assertEquals(2, fake.logins);
        fake.restore();
        h.clock.advance(Duration.ofMinutes(30));
        assertEquals(0, poll());
        assertEquals(HealthBoard.Status.OK, h.health.overall());
        assertEquals(3, fake.logins);
    }

    @Test
    void lengthIsCountedInGraphemesAndBytesAsBlueskyCounts() {
        world();
        poll();
        jane("hi");
        poll();
        h.drain(h.dispatcher());
        assertEquals(1, dev.earshot.source.text.Graphemes.count("👩‍👩‍👧‍👦"), "one family, one grapheme");
        assertEquals(3, source.replyLength("👩‍👩‍👧‍👦"), "but 25 bytes: the byte limit weighs a tenth a byte");
        assertEquals(2, source.replyLength("🇫🇷x"), "a flag is one grapheme (8 bytes)");
        assertEquals(5, source.replyLength("مرحبا"));
        assertEquals(300, source.replyLength("a".repeat(300)));
        assertEquals(301, source.replyLength("שלום ".repeat(60) + "!"));
        // 120 families: 120 graphemes but 3,000 bytes: at the byte limit.
        assertEquals(300, source.replyLength("👩‍👩‍👧‍👦".repeat(120)));
        assertEquals(310, source.replyLength("👩‍👩‍👧‍👦".repeat(124)));
        String refused = h.as("alice", "reply 1 " + "👩‍👩‍👧‍👦".repeat(124));
        assertTrue(refused.contains("Bluesky allows 300"), refused);
        h.as("alice", "reply 1 " + "x".repeat(290));
        h.drain(h.dispatcher());
        assertEquals(0, fake.created.size(), "with @jane.bsky.social in front it is 308: refused before sending");
        assertTrue(h.chat.notices.stream().anyMatch(n -> n.contains("the reply is 308 characters")), h.chat.notices.toString());
    }
}
