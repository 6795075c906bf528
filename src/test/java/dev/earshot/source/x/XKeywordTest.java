package dev.earshot.source.x;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.config.Secret;
import dev.earshot.config.XSourceConfig;
import dev.earshot.core.Message;
import dev.earshot.core.MessageKind;
import dev.earshot.port.SocialSource.Fetch;
import dev.earshot.source.http.KeywordSearch;
import dev.earshot.testing.Harness;
import dev.earshot.testing.TestClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Keyword searches ({@code /2/tweets/search/recent}) against the fake X API: off unless configured. */
class XKeywordTest {
    private final TestClock clock = TestClock.at(Harness.START);
    private final FakeX x = new FakeX(clock);
    private final FakeX.User jane = x.user("2001", "jane_doe", "Jane Doe", 1_234);

    @AfterEach
    void stop() {
        x.close();
    }

    private XSource source(List<String> keywords) {
        return XSource.create(new XSourceConfig("acme-x", new Secret(FakeX.API_KEY), new Secret(FakeX.API_SECRET),
                new Secret(FakeX.TOKEN), new Secret(FakeX.TOKEN_SECRET), x.base(), null, Duration.ofHours(24), 200,
                100, keywords), clock);
    }

    @Test
    void noKeywordsNoSearchAndTheCursorStaysPlain() throws Exception {
        x.post(jane, "acme app is great", Duration.ofMinutes(1));
        Fetch f = source(List.of()).fetchSince(Optional.empty());
        assertEquals(List.of(), x.requests("GET", "/2/tweets/search/recent"), "search costs credits: off by default");
        assertTrue(XCursor.parse(f.nextCursor()).isPresent());
    }

    @Test
    void matchesBecomeKeywordMessagesWithoutTheBrandOrRetweetsOrMentionsTwice() throws Exception {
        XSource s = source(List.of("acme app"));
        x.post(jane, "old: acme app crashed", Duration.ofHours(30));
        FakeX.Post hit = x.post(jane, "the Acme App crashed again", Duration.ofMinutes(5));
        FakeX.Post mention = x.mention(jane, "@acme the acme app is slow", Duration.ofMinutes(3));
        x.retweet(jane, hit);
        FakeX.Post ours = x.post(x.user(FakeX.BRAND_ID, FakeX.BRAND, "Acme Support", 50_000), "try the acme app",
                Duration.ofMinutes(2));

        Fetch first = s.fetchSince(Optional.empty());
        assertEquals(List.of(mention.id(), hit.id()), first.messages().stream().map(Message::externalId).toList());
        assertEquals(List.of(MessageKind.MENTION, MessageKind.KEYWORD),
                first.messages().stream().map(Message::kind).toList(), "a mention found by search stays a mention");
        assertEquals("jane_doe", first.messages().get(1).author().handle());
        assertTrue(first.messages().stream().noneMatch(m -> m.externalId().equals(ours.id())));
        FakeX.Request search = x.requests("GET", "/2/tweets/search/recent").get(0);
        assertEquals("\"acme app\" -from:" + FakeX.BRAND_ID + " -is:retweet", search.query().get("query"));
        assertEquals(clock.instant().minus(Duration.ofHours(24)).toString(), search.query().get("start_time"),
                "first start: only the backfill window");
        assertTrue(search.signed());

        String cursor = first.nextCursor();
        assertEquals(Optional.of("id:" + mention.id()), KeywordSearch.Cursor.parse(Optional.of(cursor)).position("acme app"));
        FakeX.Post later = x.post(jane, "acme app: refund?", Duration.ZERO);
        Fetch next = s.fetchSince(Optional.of(cursor));
        assertEquals(List.of(later.id()), next.messages().stream().map(Message::externalId).toList());
        assertEquals(mention.id(), x.requests("GET", "/2/tweets/search/recent").get(1).query().get("since_id"),
                "forward from the newest match");
    }

    @Test
    void aPlainCursorStoredBeforeKeywordsKeepsTheMentionsWhereTheyWere() throws Exception {
        Fetch before = source(List.of()).fetchSince(Optional.empty());
        clock.advance(Duration.ofMinutes(1));
        FakeX.Post mention = x.mention(jane, "@acme hi", Duration.ZERO);
        FakeX.Post hit = x.post(jane, "acme is down", Duration.ZERO);
        Fetch after = source(List.of("acme")).fetchSince(Optional.of(before.nextCursor()));
        assertEquals(List.of(mention.id(), hit.id()), after.messages().stream().map(Message::externalId).toList());
        java.util.Map<String, String> asked = x.requests("GET", "/mentions").get(1).query();
        XCursor.parse(before.nextCursor()).orElseThrow().mentions().query().forEach((k, v) ->
                assertEquals(v, asked.get(k), "the mentions continue from the plain cursor"));
        assertTrue(after.nextCursor().startsWith("{"));
    }
}
