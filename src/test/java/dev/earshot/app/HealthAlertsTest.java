package dev.earshot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.earshot.core.Author;
import dev.earshot.core.Message;
import dev.earshot.core.MessageKind;
import dev.earshot.core.Platform;
import dev.earshot.port.DeliveryException;
import dev.earshot.port.SocialSource;
import dev.earshot.testing.Harness;
import dev.earshot.testing.RecordingChat;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RELIABILITY 22: a source that needs a human is told in chat once, and once when it works again. */
class HealthAlertsTest {
    @TempDir
    Path dir;
    Harness h;

    @AfterEach
    void close() {
        h.close();
    }

    /** A source whose token can be revoked and restored. */
    static final class Switchable implements SocialSource {
        volatile DeliveryException failure;
        volatile DeliveryException replyFailure;
        volatile Message pending;
        int calls;

        @Override
        public String name() {
            return "acme-mastodon";
        }

        @Override
        public Platform platform() {
            return Platform.MASTODON;
        }

        @Override
        public Fetch fetchSince(Optional<String> cursor) throws DeliveryException {
            calls++;
            if (failure != null) {
                throw failure;
            }
            List<Message> found = pending == null ? List.of() : List.of(pending);
            pending = null;
            return new Fetch(found, "c" + calls);
        }

        @Override
        public SentReply reply(Message to, String text, String idempotencyKey) throws DeliveryException {
            if (replyFailure != null) {
                throw replyFailure;
            }
            return new SentReply("r-" + to.externalId(), null, to.createdAt());
        }

        @Override
        public Optional<SentReply> findReply(Message to, String idempotencyKey) {
            return Optional.empty();
        }

        @Override
        public int maxReplyLength() {
            return 500;
        }
    }

    private List<String> channelLines() {
        h.drain(h.dispatcher());
        return h.chat.channelPosts.stream().map(p -> p.channel() + ": " + p.text()).toList();
    }

    @Test
    void oneAlertWhileBrokenAndOneWhenItWorksAgain() {
        Switchable source = new Switchable();
        h = new Harness(dir, new RecordingChat(), clock -> source);
        Poller poller = h.poller();
        poller.pollOnce();
        assertEquals(List.of(), channelLines(), "a working source says nothing");

        source.failure = new DeliveryException(DeliveryException.Kind.BROKEN,
                "Mastodon: GET /api/v1/notifications answered 401 (The access token is invalid)");
        poller.pollOnce();
        for (int i = 0; i < 5; i++) {
            h.clock.advance(Duration.ofMinutes(31));
            poller.pollOnce();
        }
        assertEquals(6, source.calls - 1, "it keeps probing");
        assertEquals(List.of("support: ⚠️ Mastodon source acme-mastodon needs a human: Mastodon: GET "
                + "/api/v1/notifications answered 401 (The access token is invalid). Earshot keeps trying, next in "
                + "1 minute, then at most every 30 minutes; nothing is lost."), channelLines(), "told once, not per probe");
        assertEquals(HealthBoard.Status.DEGRADED, h.health.snapshot().get("source:acme-mastodon").status());

        source.failure = null;
        h.clock.advance(Duration.ofMinutes(31));
        poller.pollOnce();
        poller.pollOnce();
        assertEquals(2, channelLines().size());
        assertEquals("support: ✅ Mastodon source acme-mastodon works again.", channelLines().get(1));
    }

    @Test
    void aTokenRefusedOnAReplyIsAlertedOnceToo() {
        Switchable source = new Switchable();
        h = new Harness(dir, new RecordingChat(), clock -> source);
        Poller poller = h.poller();
        source.pending = new Message(Platform.MASTODON, "acme-mastodon", "m1",
                new Author(Platform.MASTODON, "jane@social.example", "Jane", 10, null), "help", null,
                h.clock.instant(), MessageKind.MENTION, null, "m1");
        poller.pollOnce();
        h.drain(h.dispatcher());
        source.replyFailure = new DeliveryException(DeliveryException.Kind.BROKEN, "Mastodon: 401 (token revoked)");
        source.failure = source.replyFailure;
        h.as("alice", "reply 1 On it");
        h.drain(h.dispatcher());
        h.clock.advance(Duration.ofMinutes(2));
        poller.pollOnce();
        assertEquals(List.of("support: ⚠️ Mastodon source acme-mastodon (sending replies) needs a human: Mastodon: 401"
                + " (token revoked). Earshot keeps trying, next in 1 minute, then at most every 30 minutes; nothing is lost.",
                "support: ⚠️ Mastodon source acme-mastodon needs a human: Mastodon: 401 (token revoked)."
                + " Earshot keeps trying, next in 1 minute, then at most every 30 minutes; nothing is lost."),
                channelLines(), "replying and reading are told apart, each once");
    }

    @Test
    void passingFailuresAreNotAlerted() {
        Switchable source = new Switchable();
        h = new Harness(dir, new RecordingChat(), clock -> source);
        Poller poller = h.poller();
        source.failure = new DeliveryException(DeliveryException.Kind.TRANSIENT, "Mastodon answered 503");
        poller.pollOnce();
        h.clock.advance(Duration.ofMinutes(10));
        source.failure = null;
        poller.pollOnce();
        assertEquals(List.of(), channelLines(), "a 5xx backs off quietly; only a human-needed failure is told");
    }
}
