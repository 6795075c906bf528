package dev.earshot.source.x;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.app.CareSettings;
import dev.earshot.app.FollowThrough;
import dev.earshot.config.EarshotConfig;
import dev.earshot.config.Secret;
import dev.earshot.config.XSourceConfig;
import dev.earshot.core.BillableReads;
import dev.earshot.testing.Harness;
import dev.earshot.testing.TestClock;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What X costs, end to end: the real X source counts what the fake X API returns, the count is
 * stored with the fetch, shown by {@code /earshot stats}, and a monthly budget pauses keyword
 * searches (told once) while mentions keep coming, also after a restart.
 */
class XCostsTest {
    @TempDir
    Path dir;
    private final TestClock clock = TestClock.at(Harness.START);
    private final FakeX x = new FakeX(clock);
    private final FakeX.User jane = x.user("2001", "jane_doe", "Jane Doe", 1_234);
    private final FakeX.User omar = x.user("2002", "omar", "Omar", 87);
    private Harness h;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
        x.close();
    }

    private Harness start(BigDecimal budget) {
        if (h != null) {
            h.close();
        }
        XSourceConfig config = new XSourceConfig("acme-x", new Secret(FakeX.API_KEY), new Secret(FakeX.API_SECRET),
                new Secret(FakeX.TOKEN), new Secret(FakeX.TOKEN_SECRET), x.base(), null, Duration.ofHours(24), 200,
                100, List.of("acme app"), false, null, budget, null);
        CareSettings care = new CareSettings(null, null,
                EarshotConfig.builder().sources(List.of(config)).build().readCosts(), "support");
        h = new Harness(dir, clock, XSource.create(config, clock), FollowThrough.none(), care);
        return h;
    }

    private BillableReads today() {
        LocalDate day = LocalDate.parse(Harness.START.substring(0, 10));
        return h.store.read(tx -> tx.care().reads(day, day)).getOrDefault("acme-x", BillableReads.NONE);
    }

    @Test
    void everyPostUserAndSearchResultReadIsCountedOnceAndShownInStats() {
        start(null);
        x.mention(jane, "@acme one", Duration.ofMinutes(3));
        x.mention(omar, "@acme two", Duration.ofMinutes(2));
        x.post(jane, "the acme app crashed", Duration.ofMinutes(1));
        h.poller().pollOnce().orElseThrow();

        // 2 mentions + 1 search hit; users: the brand (users/me), the 2 authors with the mentions, jane again with the search
        assertEquals(new BillableReads(3, 4, 0), today());
        h.poller().pollOnce().orElseThrow();
        assertEquals(new BillableReads(3, 4, 0), today(), "nothing new, nothing billed; each read counted once");

        clock.advance(Duration.ofDays(1));
        String stats = h.as("alice", "stats 7d");
        assertTrue(stats.contains("acme-x yesterday: 3 posts · 4 users · 0 DM events ≈ 0.06 USD"), stats);
        assertTrue(stats.contains("acme-x month to date: 3 posts · 4 users · 0 DM events ≈ 0.06 USD"), stats);
    }

    @Test
    void aReachedBudgetPausesSearchesTellsOnceAndKeepsMentions() {
        start(new BigDecimal("0.02"));
        x.mention(jane, "@acme one", Duration.ofMinutes(3));
        x.post(omar, "the acme app crashed", Duration.ofMinutes(1));
        h.poller().pollOnce().orElseThrow();
        int searches = x.requests("GET", "/2/tweets/search/recent").size();
        assertEquals(1, searches);

        clock.advance(Duration.ofMinutes(1));
        x.mention(omar, "@acme two", Duration.ZERO);
        x.post(jane, "acme app down", Duration.ZERO);
        assertEquals(1, h.poller().pollOnce().orElseThrow().opened(), "the mention came, the search waited");
        assertEquals(searches, x.requests("GET", "/2/tweets/search/recent").size());
        h.drain(h.dispatcher());
        List<String> told = h.chat.channelPosts.stream().map(p -> p.text()).filter(t -> t.startsWith("💸")).toList();
        assertEquals(1, told.size(), "told once");
        assertTrue(told.get(0).contains("X (acme-x) has read about 0.04 USD this month, its budget is 0.02 USD"),
                told.get(0));

        clock.advance(Duration.ofMinutes(1));
        start(new BigDecimal("0.02"));
        h.poller().pollOnce().orElseThrow();
        h.drain(h.dispatcher());
        assertEquals(searches, x.requests("GET", "/2/tweets/search/recent").size(), "paused from the first poll on");
        assertEquals(0, h.chat.channelPosts.stream().filter(p -> p.text().startsWith("💸")).count(),
                "a restart does not tell again (this is the restarted install's chat)");
    }
}
