package dev.earshot.app.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.earshot.core.Author;
import dev.earshot.core.Message;
import dev.earshot.core.MessageKind;
import dev.earshot.core.Platform;
import dev.earshot.port.DeliveryException;
import dev.earshot.port.DeliveryException.Kind;
import dev.earshot.port.SocialSource;
import dev.earshot.testing.Harness;
import dev.earshot.testing.RecordingChat;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Promise 5: the chat is down for an hour while mentions keep arriving; afterwards every card is
 * posted exactly once, in the order the customers wrote.
 */
class OutageTest {
    private static final int MENTIONS = 3_000;

    @Test
    void anHourOfOutageLosesAndDoublesNothing(@TempDir Path dir) {
        RecordingChat chat = new RecordingChat();
        chat.outage = new DeliveryException(Kind.TRANSIENT, "connection refused");
        try (Harness h = new Harness(dir, chat)) {
            Dispatcher dispatcher = h.dispatcher();
            int written = 0;
            for (int minute = 0; minute < 60; minute++) {
                List<Message> batch = new ArrayList<>();
                for (int i = 0; i < MENTIONS / 60; i++, written++) {
                    batch.add(mention(written, h.clock.instant()));
                }
                h.ingest.ingest(h.demo, new SocialSource.Fetch(batch, Integer.toString(written)));
                h.clock.advance(Duration.ofMinutes(1));
                dispatcher.drainOnce();
            }
            assertEquals(0, chat.cards.size());
            assertEquals(MENTIONS, h.outboxBacklog());

            chat.outage = null;
            h.clock.advance(Duration.ofMinutes(5));
            for (int round = 0; round < 100 && h.outboxBacklog() > 0; round++) {
                dispatcher.drainOnce();
            }
            assertEquals(0, h.outboxBacklog());
            assertEquals(MENTIONS, chat.cards.size(), "every card posted");
            for (int i = 0; i < MENTIONS; i++) {
                assertEquals(i + 1, chat.cards.get(i).card().conversationId(), "once each, in order");
            }
        }
    }

    private static Message mention(int n, java.time.Instant at) {
        Author author = new Author(Platform.DEMO, "customer" + n, "Customer " + n, n, "");
        return new Message(Platform.DEMO, "demo", "outage-" + n, author, "where is my order " + n, "", at,
                MessageKind.MENTION, null, null);
    }
}
