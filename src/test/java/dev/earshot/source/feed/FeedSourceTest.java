package dev.earshot.source.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.config.FeedSourceConfig;
import dev.earshot.core.Message;
import dev.earshot.core.MessageKind;
import dev.earshot.port.DeliveryException;
import dev.earshot.port.DeliveryException.Kind;
import dev.earshot.port.SocialSource.Fetch;
import dev.earshot.source.http.FakeHttpServer;
import dev.earshot.source.http.FakeHttpServer.Response;
import dev.earshot.source.http.HttpLimits;
import dev.earshot.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The feed source against a fake site: RSS and Atom, conditional GETs, the feed's own pace, rewrites, gaps. */
class FeedSourceTest {
    private final TestClock clock = TestClock.at("2026-11-23T09:00:00Z");
    private final FakeFeed fake = new FakeFeed();
    private FeedSource source = source(Duration.ofMinutes(1), List.of("ACME Support"));
    private String cursor;

    @AfterEach
    void tearDown() {
        fake.close();
    }

    private FeedSource source(Duration pollEvery, List<String> own) {
        return new FeedSource(new FeedSourceConfig("acme-blog", fake.url(), pollEvery, Duration.ofHours(24), 3, own),
                FakeHttpServer.client(), clock, HttpLimits.of(Duration.ofSeconds(5)));
    }

    private List<Message> poll() throws DeliveryException {
        Fetch f = source.fetchSince(Optional.ofNullable(cursor));
        cursor = f.nextCursor();
        return f.messages();
    }

    private Instant ago(int minutes) {
        return clock.instant().minus(Duration.ofMinutes(minutes));
    }

    @Test
    void rssCommentsBecomeMessagesWithAuthorCleanTextAndLink() throws Exception {
        fake.comment("Jane Doe", "<p>Is the <b>refund</b> &amp; exchange policy<br>still 30 days?</p>"
                + "<script>alert(1)</script><p>Thanks</p>", ago(5));
        List<Message> got = poll();
        assertEquals(1, got.size());
        Message m = got.get(0);
        assertEquals("Jane Doe", m.author().handle());
        assertEquals("Comment on Launch by Jane Doe\n\nIs the refund & exchange policy\nstill 30 days?\n\nThanks",
                m.text());
        assertEquals("https://blog.example/launch#comment-1", m.url());
        assertEquals(MessageKind.MENTION, m.kind());
        assertEquals(ago(5), m.createdAt());
        assertEquals("https://blog.example/?p=7#comment-1", m.externalId(), "the guid is the key");
    }

    @Test
    void atomEntriesAreReadToo() throws Exception {
        fake.atom = true;
        fake.comment("sam", "<div>Where is my <i>order</i>?</div>", ago(3));
        Message m = poll().get(0);
        assertEquals("sam", m.author().handle());
        assertEquals("https://forum.example/u/sam", m.author().profileUrl());
        assertTrue(m.text().endsWith("Where is my order?"), m.text());
    }

    @Test
    void firstStartReadsTheWindowAtMostTheMaxThenOnlyWhatIsNew() throws Exception {
        fake.comment("old", "too old", ago(60 * 30));
        for (int i = 0; i < 5; i++) {
            fake.comment("p" + i, "hello " + i, ago(50 - i));
        }
        List<Message> first = poll();
        assertEquals(List.of("p2", "p3", "p4"), first.stream().map(m -> m.author().handle()).toList(),
                "the newest 3 within 24 h, oldest first");
        assertEquals(0, poll().size(), "a 304: nothing new");
        fake.comment("new", "and now?", clock.instant());
        assertEquals(List.of("new"), poll().stream().map(m -> m.author().handle()).toList());
    }

    @Test
    void aConditionalGetSendsTheValidatorsAndA304CostsNothing() throws Exception {
        fake.comment("jane", "hi", ago(1));
        poll();
        poll();
        FakeHttpServer.Request second = fake.http.requests().get(1);
        assertTrue(second.header("If-None-Match").startsWith("\""), "the ETag of the first answer");
        assertTrue(second.header("If-Modified-Since").endsWith("GMT"));
    }

    @Test
    void theFeedsOwnMaxAgeOrTtlSlowsPollingButNeverSpeedsItUp() throws Exception {
        fake.ttlMinutes = 30;
        fake.comment("jane", "hi", ago(1));
        poll();
        clock.advance(Duration.ofMinutes(29));
        fake.comment("sam", "hello", clock.instant());
        assertEquals(0, poll().size(), "the feed asked for 30 minutes between reads");
        assertEquals(1, fake.http.requests().size(), "and it was not asked");
        clock.advance(Duration.ofMinutes(1));
        assertEquals(1, poll().size());

        fake.ttlMinutes = 0;
        fake.cacheControl = "public, max-age=10";
        source = source(Duration.ofMinutes(5), List.of());
        cursor = null;
        poll();
        int before = fake.http.requests().size();
        clock.advance(Duration.ofMinutes(5));
        poll();
        assertEquals(before + 1, fake.http.requests().size(), "a max-age shorter than pollEvery changes nothing");
    }

    @Test
    void aRewrittenEntryIsNotNewAndEntriesWithoutAnIdAreKeyedByLinkAndDate() throws Exception {
        fake.add(new FakeFeed.Item(null, "https://forum.example/t/1", ago(10), "kim", "Help", "first words"));
        fake.add(new FakeFeed.Item(null, "https://forum.example/t/2", ago(5), "lee", "Help", "more words"));
        List<Message> first = poll();
        assertEquals(2, first.size());
        assertTrue(first.get(0).externalId().startsWith("https://forum.example/t/1@"), first.get(0).externalId());
        fake.replace(1, new FakeFeed.Item(null, "https://forum.example/t/1", ago(10), "kim", "Help (edited)",
                "first words, edited"));
        assertEquals(0, poll().size(), "the same link and date: the same entry");
    }

    @Test
    void theBrandsOwnCommentsAreNeverCustomers() throws Exception {
        fake.comment("ACME support", "We're on it!", ago(2));
        fake.comment("jane", "thanks", ago(1));
        assertEquals(List.of("jane"), poll().stream().map(m -> m.author().handle()).toList());
    }

    @Test
    void aFeedThatMovedOnPastEverythingSeenReportsTheGapOnce() throws Exception {
        fake.comment("jane", "hi", ago(30));
        poll();
        fake.drop(0);
        for (int i = 0; i < 3; i++) {
            fake.comment("p" + i, "burst " + i, ago(3 - i));
        }
        Fetch f = source.fetchSince(Optional.of(cursor));
        assertEquals(3, f.messages().size());
        assertEquals(1, f.gaps().size());
        assertTrue(f.gaps().get(0).why().contains("may be missing"));
        cursor = f.nextCursor();
        fake.comment("p9", "calm", clock.instant());
        assertEquals(0, source.fetchSince(Optional.of(cursor)).gaps().size(), "told once");
    }

    @Test
    void aFeedThatIsGoneOrAWebPageNeedsAHuman() {
        fake.serve(Response.status(404, Map.of("Content-Type", "text/html"), "<html>not found</html>"));
        DeliveryException gone = assertThrows(DeliveryException.class, this::poll);
        assertEquals(Kind.BROKEN, gone.kind());
        assertTrue(gone.getMessage().contains("the feed is gone"), gone.getMessage());

        fake.serve(Response.status(200, Map.of("Content-Type", "text/html; charset=utf-8"),
                "<!DOCTYPE html><html><body>Our new blog</body></html>"));
        DeliveryException page = assertThrows(DeliveryException.class, this::poll);
        assertEquals(Kind.BROKEN, page.kind());
        assertTrue(page.getMessage().contains("a web page"), page.getMessage());

        fake.serve(Response.status(301, Map.of("Location", "https://blog.example/new-feed"), ""));
        assertTrue(assertThrows(DeliveryException.class, this::poll).getMessage().contains("moved to"));
    }

    @Test
    void aMalformedFeedIsRefusedWithAClearError() {
        fake.serve(Response.status(200, Map.of("Content-Type", "application/rss+xml"),
                "<rss version=\"2.0\"><channel><item><title>unclosed</channel>"));
        DeliveryException e = assertThrows(DeliveryException.class, this::poll);
        assertEquals(Kind.BROKEN, e.kind());
        assertTrue(e.getMessage().contains("is not a feed Earshot can read"), e.getMessage());
        assertEquals(null, cursor, "nothing read, nothing moved");
    }
}
