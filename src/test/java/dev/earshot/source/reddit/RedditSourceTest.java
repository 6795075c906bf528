package dev.earshot.source.reddit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.core.Message;
import dev.earshot.core.MessageKind;
import dev.earshot.port.DeliveryException;
import dev.earshot.port.DeliveryException.Kind;
import dev.earshot.port.SocialSource.Fetch;
import dev.earshot.source.http.FakeHttpServer;
import dev.earshot.source.http.FakeHttpServer.Request;
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

/** The Reddit source against a fake Reddit: inbox, keywords, echo, one rate budget, the token, replies. */
class RedditSourceTest {
    private final TestClock clock = TestClock.at("2026-11-23T09:00:00Z");
    private final FakeReddit fake = new FakeReddit(clock);
    private RedditSource source = source(List.of(), List.of());
    private String cursor;

    @AfterEach
    void tearDown() {
        fake.close();
    }

    private RedditSource source(List<String> keywords, List<String> subreddits) {
        return new RedditSource(RedditContractTest.config(fake, keywords, subreddits), FakeHttpServer.client(), clock,
                HttpLimits.of(Duration.ofSeconds(5)));
    }

    private Fetch fetch() throws DeliveryException {
        Fetch f = source.fetchSince(Optional.ofNullable(cursor));
        cursor = f.nextCursor();
        return f;
    }

    private Instant ago(int minutes) {
        return clock.instant().minus(Duration.ofMinutes(minutes));
    }

    @Test
    void mentionsAndRepliesFromTheInboxBecomeMessagesInTheirPostsThread() throws Exception {
        fake.inboxComment("jane", "u/AcmeSupport my **order** is late & I'm <upset>", "username_mention", "abc", ago(3));
        fake.inboxComment("sam", "thanks, but it still crashes", "comment_reply", "abc", ago(2));
        fake.inboxComment("kim", "any news?", "post_reply", "xyz", ago(1));
        List<Message> got = fetch().messages();
        assertEquals(List.of(MessageKind.MENTION, MessageKind.REPLY, MessageKind.REPLY),
                got.stream().map(Message::kind).toList());
        Message jane = got.get(0);
        assertEquals("u/AcmeSupport my **order** is late & I'm <upset>", jane.text(), "Markdown as written, raw_json");
        assertEquals("t3_abc", jane.threadKey());
        assertEquals(got.get(1).threadKey(), jane.threadKey(), "one post, one thread");
        assertTrue(jane.url().startsWith("https://www.reddit.com/r/acme/comments/abc/"), jane.url());
        assertEquals("https://www.reddit.com/user/jane", jane.author().profileUrl());
        assertEquals("t3_xyz", got.get(2).inReplyTo());
        Request read = fake.http.requests().stream().filter(r -> r.path().equals("/message/inbox")).findFirst().get();
        assertEquals("1", read.param("raw_json"));
        assertEquals("java:dev.earshot:dev (by /u/AcmeSupport)", read.header("User-Agent"));
        assertEquals(0, fetch().messages().size(), "the cursor moved past them");
    }

    @Test
    void theBrandsOwnCommentsAreNeverCustomersAndCountAsAnswers() throws Exception {
        fetch();
        fake.inboxComment("jane", "help?", "username_mention", "abc", ago(0));
        fake.inboxComment(FakeReddit.BRAND, "our own words, seen again", "comment_reply", "abc", ago(0));
        Fetch f = fetch();
        assertEquals(List.of("jane"), f.messages().stream().map(m -> m.author().handle()).toList());
        Message jane = f.messages().get(0);
        clock.advance(Duration.ofMinutes(1));
        fake.brandComment(jane.externalId(), "Answered from the Reddit app", clock.instant());
        Fetch next = fetch();
        assertEquals(1, next.brandReplies().size());
        assertEquals(jane.externalId(), next.brandReplies().get(0).inReplyTo());
        assertEquals(0, fetch().brandReplies().size(), "told once");
    }

    @Test
    void keywordsAreSearchedInTheConfiguredSubredditsAsKeywordMatches() throws Exception {
        source = source(List.of("acme app"), List.of("acme", "gadgets"));
        fake.post("gadgets", "lee", "Is the ACME app down?", "It will not start", ago(5));
        fake.post("cooking", "max", "acme app recipes", "", ago(5));
        fake.post("acme", FakeReddit.BRAND, "ACME app 2.0 is out", "", ago(4));
        List<Message> got = fetch().messages();
        assertEquals(1, got.size());
        assertEquals(MessageKind.KEYWORD, got.get(0).kind());
        assertEquals("Is the ACME app down?\n\nIt will not start", got.get(0).text());
        Request search = fake.http.requests().stream().filter(r -> r.path().endsWith("/search")).findFirst().get();
        assertEquals("/r/acme+gadgets/search", search.path());
        assertEquals("\"acme app\"", search.param("q"));
        assertEquals("new", search.param("sort"));
        clock.advance(Duration.ofMinutes(1));
        fake.post("acme", "zoe", "acme app question", "", clock.instant());
        assertEquals(1, fetch().messages().size(), "only what is new for the keyword");
    }

    @Test
    void aSpentBudgetHoldsEveryCallUntilTheReset() throws Exception {
        fetch();
        long comments = fake.http.count("GET", "/user/");
        fake.http.failNext("/message/inbox", Response.status(200, Map.of("X-Ratelimit-Remaining", "0.0",
                "X-Ratelimit-Used", "600", "X-Ratelimit-Reset", "90"), "{\"kind\":\"Listing\",\"data\":{\"children\":[]}}"));
        DeliveryException e = assertThrows(DeliveryException.class, this::fetch, "the comments call is held too");
        assertEquals(Kind.RATE_LIMITED, e.kind());
        assertEquals(comments, fake.http.count("GET", "/user/"), "nothing else was asked once the budget was spent");
        clock.advance(Duration.ofSeconds(90));
        fake.inboxComment("jane", "hello", "username_mention", "abc", clock.instant());
        assertEquals(1, fetch().messages().size());
    }

    @Test
    void theTokenIsFetchedAgainBeforeItExpiresAndWhenRefused() throws Exception {
        fake.expiresIn = 600;
        fetch();
        assertEquals(1, fake.tokensIssued());
        clock.advance(Duration.ofMinutes(4));
        fetch();
        assertEquals(1, fake.tokensIssued(), "kept while valid");
        clock.advance(Duration.ofMinutes(2));
        fetch();
        assertEquals(2, fake.tokensIssued(), "fetched again five minutes before it expires");
        fake.validToken = "revoked";
        fetch();
        assertEquals(3, fake.tokensIssued(), "a refused token is replaced and the call tried once more");
    }

    @Test
    void aWrongPasswordNeedsAHumanAndNoSecretIsShown() {
        fake.refusePassword = true;
        DeliveryException e = assertThrows(DeliveryException.class, this::fetch);
        assertEquals(Kind.BROKEN, e.kind());
        assertTrue(e.getMessage().contains("refused to log in as u/AcmeSupport"), e.getMessage());
        for (String secret : List.of(FakeReddit.PASSWORD, FakeReddit.CLIENT_SECRET, FakeReddit.CLIENT_ID, "canary")) {
            assertFalse(e.getMessage().contains(secret), "no secret in: " + e.getMessage());
        }
    }

    @Test
    void aReplyIsThreadedUnderTheCustomersCommentWithItsMarkdown() throws Exception {
        fetch();
        fake.inboxComment("jane", "help?", "username_mention", "abc", clock.instant());
        Message jane = fetch().messages().get(0);
        String text = "Sorry, **Jane**!\n\n* step one\n* step two";
        var sent = source.reply(jane, text, "k1");
        Request post = fake.http.requests().stream().filter(r -> r.path().equals("/api/comment")).findFirst().get();
        assertEquals(jane.externalId(), post.form().get("thing_id"));
        assertEquals(text, post.form().get("text"));
        assertTrue(sent.externalId().startsWith("t1_"));
        assertTrue(sent.url().startsWith("https://www.reddit.com/r/acme/comments/"), sent.url());
    }

    @Test
    void redditsOwnRefusalsAreTold() throws Exception {
        fetch();
        fake.inboxComment("jane", "help?", "username_mention", "abc", clock.instant());
        Message jane = fetch().messages().get(0);
        fake.http.failNext("/api/comment", Response.ok(Map.of("json", Map.of("errors", List.of(List.of("RATELIMIT",
                "Looks like you've been doing that a lot. Take a break for 5 minutes before trying again.",
                "ratelimit"))))));
        DeliveryException slow = assertThrows(DeliveryException.class, () -> source.reply(jane, "hi", "k1"));
        assertEquals(Kind.RATE_LIMITED, slow.kind());
        assertEquals(Optional.of(Duration.ofMinutes(5)), slow.retryAfter());
        fake.http.failNext("/api/comment", Response.ok(Map.of("json", Map.of("errors", List.of(List.of("THREAD_LOCKED",
                "Comments are locked.", "parent"))))));
        DeliveryException locked = assertThrows(DeliveryException.class, () -> source.reply(jane, "hi", "k2"));
        assertEquals(Kind.REJECTED, locked.kind());
        assertTrue(locked.getMessage().contains("THREAD_LOCKED"));
        assertEquals(0, fake.posted.size());
    }

    @Test
    void whenTheInboxMovedOnPastWhatOnePollReadsTheGapIsReported() throws Exception {
        fetch();
        for (int i = 0; i < RedditListings.PAGE * RedditSource.PAGES_PER_POLL + 5; i++) {
            fake.inboxComment("p" + i, "flood " + i, "username_mention", "abc", clock.instant());
        }
        Fetch f = fetch();
        assertEquals(RedditListings.PAGE * RedditSource.PAGES_PER_POLL, f.messages().size());
        assertEquals(1, f.gaps().size());
        assertEquals(0, fetch().gaps().size(), "told once");
    }

    @Test
    void firstStartReadsTheBackfillWindowOnly() throws Exception {
        fake.inboxComment("old", "yesterday's", "username_mention", "abc", ago(60 * 30));
        fake.inboxComment("new", "today's", "username_mention", "abc", ago(30));
        assertEquals(List.of("new"), fetch().messages().stream().map(m -> m.author().handle()).toList());
    }
}
