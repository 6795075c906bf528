package dev.earshot.source.mastodon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.earshot.config.MastodonSourceConfig;
import dev.earshot.config.Secret;
import dev.earshot.core.Message;
import dev.earshot.core.MessageKind;
import dev.earshot.port.SocialSource.Fetch;
import dev.earshot.source.http.FakeHttpServer;
import dev.earshot.source.http.KeywordSearch;
import dev.earshot.testing.TestClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Keyword searches ({@code /api/v2/search}, hashtag timelines) against the fake instance. */
class MastodonKeywordTest {
    final TestClock clock = TestClock.at("2026-11-23T09:00:00Z");
    final FakeMastodon fake = new FakeMastodon(clock);
    final ObjectNode jane = fake.account("200", "jane", "jane", "Jane Doe", 1_240);
    MastodonSource source;

    @AfterEach
    void tearDown() {
        fake.close();
    }

    private MastodonSource source(List<String> keywords) {
        source = new MastodonSource(new MastodonSourceConfig("acme-mastodon", fake.http.uri(),
                new Secret(FakeMastodon.TOKEN), Duration.ofSeconds(30), Duration.ofHours(24), 200, keywords),
                FakeHttpServer.client(), clock, Duration.ofSeconds(5));
        return source;
    }

    private static List<String> texts(Fetch f) {
        return f.messages().stream().map(Message::text).toList();
    }

    @Test
    void matchesBecomeKeywordMessagesWithoutTheBrandsOwnPostsOrMentions() throws Exception {
        MastodonSource s = source(List.of("acme app", "#acmehelp"));
        fake.post(jane, "<p>old: the acme app crashed</p>", clock.instant().minus(Duration.ofHours(30)));
        fake.post(jane, "<p>the acme app crashed again</p>", clock.instant().minus(Duration.ofMinutes(5)));
        fake.brandStatus("<p>Try the new acme app!</p>", null, "public");
        fake.mention(jane, "<p>@acme the acme app is slow</p>", "public", null);
        fake.post(jane, "<p>who else needs <a href=\"https://social.example/tags/acmehelp\" class=\"mention hashtag\" rel=\"tag\">#<span>acmehelp</span></a>?</p>", clock.instant());

        Fetch first = s.fetchSince(Optional.empty());
        assertEquals(List.of("@acme the acme app is slow", "the acme app crashed again", "who else needs #acmehelp?"),
                texts(first));
        assertEquals(List.of(MessageKind.MENTION, MessageKind.KEYWORD, MessageKind.KEYWORD),
                first.messages().stream().map(Message::kind).toList(),
                "the mention once, as a mention; the backfill window only; never the brand's own post");
        assertTrue(fake.http.requests().stream().anyMatch(r -> r.path().equals("/api/v2/search")
                && "\"acme app\"".equals(r.param("q")) && "statuses".equals(r.param("type"))
                && "false".equals(r.param("resolve"))));
        assertTrue(fake.http.requests().stream().anyMatch(r -> r.path().equals("/api/v1/timelines/tag/acmehelp")));

        KeywordSearch.Cursor cursor = KeywordSearch.Cursor.parse(Optional.of(first.nextCursor()));
        assertTrue(cursor.position("acme app").isPresent() && cursor.position("#acmehelp").isPresent());
        assertEquals(List.of(), s.fetchSince(Optional.of(first.nextCursor())).messages(), "nothing twice");

        fake.post(jane, "<p>acme app: where is my refund</p>", clock.instant());
        fake.http.clearRequests();
        Fetch next = s.fetchSince(Optional.of(first.nextCursor()));
        assertEquals(List.of("acme app: where is my refund"), texts(next));
        assertEquals(cursor.position("acme app").orElseThrow(), fake.http.requests().stream()
                .filter(r -> r.path().equals("/api/v2/search")).findFirst().orElseThrow().param("min_id"),
                "forward from the keyword's own position");
    }

    @Test
    void aPlainCursorStoredBeforeKeywordsStillMeansTheNotifications() throws Exception {
        Fetch before = source(List.of()).fetchSince(Optional.empty());
        assertTrue(before.nextCursor().startsWith("n="), "no keywords: the cursor is as it always was");
        String mention = fake.mention(jane, "<p>@acme hello</p>", "public", null);
        fake.post(jane, "<p>acme is down</p>", clock.instant());

        Fetch after = source(List.of("acme")).fetchSince(Optional.of(before.nextCursor()));
        assertEquals(List.of(mention), after.messages().stream().filter(m -> m.kind() == MessageKind.MENTION)
                .map(Message::externalId).toList(), "the notifications continue from the plain cursor");
        assertEquals(List.of("acme is down"), after.messages().stream().filter(m -> m.kind() == MessageKind.KEYWORD)
                .map(Message::text).toList(), "a newly added keyword reads its backfill window");
        assertTrue(after.nextCursor().startsWith("{"));
    }
}
