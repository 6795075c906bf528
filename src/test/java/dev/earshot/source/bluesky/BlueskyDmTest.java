package dev.earshot.source.bluesky;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.config.BlueskySourceConfig;
import dev.earshot.config.Secret;
import dev.earshot.core.Message;
import dev.earshot.core.MessageKind;
import dev.earshot.port.DeliveryException;
import dev.earshot.port.SocialSource.Fetch;
import dev.earshot.port.SocialSource.SentReply;
import dev.earshot.source.http.FakeHttpServer;
import dev.earshot.app.Poller;
import dev.earshot.testing.Harness;
import dev.earshot.testing.RecordingChat;
import dev.earshot.testing.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bluesky direct messages through the PDS's chat proxy, against the fake. */
class BlueskyDmTest {
    static final String JANE = "did:plc:jane000000000000000000000";
    static final String CONVO = "convo-jane000000000000000000000";
    final TestClock clock = TestClock.at("2026-11-23T09:00:00Z");
    final FakeBluesky fake = new FakeBluesky(clock);

    @AfterEach
    void tearDown() {
        fake.close();
    }

    private BlueskySource source(boolean directMessages) {
        return source(directMessages, clock);
    }

    private BlueskySource source(boolean directMessages, java.time.Clock clock) {
        return new BlueskySource(new BlueskySourceConfig("acme-bsky", FakeBluesky.HANDLE,
                new Secret(FakeBluesky.PASSWORD), fake.http.uri(), Duration.ofSeconds(30), Duration.ofHours(24), 200,
                List.of(), directMessages), FakeHttpServer.client(), clock, Duration.ofSeconds(5));
    }

    private List<Message> dms(Fetch f) {
        return f.messages().stream().filter(m -> m.kind() == MessageKind.DM).toList();
    }

    @Test
    void offByDefaultNoChatCalls() throws Exception {
        fake.dm(JANE, "jane.bsky.social", "hello?", clock.instant());
        Fetch f = source(false).fetchSince(Optional.empty());
        assertEquals(List.of(), dms(f));
        assertTrue(fake.http.requests().stream().noneMatch(r -> r.path().contains("chat.bsky")));
        assertTrue(f.nextCursor().contains("|"), "the cursor stays plain");
    }

    @Test
    void dmsAreReadThroughTheProxyAndAnsweredInTheConversation() throws Exception {
        BlueskySource s = source(true);
        fake.dm(JANE, "jane.bsky.social", "last year", clock.instant().minus(Duration.ofHours(30)));
        String id = fake.dm(JANE, "jane.bsky.social", "where is my order?", clock.instant().minus(Duration.ofMinutes(5)));
        Fetch first = s.fetchSince(Optional.empty());
        assertEquals(List.of(id), dms(first).stream().map(Message::externalId).toList(), "only the backfill window");
        Message dm = dms(first).get(0);
        assertEquals("jane.bsky.social", dm.author().handle());
        assertEquals("convo:" + CONVO, dm.threadKey());
        assertTrue(fake.http.requests().stream().filter(r -> r.path().contains("chat.bsky"))
                .allMatch(r -> "did:web:api.bsky.chat#bsky_chat".equals(r.header("atproto-proxy"))));

        clock.advance(Duration.ofMinutes(1));
        String again = fake.dm(JANE, "jane.bsky.social", "hello??", clock.instant());
        Fetch next = s.fetchSince(Optional.of(first.nextCursor()));
        assertEquals(List.of(again), dms(next).stream().map(Message::externalId).filter(x -> !x.equals(id)).toList(),
                "the new one; the newest seen before may come again and the store drops it");

        SentReply sent = s.reply(dm, "Sorry Jane, it ships today.", "key-1");
        assertEquals(List.of("Sorry Jane, it ships today."), fake.brandDms(CONVO));
        assertEquals(Optional.of(sent.externalId()), s.findReply(dm, "key-1").map(SentReply::externalId));
    }

    @Test
    void aLostAnswerIsSettledByReadingTheConversationNotBySendingTwice() throws Exception {
        BlueskySource s = source(true);
        fake.dm(JANE, "jane.bsky.social", "refund?", clock.instant());
        Message dm = dms(s.fetchSince(Optional.empty())).get(0);
        clock.advance(Duration.ofSeconds(10));
        fake.http.dropAfterWork("POST", "/xrpc/chat.bsky.convo.sendMessage");
        DeliveryException lost = assertThrows(DeliveryException.class, () -> s.reply(dm, "Refunded.", "key-2"));
        assertEquals(DeliveryException.Kind.TRANSIENT, lost.kind());
        assertTrue(s.findReply(dm, "key-2").isPresent(), "found among the conversation's recent messages");
        s.reply(dm, "Refunded.", "key-2");
        assertEquals(List.of("Refunded."), fake.brandDms(CONVO), "the customer got it once");
    }

    @Test
    void anAnswerFromTheBlueskyAppCounts() throws Exception {
        BlueskySource s = source(true);
        String id = fake.dm(JANE, "jane.bsky.social", "refund?", clock.instant());
        Fetch first = s.fetchSince(Optional.empty());
        clock.advance(Duration.ofMinutes(1));
        String ours = fake.brandDm(CONVO, "done, from the app");
        Fetch next = s.fetchSince(Optional.of(first.nextCursor()));
        assertTrue(next.brandReplies().stream().anyMatch(r -> r.externalId().equals(ours) && r.inReplyTo().equals(id)));
        assertTrue(dms(next).stream().noneMatch(m -> m.externalId().equals(ours)), "never ingested as a customer's");
    }

    @Test
    void aDmBecomesACardAndTheTeamsReplyReachesTheConversationOnce(@TempDir Path dir) {
        Harness h = new Harness(dir, new RecordingChat(), c -> {
            c.advance(Duration.between(c.instant(), clock.instant()));
            fake.clock = c;
            return source(true, c);
        });
        try {
            fake.dm(JANE, "jane.bsky.social", "my parcel never came", h.clock.instant());
            Poller poller = h.poller();
            assertEquals(1, poller.pollOnce().orElseThrow().opened());
            h.drain(h.dispatcher());
            assertEquals(MessageKind.DM, h.store.read(tx -> tx.customerMessages(1)).get(0).kind());
            assertEquals(1, h.chat.cards.size());
            h.as("alice", "reply 1 So sorry, a new one is on its way.");
            h.drain(h.dispatcher());
            assertEquals(List.of("So sorry, a new one is on its way."), fake.brandDms(CONVO));
            h.clock.advance(Duration.ofMinutes(1));
            assertEquals(0, poller.pollOnce().orElseThrow().opened(), "our own message is not a customer's");
            h.drain(h.dispatcher());
            assertEquals(List.of("So sorry, a new one is on its way."), fake.brandDms(CONVO));
        } finally {
            h.close();
        }
    }

    @Test
    void anAppPasswordWithoutDmAccessNeedsAHuman() {
        fake.dmAccess = false;
        DeliveryException e = assertThrows(DeliveryException.class, () -> source(true).fetchSince(Optional.empty()));
        assertEquals(DeliveryException.Kind.BROKEN, e.kind());
        assertTrue(e.getMessage().contains("Allow access to your direct messages"), e.getMessage());
    }
}
