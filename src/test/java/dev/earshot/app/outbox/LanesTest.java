package dev.earshot.app.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.app.Telemetry;
import dev.earshot.core.Card;
import dev.earshot.core.ChatRef;
import dev.earshot.core.Effect;
import dev.earshot.core.Message;
import dev.earshot.core.Platform;
import dev.earshot.core.Target;
import dev.earshot.port.DeliveryException;
import dev.earshot.port.SocialSource;
import dev.earshot.port.Store.OutboxRow;
import dev.earshot.source.demo.DemoSource;
import dev.earshot.testing.ForwardingChat;
import dev.earshot.testing.Harness;
import dev.earshot.testing.RecordingChat;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lane per target, on the lanes' own threads: a call that hangs holds its own target only, a
 * busy lane is not started twice, a conversation's card says "replied" only after the customer got
 * the reply, and a stop is bounded even with a call that never returns.
 */
class LanesTest {
    private static final Duration SOON = Duration.ofSeconds(10);
    @TempDir
    Path dir;
    Harness h;
    Dispatcher dispatcher;
    final CountDownLatch release = new CountDownLatch(1);

    /** A chat whose posts in one channel hang until the test lets them go. */
    final class HangingChat extends ForwardingChat {
        final String hangIn;
        final AtomicInteger hung = new AtomicInteger();

        HangingChat(String hangIn) {
            super(new RecordingChat());
            this.hangIn = hangIn;
        }

        @Override
        public ChatRef postCard(String channel, Card card, String key) throws DeliveryException {
            hangIf(channel);
            return super.postCard(channel, card, key);
        }

        @Override
        public ChatRef postInChannel(String channel, String text, List<dev.earshot.core.Member> mention, String key)
                throws DeliveryException {
            hangIf(channel);
            return super.postInChannel(channel, text, mention, key);
        }

        private void hangIf(String channel) throws DeliveryException {
            if (channel.equals(hangIn)) {
                hung.incrementAndGet();
                hang();
            }
        }
    }

    /** The demo source, whose replies hang until the test lets them go. */
    final class HangingSource implements SocialSource {
        final DemoSource demo;

        HangingSource(DemoSource demo) {
            this.demo = demo;
        }

        @Override
        public String name() {
            return demo.name();
        }

        @Override
        public Platform platform() {
            return demo.platform();
        }

        @Override
        public Fetch fetchSince(Optional<String> cursor) throws DeliveryException {
            return demo.fetchSince(cursor);
        }

        @Override
        public SentReply reply(Message to, String text, String key) throws DeliveryException {
            hang();
            return demo.reply(to, text, key);
        }

        @Override
        public Optional<SentReply> findReply(Message to, String key) throws DeliveryException {
            return demo.findReply(to, key);
        }

        @Override
        public int maxReplyLength() {
            return demo.maxReplyLength();
        }
    }

    private void hang() throws DeliveryException {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException(DeliveryException.Kind.TRANSIENT, "interrupted");
        }
    }

    @AfterEach
    void tearDown() {
        release.countDown();
        if (dispatcher != null) {
            dispatcher.stop(Duration.ofSeconds(5));
        }
        h.close();
    }

    private Dispatcher dispatcher(ForwardingChat chat) {
        dispatcher = new Dispatcher(h.store, chat, h.sources, h.team, h.health, h.clock, ZoneOffset.UTC, h.backoff,
                Dispatcher.CrashPoints.NONE, Telemetry.NONE);
        return dispatcher;
    }

    private void enqueue(Effect effect, Target target) {
        h.store.write(tx -> tx.enqueue(effect, target, h.clock.instant()));
    }

    @Test
    void aHangingChannelHoldsNoOtherChannelAndIsNotStartedTwice() {
        HangingChat chat = new HangingChat("archive");
        h = new Harness(dir, chat.inner);
        enqueue(new Effect.ChannelPost(0, "for the archive", List.of()), Target.chat("archive"));
        h.poller().pollOnce();
        Dispatcher d = dispatcher(chat);

        d.tick();
        await().atMost(SOON).until(() -> chat.inner.cards.size() == 4 && chat.hung.get() == 1);
        for (int i = 0; i < 5; i++) {
            d.tick();
        }
        await().atMost(SOON).until(() -> chat.inner.thread.size() == 1);
        assertEquals(1, chat.hung.get(), "a busy lane is skipped, never started twice");
        assertTrue(chat.inner.channelPosts.isEmpty());

        release.countDown();
        await().atMost(SOON).until(() -> chat.inner.channelPosts.size() == 1);
        await().atMost(SOON).until(() -> h.outboxBacklog() == 0);
        assertEquals(1, chat.inner.channelPosts.size(), "the archive's post went out once");
    }

    @Test
    void aHangingReplyDelaysNoCardAndTheCardSaysRepliedOnlyOnceItIsDelivered() {
        RecordingChat recording = new RecordingChat();
        ForwardingChat chat = new ForwardingChat(recording) { };
        h = new Harness(dir, recording, clock -> new HangingSource(new DemoSource("demo", 42, "acme", clock)));
        h.poller().pollOnce();
        Dispatcher d = dispatcher(chat);
        h.drain(d);
        h.as("alice", "reply 2 Hi Greg, how can we help?");

        d.tick();
        await().atMost(SOON).until(() -> replyRow().map(OutboxRow::sending).orElse(false));
        h.store.write(tx -> tx.enqueue(new Effect.ThreadPost(1, "a teammate's note"), Target.chat("support"),
                h.clock.instant()));
        d.tick();
        await().atMost(SOON).until(() -> recording.thread.stream().anyMatch(t -> t.text().equals("a teammate's note")));
        assertTrue(recording.thread.stream().noneMatch(t -> t.text().contains("replied to the customer")),
                "nothing says replied while the reply is on its way");

        release.countDown();
        await().atMost(SOON).until(() -> replyRow().isEmpty());
        d.tick();
        await().atMost(SOON).until(() -> recording.thread.stream()
                .anyMatch(t -> t.text().equals("↩️ @alice replied to the customer: Hi Greg, how can we help?")));
        await().atMost(SOON).until(() -> recording.latest(2).stateLine().startsWith("✅ replied by @alice"));
    }

    @Test
    @Timeout(30)
    void aHangingReplyCannotHoldTheStopAndStaysSendingForTheNextStart() {
        RecordingChat recording = new RecordingChat();
        h = new Harness(dir, recording, clock -> new HangingSource(new DemoSource("demo", 42, "acme", clock)));
        h.poller().pollOnce();
        Dispatcher d = dispatcher(new ForwardingChat(recording) { });
        h.drain(d);
        h.as("alice", "reply 2 Hi Greg");
        d.tick();
        await().atMost(SOON).until(() -> replyRow().map(OutboxRow::sending).orElse(false));

        long started = System.nanoTime();
        d.stop(Duration.ofMillis(500));
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        dispatcher = null;

        assertTrue(tookMillis < 2_000, "stopped in " + tookMillis + " ms");
        assertTrue(replyRow().orElseThrow().sending(), "its outcome is unknown: looked up before any resend");
        d.tick();
        assertTrue(h.outboxBacklog() > 0, "a stopped dispatcher takes no new rows");
    }

    private Optional<OutboxRow> replyRow() {
        return h.store.read(tx -> tx.dueOutbox(h.clock.instant().plus(Duration.ofDays(1)), 50)).stream()
                .filter(r -> r.effect() instanceof Effect.CustomerReply).findFirst();
    }
}
