package dev.earshot.source.x;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.app.CareSettings;
import dev.earshot.app.FollowThrough;
import dev.earshot.core.SpikeRule;
import dev.earshot.testing.Harness;
import dev.earshot.testing.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Volume spikes end to end on X: mentions from the fake X API through the real source into the
 * store; one alert per spike in the channel, none repeated (also after a restart), one "back to
 * normal"; a busy usual hour raises the bar.
 */
class XSpikesTest {
    @TempDir
    Path dir;
    /** Monday 23 November 2026, 09:30 UTC. */
    private final TestClock clock = TestClock.at("2026-11-23T09:30:00Z");
    private final FakeX x = new FakeX(clock);
    private Harness h;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
        x.close();
    }

    private void start() {
        if (h != null) {
            h.close();
        }
        CareSettings care = new CareSettings(null, new CareSettings.Spikes(true, new SpikeRule(3, 5, 1),
                List.of("refund")), null, "support");
        h = new Harness(dir, clock, XSource.create(XSourceTest.config(x, Duration.ofDays(8), 500, 100), clock),
                FollowThrough.none(), care);
    }

    /** {@code n} customers write within the last ten minutes (or at {@code ago}); customer i has 1000·i followers. */
    private void customersWrite(int from, int n, String text, Duration ago) {
        for (int i = from; i < from + n; i++) {
            FakeX.User u = x.user(Integer.toString(3000 + i), "user" + i, "User " + i, 1_000L * i);
            x.mention(u, "@acme " + text + " " + i, ago.plusSeconds(i % 600));
        }
    }

    private List<String> posts(String start) {
        h.drain(h.dispatcher());
        return h.chat.channelPosts.stream().map(p -> p.text()).filter(t -> t.startsWith(start)).toList();
    }

    @Test
    void oneAlertPerSpikeNoRepeatAfterARestartAndOneBackToNormal() {
        start();
        customersWrite(1, 16, "login is down again", Duration.ZERO);
        h.poller().pollOnce().orElseThrow();
        List<String> alerts = posts("📈");
        assertEquals(1, alerts.size(), alerts.toString());
        assertTrue(alerts.get(0).startsWith("📈 Spike on acme-x: 16 new conversations in the last 15 minutes;"
                + " usually 5. Top words: down, login."), alerts.get(0));
        assertTrue(alerts.get(0).contains("Most-followed: @user16 (16k), @user15 (15k), @user14 (14k)."), alerts.get(0));
        assertTrue(alerts.get(0).contains("Cards: #1 #2 #3 #4 #5 #6 #7 #8 #9 #10 and 6 more"), alerts.get(0));

        clock.advance(Duration.ofMinutes(1));
        customersWrite(17, 5, "still down", Duration.ZERO);
        h.poller().pollOnce().orElseThrow();
        assertEquals(1, posts("📈").size(), "no repeat while it lasts");

        start();
        customersWrite(22, 1, "down", Duration.ZERO);
        h.poller().pollOnce().orElseThrow();
        h.app.tick();
        assertEquals(0, posts("📈").size(), "the restarted install remembers the spike");

        clock.advance(Duration.ofMinutes(16));
        h.app.tick();
        h.app.tick();
        List<String> normal = posts("📉");
        assertEquals(1, normal.size());
        assertTrue(normal.get(0).startsWith("📉 Back to normal on acme-x: 0 new conversations in the last 15 minutes;"
                + " usually 5 (spike since Mon 09:30 UTC)."), normal.get(0));
    }

    @Test
    void aKeywordSpikesOnItsOwnAndABusyUsualHourRaisesTheBar() {
        customersWrite(100, 40, "hello", Duration.ofDays(7).minusMinutes(15)); // last week, 09:15 to 09:25
        start();
        customersWrite(1, 16, "refund please", Duration.ZERO);
        h.poller().pollOnce().orElseThrow();
        List<String> alerts = posts("📈");
        assertEquals(1, alerts.size(), alerts.toString());
        assertTrue(alerts.get(0).startsWith("📈 Spike on “refund”: 16 new conversations"), alerts.get(0));
        assertTrue(alerts.get(0).contains("usually 5"), "no refund last week: the floor");
    }
}
