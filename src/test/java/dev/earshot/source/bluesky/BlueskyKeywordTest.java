package dev.earshot.source.bluesky;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.config.BlueskySourceConfig;
import dev.earshot.config.Secret;
import dev.earshot.core.Message;
import dev.earshot.core.MessageKind;
import dev.earshot.port.SocialSource.Fetch;
import dev.earshot.port.SocialSource.Gap;
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
        Instant position = now.minus(BlueskySource.OVERLAP);
        assertEquals(Optional.of(position.toString()), KeywordSearch.Cursor.parse(Optional.of(stored)).position("acme app"),
                "the newest match's sortAt, less the overlap");
        clock.advance(Duration.ofMinutes(1));
        String later = fake.publicPost(JANE, "jane.bsky.social", "acme app: refund please", clock.instant());
        fake.http.clearRequests();
        Fetch next = s.fetchSince(Optional.of(stored));
        assertEquals(List.of(hit, later), next.messages().stream().map(Message::externalId)
                .filter(id -> !id.equals(mention)).toList(), "the new match, and one inside the overlap again: the store drops the repeat");
        assertEquals(position.toString(), fake.http.requests().stream()
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

    @Test
    void moreMatchesThanOnePollReadsIsAGapNotASilentLoss() throws Exception {
        BlueskySource s = source(List.of("acme"));
        Instant start = clock.instant();
        String stored = s.fetchSince(Optional.empty()).nextCursor();
        int cap = BlueskySource.SEARCH_PAGES_PER_POLL * BlueskySource.SEARCH_PAGE;
        for (int i = 0; i < cap + 20; i++) {
            fake.publicPost(JANE, "jane.bsky.social", "acme #" + i, start.plusSeconds(10 + i));
        }
        clock.advance(Duration.ofHours(1));
        Fetch next = s.fetchSince(Optional.of(stored));
        assertEquals(cap, next.messages().size());
        assertEquals(1, next.gaps().size(), "the older matches are reported, not lost silently");
        Gap gap = next.gaps().get(0);
        assertEquals(start.minus(Duration.ofHours(24)), gap.from(), "from the stored position");
        assertEquals(start.plusSeconds(10 + 20), gap.to(), "up to the oldest match read");
        assertTrue(gap.why().contains("acme"), gap.why());
        Instant newest = start.plusSeconds(10 + cap + 19);
        assertEquals(Optional.of(newest.minus(BlueskySource.OVERLAP).toString()),
                KeywordSearch.Cursor.parse(Optional.of(next.nextCursor())).position("acme"));
    }

    @Test
    void theStoredPositionIsTheNewestMatchsSortAtSoABackdatedPostIsStillFound() throws Exception {
        BlueskySource s = source(List.of("acme"));
        String stored = s.fetchSince(Optional.empty()).nextCursor();
        Instant now = clock.instant();
        clock.advance(Duration.ofHours(1));
        // Indexed now, but created (and sorted) 30 minutes ago.
        String first = fake.backdatedPost(JANE, "jane.bsky.social", "acme broke", now.plus(Duration.ofMinutes(30)),
                clock.instant());
        Fetch one = s.fetchSince(Optional.of(stored));
        assertEquals(List.of(first), one.messages().stream().map(Message::externalId).toList());
        assertTrue(one.gaps().isEmpty());
        clock.advance(Duration.ofMinutes(5));
        // Sorted 25 minutes ago: after the first post's sortAt, long before its indexedAt.
        String second = fake.backdatedPost(JANE, "jane.bsky.social", "acme still broke", now.plus(Duration.ofMinutes(35)),
                clock.instant());
        Fetch two = s.fetchSince(Optional.of(one.nextCursor()));
        assertTrue(two.messages().stream().map(Message::externalId).toList().contains(second),
                "found although its sortAt is older than the first post's indexedAt");
    }
}
