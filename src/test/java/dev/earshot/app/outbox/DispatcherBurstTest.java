package dev.earshot.app.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.app.Telemetry;
import dev.earshot.core.Card;
import dev.earshot.core.ChatRef;
import dev.earshot.port.DeliveryException;
import dev.earshot.testing.Burst;
import dev.earshot.testing.Crash;
import dev.earshot.testing.ForwardingChat;
import dev.earshot.testing.Harness;
import dev.earshot.testing.RecordingChat;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Burst grouping in the dispatcher, against a chat that groups up to 20 cards a post. */
class DispatcherBurstTest {
    @TempDir
    Path dir;
    Harness h;
    GroupingChat chat = new GroupingChat();

    /** Remembers each grouped post as the list of its cards' keys; everything else as RecordingChat does. */
    static final class GroupingChat extends ForwardingChat {
        final List<List<Long>> groups = new ArrayList<>();
        final List<String> groupKeys = new ArrayList<>();
        final List<DeliveryException> failures = new ArrayList<>();

        GroupingChat() {
            super(new RecordingChat(Duration.ofSeconds(1)));
        }

        @Override
        public synchronized List<ChatRef> postCards(String channel, List<Card> cards, List<String> keys)
                throws DeliveryException {
            if (!failures.isEmpty()) {
                throw failures.remove(0);
            }
            int n = groups.size() + 1;
            groups.add(cards.stream().map(Card::conversationId).toList());
            groupKeys.addAll(keys);
            return cards.stream().map(c -> new ChatRef("fake:" + channel + ":group" + n + ":" + c.conversationId()))
                    .toList();
        }

        @Override
        public int maxCardsPerPost() {
            return 20;
        }

        @Override
        public synchronized Optional<ChatRef> findPosted(String channel, String key) {
            for (int g = 0, seen = 0; g < groups.size(); seen += groups.get(g).size(), g++) {
                int at = groupKeys.indexOf(key) - seen;
                if (at >= 0 && at < groups.get(g).size()) {
                    return Optional.of(new ChatRef("fake:" + channel + ":group" + (g + 1) + ":" + groups.get(g).get(at)));
                }
            }
            return inner.findPosted(channel, key);
        }

        Set<Long> visible() {
            Set<Long> ids = new HashSet<>();
            groups.forEach(ids::addAll);
            inner.cards.forEach(p -> ids.add(p.card().conversationId()));
            return ids;
        }
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    private void burst(int n) {
        h = new Harness(dir, chat.inner);
        h.ingest.ingest(h.demo, Burst.of(n, "demo", h.clock.instant()));
    }

    private Dispatcher dispatcher() {
        return new Dispatcher(h.store, chat, h.sources, h.team, h.health, h.clock, java.time.ZoneOffset.UTC,
                h.backoff, Dispatcher.CrashPoints.NONE, Telemetry.NONE);
    }

    @Test
    void aBurstIsGroupedAndEveryConversationGetsItsOwnReference() {
        burst(50);
        Dispatcher d = dispatcher();
        for (int second = 0; second < 3; second++) {
            d.drainOnce();
            h.clock.advance(Duration.ofSeconds(1));
        }
        assertEquals(List.of(20, 20, 10), chat.groups.stream().map(List::size).toList(), "a post a second, 20 a post");
        assertTrue(chat.inner.cards.isEmpty());
        assertEquals(50, chat.visible().size());
        assertEquals(0, h.outboxBacklog());
        assertEquals("fake:support:group1:1", h.queries.show(1).conversation().chatRef().value());
        assertEquals("fake:support:group3:50", h.queries.show(50).conversation().chatRef().value());
    }

    @Test
    void aFewNewCardsArePostedOneByOne() {
        burst(5);
        Dispatcher d = dispatcher();
        for (int second = 0; second < 5; second++) {
            d.drainOnce();
            h.clock.advance(Duration.ofSeconds(1));
        }
        assertTrue(chat.groups.isEmpty());
        assertEquals(5, chat.inner.cards.size());
    }

    @Test
    void laterUpdatesAndThreadPostsUseTheGroupedReference() {
        burst(10);
        Dispatcher d = dispatcher();
        d.drainOnce();
        h.as("alice", "claim 7");
        h.as("bob", "note 7 they are a regular");
        h.clock.advance(Duration.ofSeconds(1));
        d.drainOnce();
        assertEquals("fake:support:group1:7", chat.inner.updates.get(0).ref().value());
        assertEquals("🙋 claimed by @alice", chat.inner.updates.get(0).card().stateLine());
        assertEquals("fake:support:group1:7", chat.inner.thread.get(0).card().value());
    }

    @Test
    void aCrashAfterTheGroupedPostSettlesEachCardWithoutPostingTwice() {
        burst(12);
        Dispatcher crashing = new Dispatcher(h.store, chat, h.sources, h.team, h.health, h.clock,
                java.time.ZoneOffset.UTC, h.backoff, Crash.at("group:after-send"), Telemetry.NONE);
        assertThrows(Crash.class, crashing::drainOnce);
        assertEquals(1, chat.groups.size());
        h.restart();
        Dispatcher d = dispatcher();
        for (int second = 0; second < 3; second++) {
            d.drainOnce();
            h.clock.advance(Duration.ofSeconds(1));
        }
        assertEquals(1, chat.groups.size(), "nothing posted twice");
        assertTrue(chat.inner.cards.isEmpty());
        assertEquals(0, h.outboxBacklog());
        assertEquals("fake:support:group1:12", h.queries.show(12).conversation().chatRef().value());
    }

    @Test
    void aRateLimitedGroupWaitsAsToldAndLosesNothing() {
        burst(30);
        Dispatcher d = dispatcher();
        chat.failures.add(DeliveryException.rateLimited("ratelimited", Duration.ofSeconds(10)));
        d.drainOnce();
        assertTrue(chat.groups.isEmpty());
        h.clock.advance(Duration.ofSeconds(9));
        d.drainOnce();
        assertTrue(chat.groups.isEmpty(), "not before Retry-After");
        for (int second = 0; second < 4; second++) {
            h.clock.advance(Duration.ofSeconds(1));
            d.drainOnce();
        }
        assertEquals(30, chat.visible().size());
        assertEquals(30, chat.groups.stream().mapToInt(List::size).sum() + chat.inner.cards.size(), "each once");
        assertEquals(0, h.outboxBacklog());
        assertEquals(List.of(1L), chat.groups.get(0).subList(0, 1), "the refused group goes again whole, in order");
        assertTrue(chat.inner.cards.isEmpty(), "a 429 did not land: no card of it is looked up and posted alone");
    }

    @Test
    void aRefusedGroupShrinksTheGroupsInsteadOfDroppingCards() {
        burst(30);
        Dispatcher d = dispatcher();
        chat.failures.add(new DeliveryException(DeliveryException.Kind.REJECTED, "msg_blocks_too_long"));
        for (int second = 0; second < 5; second++) {
            d.drainOnce();
            h.clock.advance(Duration.ofSeconds(1));
        }
        assertEquals(List.of(10, 10, 10), chat.groups.stream().map(List::size).toList());
        assertEquals(30, chat.visible().size());
        assertEquals(0, h.outboxBacklog());
        assertEquals(chat.visible(), h.queries.queue(100).stream().map(v -> v.conversation().id())
                .collect(Collectors.toSet()));
    }
}
