package dev.earshot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.app.outbox.Dispatcher;
import dev.earshot.core.Author;
import dev.earshot.core.BusinessHours;
import dev.earshot.core.Continuity;
import dev.earshot.core.DigestReport;
import dev.earshot.core.Message;
import dev.earshot.core.MessageKind;
import dev.earshot.core.NudgePlan;
import dev.earshot.core.OnCallRotation;
import dev.earshot.core.Platform;
import dev.earshot.core.PriorityRules;
import dev.earshot.core.SlaPolicy;
import dev.earshot.core.Team;
import dev.earshot.core.Trend;
import dev.earshot.port.ChartRenderer;
import dev.earshot.port.ChatPlatform;
import dev.earshot.port.SocialSource;
import dev.earshot.testing.Harness;
import dev.earshot.testing.RecordingChat;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One day of a team's work, built through the inbox and the commands with a stepping clock, and
 * the digest's figures checked against what was worked out by hand. The team's own business hours
 * and SLA clock, the ones the nudges run on: UTC, Mon–Fri 09:00–18:00, first response within 1h in
 * business hours and 4h outside them, the clock always running.
 *
 *
 * <pre>
 *  #  opened  author  followers  what happened                                   first response
 *  1  09:00   ann     120,000    alice claims 09:05, replies 09:20              20m   in hours
 *  2  09:10   ben          50    bob replies 10:40                              1h30m in hours
 *  3  10:00   cat       3,000    alice replies 10:30 without claiming           30m   in hours
 *  4  13:00   dan          10    alice dismisses it as spam 13:05               –     in hours
 *  5  19:30   eve         800    bob claims 19:45, replies 21:30                2h    after hours
 *  6  22:00   fay     200,000    nobody: still waiting at the digest (11h)      –     after hours
 * </pre>
 *
 * Received 6, answered 4 (67%), dismissed 1, waiting 1. First responses sorted 20m, 30m, 1h30m,
 * 2h: nearest-rank median (rank 2) 30m, p90 (rank 4) 2h. SLA: #1 and #3 met their 1h, #5 its 4h
 * (after hours); #2 late (1h30m of 1h), #6 overdue (11h of 4h); #4 needed no answer: 3 of 5, 60%.
 * With the clock paused outside hours everything gets 1h of business time: #5 took none (met) and
 * #6 has used none by Tuesday 09:00 (not counted yet): 3 of 4, 75%. After hours: #5 and #6, 1 answered, median 2h; in
 * hours the median of 20m, 30m, 1h30m is 30m. Alice: 1 claim, 2 replies, median of 20m and 30m
 * is 20m. Bob: 1 claim, 2 replies, median of 1h30m and 2h is 1h30m. Carol did nothing.
 *
 * <p>Follow-ups: alice sets one on #1 due Wednesday (not today's), one on #5 due Tuesday 09:30
 * (bob owns #5, so he is the one reminded), and carol one without a note on #6, due Tuesday 22:00
 * (nobody owns #6: carol herself). Tuesday's digest lists #5 and #6.
 */
class DigestFixtureDayTest {
    static final Instant MONDAY = Instant.parse("2026-11-23T00:00:00Z");

    @TempDir
    Path dir;
    Harness h;
    Dispatcher dispatcher;
    final List<Trend> drawn = new ArrayList<>();

    @BeforeEach
    void theDay() {
        theDay(false);
    }

    /** The team's follow-through: nudges off, the business hours and SLA clock of the table above. */
    static FollowThrough office(boolean pauseOutsideHours) {
        BusinessHours office = new BusinessHours(ZoneOffset.UTC, BusinessHours.WEEKDAYS, LocalTime.of(9, 0),
                LocalTime.of(18, 0), Set.of());
        SlaPolicy sla = new SlaPolicy(Duration.ofHours(1), Duration.ofHours(4), pauseOutsideHours, office);
        return new FollowThrough(new Team(List.of()), office, sla, NudgePlan.off(), OnCallRotation.none(ZoneOffset.UTC),
                null, Continuity.off(), 0, "support");
    }

    void theDay(boolean pauseOutsideHours) {
        if (h != null) {
            h.close();
            drawn.clear();
            next = 1;
        }
        h = new Harness(dir.resolve(pauseOutsideHours ? "paused" : "running"), new RecordingChat(),
                office(pauseOutsideHours), PriorityRules.defaults());
        ChartRenderer capture = (name, trend) -> {
            drawn.add(trend);
            return Optional.of(new ChatPlatform.Image(name + ".png", "chart", new byte[] {1}));
        };
        dispatcher = h.dispatcher(Dispatcher.CrashPoints.NONE, capture);
        at("09:00");
        arrives("ann", 120_000, "my order arrived broken");
        at("09:05");
        does("alice", "claim 1");
        at("09:10");
        arrives("ben", 50, "where is my parcel?");
        at("09:20");
        does("alice", "reply 1 Sorry Ann, a new one is on its way.");
        does("alice", "followup 1 2d check the new one arrived"); // due Wednesday: not in Tuesday's digest
        at("10:00");
        arrives("cat", 3_000, "do you ship to Norway?");
        at("10:30");
        does("alice", "reply 3 We do!");
        at("10:40");
        does("bob", "reply 2 It is out for delivery today.");
        at("13:00");
        arrives("dan", 10, "BUY CHEAP FOLLOWERS");
        at("13:05");
        does("alice", "dismiss 4 spam");
        at("19:30");
        arrives("eve", 800, "is the shop open on Sunday?");
        at("19:45");
        does("bob", "claim 5");
        at("21:30");
        does("bob", "reply 5 It is, from 10 to 4.");
        does("alice", "followup 5 12h ask whether they found us on Sunday"); // Tuesday 09:30: bob owns #5
        at("22:00");
        arrives("fay", 200_000, "still no refund after three weeks");
        does("carol", "followup 6 1d");                                        // Tuesday 22:00: nobody owns #6
        h.clock.advance(Duration.between(h.clock.instant(), MONDAY.plus(Duration.ofHours(33)))); // Tuesday 09:00
    }

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void theFiguresAreTheHandComputedOnes() {
        DigestReport r = h.digests.daily(LocalDate.of(2026, 11, 23));
        assertEquals(6, r.figures().received());
        assertEquals(4, r.figures().answered());
        assertEquals(Optional.of(67), r.figures().responseRatePercent());
        assertEquals(1, r.figures().dismissed());
        assertEquals(1, r.waitingTotal());
        assertEquals(Optional.of(Duration.ofMinutes(30)), r.figures().medianFirstResponse());
        assertEquals(Optional.of(Duration.ofHours(2)), r.figures().percentile(90));
        assertEquals(3, r.sla().met());
        assertEquals(5, r.sla().counted());
        assertEquals(Optional.of(60), r.sla().percent());
        assertEquals(2, r.afterHours().received());
        assertEquals(1, r.afterHours().answered());
        assertEquals(Optional.of(Duration.ofHours(2)), r.afterHours().medianFirstResponse());
        assertEquals(Optional.of(Duration.ofMinutes(30)), r.inHours().medianFirstResponse());
        assertEquals(List.of(
                new DigestReport.Teammate("alice", 1, 2, Duration.ofMinutes(20)),
                new DigestReport.Teammate("bob", 1, 2, Duration.ofMinutes(90)),
                new DigestReport.Teammate("carol", 0, 0, null)), r.team());
        assertEquals(List.of("fay", "ann", "cat", "eve", "ben"), r.topVoices().stream().map(DigestReport.Voice::handle).toList());
        assertEquals(6L, r.waiting().get(0).id());
        assertEquals(new DigestReport.DueToday(LocalDate.of(2026, 11, 24), List.of(
                new DigestReport.FollowUpDue(5, Instant.parse("2026-11-24T09:30:00Z"), "bob",
                        "ask whether they found us on Sunday"),
                new DigestReport.FollowUpDue(6, Instant.parse("2026-11-24T22:00:00Z"), "carol", ""))), r.dueToday());
    }

    @Test
    void withTheClockPausedOutsideHoursOnlyBusinessTimeCounts() {
        theDay(true);
        DigestReport r = h.digests.daily(LocalDate.of(2026, 11, 23));
        assertEquals(3, r.sla().met());
        assertEquals(4, r.sla().counted());
        assertEquals(Optional.of(75), r.sla().percent());
        assertEquals(2, r.afterHours().received(), "the after-hours split does not depend on the pause");
    }

    @Test
    void theMorningDigestIsPostedWithThisTextAndTheTrendGoesToTheChart() {
        assertEquals(1, h.digests.runDue());
        h.drain(dispatcher);
        assertEquals(1, h.chat.reports.size());
        RecordingChat.Report posted = h.chat.reports.get(0);
        assertEquals("support", posted.channel());
        assertEquals("digest-2026-11-23.png", posted.image().fileName());
        assertEquals("""
                Daily digest · Monday 23 November 2026 (UTC)

                  Received        6         Answered      4 (67%)
                  Dismissed       1         Waiting now   1
                  First response  median 30m · p90 2h
                  SLA met         60% (3 of 5 within 1h, 4h after hours)

                Still waiting: 1, oldest first
                  #6 · @fay · 11h · Demo https://social.example/@fay/m6

                Team      claimed  replied  median response
                  @alice        1        2              20m
                  @bob          1        2           1h 30m
                  @carol        0        0                –

                After hours (outside Mon–Fri 09:00–18:00 UTC)
                  2 received · 1 answered (50%) · median first response 2h · in hours 30m

                Top voices
                  @fay  200k followers · Demo · 1 conversation, not answered
                  @ann  120k followers · Demo · 1 conversation, answered
                  @cat    3k followers · Demo · 1 conversation, answered
                  @eve   800 followers · Demo · 1 conversation, answered
                  @ben    50 followers · Demo · 1 conversation, answered

                Follow-ups due today: 2
                  #5 · due 09:30 · @bob · ask whether they found us on Sunday
                  #6 · due 22:00 · @carol

                Trend: the 14-day chart is attached (received and answered per day, median first response).""",
                posted.text());

        assertEquals(1, drawn.size(), "the renderer got the trend once");
        Trend trend = drawn.get(0);
        assertEquals(14, trend.days().size());
        assertEquals(new Trend.Day(LocalDate.of(2026, 11, 23), 6, 4, Duration.ofMinutes(30)), trend.days().get(13));
        for (Trend.Day quiet : trend.days().subList(0, 13)) {
            assertEquals(0, quiet.received(), quiet.toString());
        }
        assertEquals(LocalDate.of(2026, 11, 10), trend.days().get(0).date());
    }

    @Test
    void statsForYesterdayShowTheSameFigures() {
        String stats = h.as("carol", "stats yesterday");
        String digest = DigestText.body(h.digests.daily(LocalDate.of(2026, 11, 23)));
        assertTrue(stats.startsWith("Stats for yesterday · Mon 23 Nov (UTC)\n"), stats);
        assertFalse(stats.contains("Follow-ups"), "follow-ups due today belong to the morning digest");
        assertEquals(digest.substring(digest.indexOf("\n\n")), stats.substring(stats.indexOf("\n\n"),
                stats.indexOf("\n\n/earshot digest")));
    }

    @Test
    void theThirtyDayStatsDrawTheDayInTheirTrendAsTheDigestDoes() {
        Trend trend = h.digests.stats(StatsPeriod.LAST_30_DAYS).trend();
        Trend.Day monday = trend.days().stream().filter(d -> d.date().equals(LocalDate.of(2026, 11, 23)))
                .findFirst().orElseThrow();
        assertEquals(new Trend.Day(LocalDate.of(2026, 11, 23), 6, 4, Duration.ofMinutes(30)), monday);
        assertEquals(6, trend.days().stream().mapToInt(Trend.Day::received).sum());
    }

    @Test
    void commandsAndDigestsCannotBeWiredInTwoTimeZones() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new CommandHandler(h.inbox, h.queries, h.app.onCall(), h.digests, h.team, h.clock,
                        java.time.ZoneId.of("Europe/Berlin"), List.of(), null));
        assertEquals("commands, business hours and digests must share the team's time zone", e.getMessage());
    }

    @Test
    void theDigestCommandPostsOnDemandEveryTimeItIsAsked() {
        assertEquals("The digest of yesterday is on its way to #support.", h.as("carol", "digest"));
        assertEquals("The digest of yesterday is on its way to #support.", h.as("bob", "digest"));
        h.drain(dispatcher);
        assertEquals(2, h.chat.reports.size());
        assertEquals(1, h.digests.runDue(), "on demand claims nothing: the morning digest is still due");
    }

    private void at(String hhmm) {
        Instant t = MONDAY.plus(Duration.parse("PT" + hhmm.replace(":", "H") + "M"));
        h.clock.advance(Duration.between(h.clock.instant(), t));
        h.drain(dispatcher);
    }

    /** A teammate's command, and whatever it sends delivered at once. */
    private void does(String member, String line) {
        h.as(member, line);
        h.drain(dispatcher);
    }

    private int next = 1;

    private void arrives(String handle, long followers, String text) {
        String id = "m" + next++;
        Message m = new Message(Platform.DEMO, "demo", id, new Author(Platform.DEMO, handle, null, followers, null),
                text, "https://social.example/@" + handle + "/" + id, h.clock.instant(), MessageKind.MENTION, null, id);
        h.ingest.ingest(h.demo, new SocialSource.Fetch(List.of(m), null));
        h.drain(dispatcher);
    }
}
