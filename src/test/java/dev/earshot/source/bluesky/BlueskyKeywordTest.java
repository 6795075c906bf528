package dev.earshot.source.bluesky;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.config.BlueskySourceConfig;
import dev.earshot.config.Secret;
import dev.earshot.core.Message;
import dev.earshot.core.MessageKind;
import dev.earshot.port.SocialSource.Fetch;
import dev.earshot.source.http.FakeHttpServer;
import dev.earshot.source.http.KeywordSearch;
import dev.earshot.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Keyword searches ({@code app.bsky.feed.searchPosts}) against the fake PDS. */
class BlueskyKeywordTest {
    static final String JANE = "did:plc:jane000000000000000000000";
    final TestClock clock = TestClock.at("2026-11-23T09:00:00Z");
    final FakeBluesky fake = new FakeBluesky(clock);

    @AfterEach
    void tearDown() {
        fake.close();
    }

    private BlueskySource source(List<String> keywords) {
        return new BlueskySource(new BlueskySourceConfig("acme-bsky", FakeBluesky.HANDLE,
                new Secret(FakeBluesky.PASSWORD), fake.http.uri(), Duration.ofSeconds(30), Duration.ofHours(24), 200,
                keywords), FakeHttpServer.client(), clock, Duration.ofSeconds(5));
    }

    @Test
    void matchesBecomeKeywordMessagesWithoutTheBrandsOwnPostsOrMentions() throws Exception {
        BlueskySource s = source(List.of("acme app"));
        Instant now = clock.instant();
        fake.publicPost(JANE, "jane.bsky.social", "old: the acme app crashed", now.minus(Duration.ofHours(30)));
        String hit = fake.publicPost(JANE, "jane.bsky.social", "the ACME app crashed again", now.minus(Duration.ofMinutes(5)));
        fake.brandPost("Try the new acme app!", null);
        String mention = fake.post(JANE, "jane.bsky.social", "@" + FakeBluesky.HANDLE + " the acme app is slow", "mention",
                null, now);
        fake.followers(JANE, 77);

        Fetch first = s.fetchSince(Optional.empty());
        assertEquals(List.of(mention, hit), first.messages().stream().map(Message::externalId).toList());
        Message keyword = first.messages().get(1);
        assertEquals(MessageKind.KEYWORD, keyword.kind());
        assertEquals("jane.bsky.social", keyword.author().handle());
        assertEquals(77, keyword.author().followers());
        assertTrue(fake.http.requests().stream().anyMatch(r -> r.path().equals("/xrpc/app.bsky.feed.searchPosts")
                && "\"acme app\"".equals(r.param("q")) && "latest".equals(r.param("sort"))
                && now.minus(Duration.ofHours(24)).toString().equals(r.param("since"))),
                "first start: only the backfill window");

        String stored = first.nextCursor();
        assertEquals(Optional.of(now.toString()), KeywordSearch.Cursor.parse(Optional.of(stored)).position("acme app"),
                "the newest match's indexedAt");
        clock.advance(Duration.ofMinutes(1));
        String later = fake.publicPost(JANE, "jane.bsky.social", "acme app: refund please", clock.instant());
        fake.http.clearRequests();
        Fetch next = s.fetchSince(Optional.of(stored));
        assertEquals(List.of(later), next.messages().stream().map(Message::externalId)
                .filter(id -> !id.equals(mention)).toList(), "the new match; the store drops any repeat");
        assertEquals(now.toString(), fake.http.requests().stream()
                .filter(r -> r.path().equals("/xrpc/app.bsky.feed.searchPosts")).findFirst().orElseThrow().param("since"));
    }

    @Test
    void aPlainCursorStoredBeforeKeywordsStillMeansTheNotifications() throws Exception {
        Fetch before = source(List.of()).fetchSince(Optional.empty());
        assertTrue(before.nextCursor().contains("|"), "no keywords: the cursor is as it always was");
        clock.advance(Duration.ofMinutes(1));
        String mention = fake.post(JANE, "jane.bsky.social", "@" + FakeBluesky.HANDLE + " hello", "mention", null,
                clock.instant());
        String hit = fake.publicPost(JANE, "jane.bsky.social", "acme is down", clock.instant());
        Fetch after = source(List.of("acme")).fetchSince(Optional.of(before.nextCursor()));
        assertEquals(List.of(mention, hit), after.messages().stream().map(Message::externalId).toList());
        assertEquals(List.of(MessageKind.MENTION, MessageKind.KEYWORD),
                after.messages().stream().map(Message::kind).toList());
    }
}
