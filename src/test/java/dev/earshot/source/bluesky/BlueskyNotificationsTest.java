package dev.earshot.source.bluesky;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.config.BlueskySourceConfig;
import dev.earshot.config.Secret;
import dev.earshot.core.Message;
import dev.earshot.port.SocialSource.Fetch;
import dev.earshot.port.SocialSource.Gap;
import dev.earshot.source.http.FakeHttpServer;
import dev.earshot.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reading {@code listNotifications} past the stored cursor, against the fake PDS. */
class BlueskyNotificationsTest {
    static final String JANE = "did:plc:jane000000000000000000000";
    final TestClock clock = TestClock.at("2026-11-23T09:00:00Z");
    final FakeBluesky fake = new FakeBluesky(clock);

    @AfterEach
    void tearDown() {
        fake.close();
    }

    private BlueskySource source() {
        return new BlueskySource(new BlueskySourceConfig("acme-bsky", FakeBluesky.HANDLE,
                new Secret(FakeBluesky.PASSWORD), fake.http.uri(), Duration.ofSeconds(30), Duration.ofHours(24), 200,
                List.of()), FakeHttpServer.client(), clock, Duration.ofSeconds(5));
    }

    private String mention(String text, Instant at) {
        return fake.post(JANE, "jane.bsky.social", "@" + FakeBluesky.HANDLE + " " + text, "mention", null, at);
    }

    @Test
    void moreNotificationsThanOnePollReadsIsAGap() throws Exception {
        BlueskySource s = source();
        Instant start = clock.instant();
        String stored = s.fetchSince(Optional.empty()).nextCursor();
        int cap = BlueskySource.MAX_PAGES * BlueskySource.PAGE;
        for (int i = 0; i < cap + 10; i++) {
            mention("#" + i, start.plusSeconds(1 + i));
        }
        clock.advance(Duration.ofHours(3));
        Fetch f = s.fetchSince(Optional.of(stored));
        assertEquals(cap, f.messages().size());
        assertEquals(1, f.gaps().size(), "reported to the team, not only logged");
        Gap gap = f.gaps().get(0);
        assertEquals(start.minus(Duration.ofHours(24)), gap.from(), "from the stored cursor");
        assertEquals(start.plusSeconds(1 + 10), gap.to(), "to the oldest notification read");
        assertTrue(gap.why().contains(Integer.toString(cap)), gap.why());
    }

    @Test
    void noGapWhenEverythingWasRead() throws Exception {
        BlueskySource s = source();
        String stored = s.fetchSince(Optional.empty()).nextCursor();
        clock.advance(Duration.ofMinutes(1));
        mention("hello", clock.instant());
        assertEquals(List.of(), s.fetchSince(Optional.of(stored)).gaps());
    }

    @Test
    void aNotificationSortedJustBehindTheCursorIsStillRead() throws Exception {
        BlueskySource s = source();
        clock.advance(Duration.ofMinutes(1));
        String seen = mention("first", clock.instant());
        Fetch first = s.fetchSince(Optional.empty());
        assertEquals(List.of(seen), first.messages().stream().map(Message::externalId).toList());
        Instant cursorAt = clock.instant();
        clock.advance(Duration.ofMinutes(2));
        String tooOld = mention("from long ago", cursorAt.minus(Duration.ofMinutes(30)));
        String backdated = mention("back-dated", cursorAt.minus(Duration.ofMinutes(5)));
        String atTheCursor = mention("same instant", cursorAt);
        List<String> read = s.fetchSince(Optional.of(first.nextCursor())).messages().stream()
                .map(Message::externalId).toList();
        assertTrue(read.contains(backdated), "five minutes behind the cursor: inside the overlap");
        assertTrue(read.contains(atTheCursor), "at the cursor's instant, another post");
        assertTrue(!read.contains(tooOld), "reading stops once past the overlap");
    }
}
