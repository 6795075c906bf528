package dev.earshot.source.x;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.config.Secret;
import dev.earshot.config.XSourceConfig;
import dev.earshot.core.Message;
import dev.earshot.core.MessageKind;
import dev.earshot.port.DeliveryException;
import dev.earshot.port.SocialSource;
import dev.earshot.port.SocialSource.Fetch;
import dev.earshot.testing.Harness;
import dev.earshot.testing.TestClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** X direct messages (opt-in) against the fake X API. */
class XDmTest {
    private final TestClock clock = TestClock.at(Harness.START);
    private final FakeX x = new FakeX(clock);
    private final FakeX.User jane = x.user("2001", "jane_doe", "Jane Doe", 1_234);
    private final String convo = "2001-" + FakeX.BRAND_ID;

    @AfterEach
    void stop() {
        x.close();
    }

    private XSource source(boolean directMessages) {
        return XSource.create(new XSourceConfig("acme-x", new Secret(FakeX.API_KEY), new Secret(FakeX.API_SECRET),
                new Secret(FakeX.TOKEN), new Secret(FakeX.TOKEN_SECRET), x.base(), null, Duration.ofHours(24), 200,
                100, List.of(), directMessages), clock);
    }

    private static List<Message> dms(Fetch f) {
        return f.messages().stream().filter(m -> m.kind() == MessageKind.DM).toList();
    }

    @Test
    void offByDefault() throws Exception {
        x.dm(jane, "hello", Duration.ofMinutes(1));
        assertEquals(List.of(), dms(source(false).fetchSince(Optional.empty())));
        assertEquals(List.of(), x.requests("GET", "/2/dm_events"), "DMs are billed: not read unless asked");
    }

    @Test
    void dmsAreReadOnceAnsweredInTheConversationAndAnAppAnswerCounts() throws Exception {
        XSource s = source(true);
        x.dm(jane, "last year", Duration.ofHours(30));
        FakeX.Dm first = x.dm(jane, "my card was charged twice", Duration.ofMinutes(5));
        Fetch f = s.fetchSince(Optional.empty());
        assertEquals(List.of(first.id()), dms(f).stream().map(Message::externalId).toList(), "the backfill window only");
        Message dm = dms(f).get(0);
        assertEquals("jane_doe", dm.author().handle());
        assertEquals(1_234, dm.author().followers());
        assertEquals("dm:" + convo, dm.threadKey());
        assertTrue(x.requests("GET", "/2/dm_events").stream().allMatch(FakeX.Request::signed));

        assertEquals(List.of(), dms(s.fetchSince(Optional.of(f.nextCursor()))), "nothing twice");
        s.reply(dm, "Refunded, sorry!", "key-1");
        assertEquals(List.of("Refunded, sorry!"), x.brandDms(convo));

        clock.advance(Duration.ofMinutes(1));
        FakeX.Dm again = x.dm(jane, "thanks! one more thing", Duration.ZERO);
        clock.advance(Duration.ofMinutes(1));
        FakeX.Dm app = x.brandDm(convo, "sure, from the app");
        Fetch next = s.fetchSince(Optional.of(f.nextCursor()));
        assertEquals(List.of(again.id()), dms(next).stream().map(Message::externalId).toList(),
                "our own messages are never a customer's");
        assertTrue(next.brandReplies().stream().anyMatch(r -> r.externalId().equals(app.id())
                && r.inReplyTo().equals(again.id())));
    }

    @Test
    void aLostSendIsSettledByReadingTheConversation() throws Exception {
        XSource s = source(true);
        x.dm(jane, "refund?", Duration.ofMinutes(1));
        Message dm = dms(s.fetchSince(Optional.empty())).get(0);
        x.dropNextAfterApplying("/messages");
        clock.advance(Duration.ofSeconds(5));
        DeliveryException lost = assertThrows(DeliveryException.class, () -> s.reply(dm, "Done.", "key-2"));
        assertEquals(DeliveryException.Kind.TRANSIENT, lost.kind());
        assertTrue(s.findReply(dm, "key-2").isPresent());
        s.reply(dm, "Done.", "key-2");
        assertEquals(List.of("Done."), x.brandDms(convo), "the customer got it once");
    }

    @Test
    void moreDmsThanOnePollReadsIsAGap() throws Exception {
        XSource s = source(true);
        x.dm(jane, "before", Duration.ofMinutes(10));
        Fetch first = s.fetchSince(Optional.empty());
        int cap = XDms.PAGES_PER_POLL * 100;
        clock.advance(Duration.ofHours(1));
        FakeX.Dm oldestRead = null;
        for (int i = cap + 5; i > 0; i--) {
            FakeX.Dm d = x.dm(jane, "#" + i, Duration.ofSeconds(i));
            if (i == cap) {
                oldestRead = d;
            }
        }
        Fetch next = s.fetchSince(Optional.of(first.nextCursor()));
        assertEquals(cap, dms(next).size());
        assertEquals(1, next.gaps().size(), "reported to the team, not lost silently");
        SocialSource.Gap gap = next.gaps().get(0);
        assertEquals(oldestRead.createdAt(), gap.to());
        assertTrue(gap.from().isBefore(gap.to()));
        assertTrue(gap.why().contains("direct messages"), gap.why());
    }
}
