package dev.earshot.source.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.core.Message;
import dev.earshot.core.MessageKind;
import dev.earshot.port.SocialSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DemoSourceTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);

    private List<Message> fetchAll(DemoSource source, int polls) {
        List<Message> all = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        for (int i = 0; i < polls; i++) {
            SocialSource.Fetch f = source.fetchSince(cursor);
            all.addAll(f.messages());
            cursor = Optional.of(f.nextCursor());
        }
        return all;
    }

    @Test
    void theSameSeedGivesTheSameCustomers() {
        List<String> a = fetchAll(new DemoSource("demo", 7, "acme", clock), 30).stream().map(Message::text).toList();
        List<String> b = fetchAll(new DemoSource("demo", 7, "acme", clock), 30).stream().map(Message::text).toList();
        List<String> c = fetchAll(new DemoSource("demo", 8, "acme", clock), 30).stream().map(Message::text).toList();
        assertEquals(a, b);
        assertNotEquals(a, c);
    }

    @Test
    void theAwkwardCasesComeFirst() {
        List<Message> first = fetchAll(new DemoSource("demo", 42, "acme", clock), 2);
        assertTrue(first.stream().anyMatch(m -> m.text().contains("<!channel>") && m.text().contains("@everyone")));
        assertTrue(first.stream().anyMatch(m -> m.text().isEmpty()));
        assertTrue(first.stream().anyMatch(m -> m.text().length() == 5_000));
        assertTrue(first.stream().anyMatch(m -> m.text().codePoints().anyMatch(cp ->
                Character.getDirectionality(cp) == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC)));
        Message followUp = first.stream().filter(m -> m.kind() == MessageKind.REPLY).findFirst().orElseThrow();
        Message original = first.get(0);
        assertEquals(original.threadKey(), followUp.threadKey());
        assertEquals(original.author(), followUp.author());
    }

    @Test
    void theCursorGoesOnWhereItStopped() {
        DemoSource source = new DemoSource("demo", 42, "acme", clock);
        SocialSource.Fetch first = source.fetchSince(Optional.empty());
        assertEquals(DemoSource.BACKFILL, first.messages().size());
        SocialSource.Fetch next = new DemoSource("demo", 42, "acme", clock).fetchSince(Optional.of(first.nextCursor()));
        assertEquals("demo-42-" + DemoSource.BACKFILL, next.messages().get(0).externalId());
    }

    @Test
    void aRetriedReplyWithTheSameKeyArrivesOnce() {
        DemoSource source = new DemoSource("demo", 42, "acme", clock);
        Message to = source.fetchSince(Optional.empty()).messages().get(0);
        SocialSource.SentReply a = source.reply(to, "Hi!", "key-1");
        SocialSource.SentReply b = source.reply(to, "Hi!", "key-1");
        assertEquals(a, b);
        assertEquals(1, source.replies().size());
        assertEquals(Optional.of(a), source.findReply(to, "key-1"));
        assertEquals(Optional.empty(), source.findReply(to, "key-2"));
        assertEquals(Optional.of(a), source.findReply(to, null));
    }
}
