package dev.earshot.source.x;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.config.Secret;
import dev.earshot.config.XSourceConfig;
import dev.earshot.core.Author;
import dev.earshot.core.Message;
import dev.earshot.core.MessageKind;
import dev.earshot.core.Platform;
import dev.earshot.port.DeliveryException;
import dev.earshot.port.DeliveryException.Kind;
import dev.earshot.port.SocialSource;
import dev.earshot.port.SocialSource.Fetch;
import dev.earshot.testing.Harness;
import dev.earshot.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The X source driven against the local fake X API v2, without the rest of Earshot. */
class XSourceTest {
    private final TestClock clock = TestClock.at(Harness.START);
    private final FakeX x = new FakeX(clock);
    private final FakeX.User jane = x.user("2001", "jane_doe", "Jane Doe", 1_234);
    private final FakeX.User omar = x.user("2002", "omar", "عمر", 87);

    @AfterEach
    void stop() {
        x.close();
    }

    XSource source(Duration backfill, int backfillMax, int pageSize) {
        return XSource.create(config(x, backfill, backfillMax, pageSize), clock);
    }

    static XSourceConfig config(FakeX x, Duration backfill, int backfillMax, int pageSize) {
        return new XSourceConfig("acme-x", new Secret(FakeX.API_KEY), new Secret(FakeX.API_SECRET),
                new Secret(FakeX.TOKEN), new Secret(FakeX.TOKEN_SECRET + "\n"), x.base(), null, backfill, backfillMax,
                pageSize);
    }

    private XSource source() {
        return source(Duration.ofHours(24), 200, 100);
    }

    /** A cursor as a previous poll left it, {@code at} ago. */
    private static Optional<String> after(String mentionId, String brandId) {
        return Optional.of(new XCursor(XCursor.Bound.after(mentionId), XCursor.Bound.after(brandId)).encode());
    }

    @Test
    void mapsTheDocumentedShapeToMessages() throws Exception {
        x.failNext("GET", "/mentions", 200, "mentions_page.json", Map.of());
        Fetch f = source().fetchSince(Optional.empty());

        assertEquals(3, f.messages().size());
        Message reply = f.messages().get(0);
        assertEquals(new Author(Platform.X, "XDevelopers", "X Developers", 583_423, "https://x.com/XDevelopers", "2244994945"),
                reply.author());
        assertEquals("1862000000000000003", reply.externalId());
        assertEquals("acme-x", reply.account());
        assertEquals("@acme the app says <error 42> & logs me out 😤 https://t.co/abc123", reply.text());
        assertEquals("https://x.com/XDevelopers/status/1862000000000000003", reply.url());
        assertEquals(Instant.parse("2026-11-23T08:40:00Z"), reply.createdAt());
        assertEquals(MessageKind.REPLY, reply.kind(), "in_reply_to_user_id is the brand");
        assertEquals("1861000000000000000", reply.inReplyTo());
        assertEquals("1861000000000000000", reply.threadKey(), "the thread is X's conversation_id");

        assertEquals(MessageKind.QUOTE, f.messages().get(1).kind());
        assertEquals(69_000_000, f.messages().get(1).author().followers());
        assertEquals(MessageKind.MENTION, f.messages().get(2).kind(), "a reply to someone else that names the brand");
        assertEquals("1859000000000000001", f.messages().get(2).inReplyTo());
    }

    @Test
    void asksForTheDocumentedFieldsAndLearnsTheBrandOnce() throws Exception {
        XSource source = source();
        source.fetchSince(Optional.empty());
        source.fetchSince(Optional.empty());
        assertEquals(1, x.requests("GET", "/2/users/me").size());
        Map<String, String> q = x.requests("GET", "/2/users/1000/mentions").get(0).query();
        assertEquals("created_at,conversation_id,author_id,in_reply_to_user_id,referenced_tweets", q.get("tweet.fields"));
        assertEquals("author_id", q.get("expansions"));
        assertEquals("public_metrics,username,name", q.get("user.fields"));
        assertEquals("2026-11-22T09:00:00Z", q.get("start_time"));
    }

    @Test
    void kindsRetweetsAndTheBrandsOwnPosts() throws Exception {
        FakeX.Post brandPost = x.brandReply(x.mention(jane, "@acme hello", Duration.ofMinutes(9)), "@jane_doe hi!");
        FakeX.Post toBrand = x.reply(omar, brandPost, "@acme @jane_doe مرحبا، الطلب لم يصل");
        x.quote(jane, toBrand, "see @acme");
        x.retweet(omar, toBrand);
        x.alsoMention(brandPost.id());

        Fetch f = source().fetchSince(Optional.empty());

        assertEquals(List.of("@acme hello", "@acme @jane_doe مرحبا، الطلب لم يصل", "see @acme"),
                f.messages().stream().sorted(java.util.Comparator.comparing(Message::createdAt)
                        .thenComparing(Message::externalId)).map(Message::text).toList(),
                "the retweet and the brand's own post are no customer messages");
        Message arabic = f.messages().stream().filter(m -> m.author().handle().equals("omar")).findFirst().orElseThrow();
        assertEquals(MessageKind.REPLY, arabic.kind());
        assertEquals(brandPost.conversationId(), arabic.threadKey());
        assertEquals(List.of(new SocialSource.BrandReply(brandPost.id(), brandPost.repliedTo(), "@jane_doe hi!",
                brandPost.createdAt())), f.brandReplies(), "the brand's answer, seen once though listed twice");
    }

    @Test
    void readsEveryPageThenMovesTheCursorToTheNewest() throws Exception {
        FakeX.Post seen = x.mention(jane, "@acme first", Duration.ofHours(2));
        FakeX.Post brandSeen = x.brandReply(seen, "hi");
        for (int i = 0; i < 250; i++) {
            x.mention(i % 2 == 0 ? jane : omar, "@acme question " + i, Duration.ofMinutes(60 - i / 5));
        }
        clock.advance(Duration.ofSeconds(1));
        Fetch f = source(Duration.ofHours(24), 200, 100).fetchSince(after(seen.id(), brandSeen.id()));

        assertEquals(250, f.messages().size());
        List<FakeX.Request> pages = x.requests("GET", "/mentions");
        assertEquals(3, pages.size());
        assertEquals(List.of(seen.id(), seen.id(), seen.id()), pages.stream().map(r -> r.query().get("since_id")).toList());
        assertEquals(List.of("100", "100", "100"), pages.stream().map(r -> r.query().get("max_results")).toList());
        assertNull(pages.get(0).query().get("pagination_token"));
        assertEquals("page-100", pages.get(1).query().get("pagination_token"));
        assertEquals("page-200", pages.get(2).query().get("pagination_token"));
        String newest = f.messages().stream().map(Message::externalId).max(XCursor::compareIds).orElseThrow();
        assertEquals("m=id:" + newest + ";b=id:" + brandSeen.id(), f.nextCursor());
        assertTrue(f.gaps().isEmpty());
        assertEquals(brandSeen.id(), x.requests("GET", "/tweets").get(0).query().get("since_id"));
    }

    @Test
    void firstStartBackfillsOnlyTheConfiguredWindowAndCount() throws Exception {
        x.mention(jane, "@acme from two days ago", Duration.ofHours(48));
        for (int i = 0; i < 230; i++) {
            x.mention(omar, "@acme recent " + i, Duration.ofMinutes(600 - i));
        }
        Fetch f = source(Duration.ofHours(24), 150, 100).fetchSince(Optional.empty());

        assertEquals(150, f.messages().size());
        assertTrue(f.messages().stream().allMatch(m -> m.text().startsWith("@acme recent ")), "never older than 24h");
        assertTrue(f.messages().stream().anyMatch(m -> m.text().equals("@acme recent 229")), "the newest ones");
        List<FakeX.Request> pages = x.requests("GET", "/mentions");
        assertEquals(List.of("100", "50"), pages.stream().map(r -> r.query().get("max_results")).toList(),
                "never asks for more than it keeps: X bills each post returned");
        assertTrue(pages.stream().allMatch(r -> r.query().get("start_time").equals("2026-11-22T09:00:00Z")));
        assertEquals(1, f.gaps().size());
        assertTrue(f.gaps().get(0).why().contains("newest 150 mentions of the last 1d"), f.gaps().get(0).why());
    }

    @Test
    void noBackfillReadsNothingAndStartsFromNow() throws Exception {
        x.mention(jane, "@acme old", Duration.ofHours(1));
        XSource source = source(Duration.ZERO, 200, 100);
        Fetch first = source.fetchSince(Optional.empty());
        assertTrue(first.messages().isEmpty());
        assertTrue(x.requests("GET", "/mentions").isEmpty());
        clock.advance(Duration.ofMinutes(1));
        x.mention(jane, "@acme new", Duration.ZERO);
        Fetch next = source.fetchSince(Optional.of(first.nextCursor()));
        assertEquals(List.of("@acme new"), next.messages().stream().map(Message::text).toList());
        assertEquals("2026-11-23T09:00:00Z", x.requests("GET", "/mentions").get(0).query().get("start_time"));
    }

    @Test
    void moreThanXCanReturnIsOneNamedGap() throws Exception {
        FakeX.Post seen = x.mention(jane, "@acme seen", Duration.ofHours(3));
        for (int i = 0; i < 805; i++) {
            x.mention(omar, "@acme storm " + i, Duration.ofSeconds(7200 - i));
        }
        Fetch f = source().fetchSince(after(seen.id(), seen.id()));
        assertEquals(800, f.messages().size(), "X's mentions timeline stops at the newest 800");
        assertEquals(1, f.gaps().size());
        SocialSource.Gap gap = f.gaps().get(0);
        assertEquals(seen.createdAt(), gap.from().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertTrue(gap.to().isAfter(gap.from()));
        assertTrue(gap.why().contains("newest 800"));
    }

    @Test
    void aTooManyRequestsOnPostingWaitsForTheUsersDailyLimitWhenThatIsLater() throws Exception {
        XSource source = source();
        x.mention(jane, "@acme help", Duration.ofMinutes(5));
        Message to = source.fetchSince(Optional.empty()).messages().get(0);
        x.rateLimit("/2/tweets", 0, clock.instant().plusSeconds(120));
        x.failNext("POST", "/2/tweets", 429, "error_429.json", Map.of("x-user-limit-24hour-limit", "17",
                "x-user-limit-24hour-remaining", "0",
                "x-user-limit-24hour-reset", Long.toString(clock.instant().plusSeconds(5 * 3600).getEpochSecond())));
        DeliveryException e = assertThrows(DeliveryException.class, () -> source.reply(to, "On it!", "key-1"));
        assertEquals(Kind.RATE_LIMITED, e.kind());
        assertEquals(Optional.of(Duration.ofHours(5)), e.retryAfter(), "the 24-hour reset, not the 15-minute one");
        int calls = x.requests("POST", "/2/tweets").size();
        clock.advance(Duration.ofMinutes(3));
        DeliveryException again = assertThrows(DeliveryException.class, () -> source.reply(to, "On it!", "key-2"));
        assertEquals(Kind.RATE_LIMITED, again.kind());
        assertEquals(calls, x.requests("POST", "/2/tweets").size(), "not posted before the daily reset");
    }

    @Test
    void aTooManyRequestsOnPostingWithDailyBudgetLeftWaitsOnlyForTheWindow() throws Exception {
        XSource source = source();
        x.mention(jane, "@acme help", Duration.ofMinutes(5));
        Message to = source.fetchSince(Optional.empty()).messages().get(0);
        x.rateLimit("/2/tweets", 0, clock.instant().plusSeconds(120));
        x.failNext("POST", "/2/tweets", 429, "error_429.json", Map.of("x-user-limit-24hour-remaining", "9",
                "x-user-limit-24hour-reset", Long.toString(clock.instant().plusSeconds(5 * 3600).getEpochSecond())));
        DeliveryException e = assertThrows(DeliveryException.class, () -> source.reply(to, "On it!", "key-1"));
        assertEquals(Optional.of(Duration.ofSeconds(120)), e.retryAfter());
    }

    @Test
    void aReadXWillNeverAnswerAsAskedNeedsAHuman() {
        x.failNext("GET", "/mentions", 400, "error_400.json", Map.of());
        assertEquals(Kind.BROKEN, assertThrows(DeliveryException.class,
                () -> source().fetchSince(Optional.empty())).kind());
    }

    @Test
    void everyRequestCarriesAValidOAuth1Signature() throws Exception {
        XSource source = source();
        FakeX.Post m = x.mention(jane, "@acme a space, a comma & an émoji 🙂", Duration.ofMinutes(5));
        Fetch f = source.fetchSince(Optional.empty());
        source.reply(f.messages().get(0), "Hi Jane & all — we're on it 🙂", "key-1");

        assertEquals(4, x.requests().size());
        for (FakeX.Request r : x.requests()) {
            assertTrue(r.signed(), () -> "signature did not verify: " + r.method() + " " + r.path());
            Map<String, String> fields = FakeX.oauthFields(r.authorization());
            assertEquals(List.of("oauth_consumer_key", "oauth_nonce", "oauth_signature", "oauth_signature_method",
                    "oauth_timestamp", "oauth_token", "oauth_version"), fields.keySet().stream().sorted().toList());
            assertEquals("HMAC-SHA1", fields.get("oauth_signature_method"));
            assertEquals(FakeX.API_KEY, fields.get("oauth_consumer_key"));
            assertFalse(r.authorization().contains(FakeX.API_SECRET) || r.authorization().contains(FakeX.TOKEN_SECRET),
                    "secrets sign; they are never sent");
        }
        assertEquals(m.id(), f.messages().get(0).externalId());
    }

    @Test
    void aReplyIsThreadedUnderTheCustomersPost() throws Exception {
        XSource source = source();
        FakeX.Post m = x.mention(jane, "@acme help", Duration.ofMinutes(5));
        Message to = source.fetchSince(Optional.empty()).messages().get(0);
        clock.advance(Duration.ofMinutes(2));

        SocialSource.SentReply sent = source.reply(to, "On it, Jane!", "key-1");

        FakeX.Request post = x.requests("POST", "/2/tweets").get(0);
        assertEquals("{\"text\":\"On it, Jane!\",\"reply\":{\"in_reply_to_tweet_id\":\"" + m.id() + "\"}}", post.body());
        FakeX.Post created = x.postsBy(FakeX.BRAND_ID).get(0);
        assertEquals(new SocialSource.SentReply(created.id(), "https://x.com/acme/status/" + created.id(),
                clock.instant()), sent);
        assertEquals(m.id(), created.repliedTo());
    }

    @Test
    void aDuplicateRefusalFindsTheReplyAlreadyThere() throws Exception {
        XSource source = source();
        x.mention(jane, "@acme help", Duration.ofMinutes(5));
        Message to = source.fetchSince(Optional.empty()).messages().get(0);
        SocialSource.SentReply first = source.reply(to, "On it!", "key-1");

        XSource restarted = source();
        SocialSource.SentReply again = restarted.reply(to, "On it!", "key-1");

        assertEquals(first.externalId(), again.externalId());
        assertEquals(1, x.postsBy(FakeX.BRAND_ID).size(), "the customer sees one reply");
    }

    @Test
    void findReplyTellsTwoRepliesToOnePostApart() throws Exception {
        XSource source = source();
        x.mention(jane, "@acme help", Duration.ofMinutes(5));
        Message to = source.fetchSince(Optional.empty()).messages().get(0);
        SocialSource.SentReply first = source.reply(to, "Looking into it", "key-1");

        assertEquals(Optional.empty(), source.findReply(to, "key-2"), "the first reply answers key-1, not key-2");
        assertEquals(Optional.of(first.externalId()), source.findReply(to, "key-1").map(SocialSource.SentReply::externalId));
        assertEquals(Optional.of(first.externalId()), source.findReply(to, null).map(SocialSource.SentReply::externalId));
        assertEquals(to.externalId(), x.requests("GET", "/tweets").get(1).query().get("since_id"),
                "only the brand's posts newer than the customer's are read");
    }

    @Test
    void aReplyXWillNeverTakeIsRejectedNotBroken() throws Exception {
        XSource source = source();
        x.mention(jane, "@acme help", Duration.ofMinutes(5));
        Message to = source.fetchSince(Optional.empty()).messages().get(0);
        x.failNext("POST", "/2/tweets", 403, "error_403_reply_restricted.json", Map.of());
        DeliveryException e = assertThrows(DeliveryException.class, () -> source.reply(to, "Hi", "k"));
        assertEquals(Kind.REJECTED, e.kind());
        assertTrue(e.getMessage().contains("Reply to this conversation is not allowed"), e.getMessage());
    }
}
