package dev.earshot.app;

import dev.earshot.core.CountedConversation;
import dev.earshot.core.DigestReport;
import dev.earshot.core.Effect;
import dev.earshot.core.Member;
import dev.earshot.core.MemberActivity;
import dev.earshot.core.Refusal;
import dev.earshot.core.SlaPolicy;
import dev.earshot.core.Target;
import dev.earshot.core.Team;
import dev.earshot.core.Timing;
import dev.earshot.core.WaitingItem;
import dev.earshot.port.Store;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The digests: the morning one, the weekly one on Mondays, the one asked for on demand, and the
 * same figures for {@code /earshot stats}.
 *
 * <p>Once per period, across restarts (RELIABILITY.md, promise 7): a scheduled digest claims its
 * period ({@code daily-digest:<channel>}, {@code 2026-11-22}) in the same transaction as the
 * outbox row that posts it. A crash after the claim still posts exactly once, since the outbox
 * row is durable and settled after a crash; a second run for the same period finds the claim.
 *
 * <p>Catch-up policy: {@link #runDue} posts the digest of today (covering yesterday) when today's
 * digest time has passed and it was not posted yet, so a process that was down at 09:00 posts it
 * when it starts again the same day. It never posts digests of days further back: a digest that
 * arrives days late helps nobody. The weekly digest follows the same rule on Mondays.
 */
public final class Digests {
    private static final Logger log = LoggerFactory.getLogger(Digests.class);

    /**
     * How the team wants its digests.
     *
     * @param at the local time of the morning digest, in the team's time zone
     * @param weekly whether Mondays bring a weekly digest too
     * @param channel where digests are posted; null when none is set up
     */
    public record Settings(LocalTime at, boolean weekly, String channel) {
        public Settings {
            Objects.requireNonNull(at, "at");
        }

        /** 09:00, weekly on. */
        public static Settings defaults(String channel) {
            return new Settings(LocalTime.of(9, 0), true, channel);
        }
    }

    private final Store store;
    private final Team team;
    private final Clock clock;
    private final SlaPolicy sla;
    private final ZoneId zone;
    private final Settings settings;
    private final CareReport care;
    private final DialogueFigures dialogue;

    /**
     * @param sla the team's SLA clock, the one the nudges run on: "SLA met" is measured by it and
     *     its business hours split the after-hours figures off; their time zone is the digest's
     */
    public Digests(Store store, Team team, Clock clock, SlaPolicy sla, Settings settings) {
        this(store, team, clock, sla, settings, null);
    }

    /** @param care the lines social care adds (acknowledgements sent, paid reads); null for none */
    public Digests(Store store, Team team, Clock clock, SlaPolicy sla, Settings settings, CareReport care) {
        this.care = care;
        this.store = store;
        this.team = team;
        this.clock = clock;
        this.sla = sla;
        this.zone = sla.hours().zone();
        this.settings = settings;
        this.dialogue = new DialogueFigures(store);
    }

    public Settings settings() {
        return settings;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The figures for [from, to), as of now. */
    public DigestReport report(String title, Instant from, Instant to) {
        return report(title, from, to, null);
    }

    private DigestReport report(String title, Instant from, Instant to, LocalDate dueOn) {
        return DigestReport.compute(collect(title, from, to, dueOn));
    }

    /**
     * What the store holds for the report of [from, to), read in one snapshot; the sums are core's.
     *
     * @param dueOn the local day whose follow-ups the report lists, or null for none
     */
    public DigestReport.Input collect(String title, Instant from, Instant to, LocalDate dueOn) {
        Instant now = clock.instant();
        Instant trendFrom = DigestReport.trendFrom(from, to, zone);
        List<String> members = team.members().stream().map(Member::name).toList();
        return store.read(tx -> {
            List<CountedConversation> opened = tx.conversationsOpened(from, to);
            List<WaitingItem> waiting = tx.oldestWaiting(DigestReport.WAITING_SHOWN);
            int waitingTotal = tx.waitingCount();
            List<MemberActivity> activity = tx.memberActivity(from, to);
            List<Timing> timings = trendFrom.isBefore(from) ? tx.timings(trendFrom, to) : timingsOf(opened, trendFrom);
            DigestReport.DueToday due = dueOn == null ? null : new DigestReport.DueToday(dueOn,
                    tx.followUpsDue(start(dueOn), start(dueOn.plusDays(1))).stream()
                            .flatMap(f -> tx.conversation(f.conversationId()).stream()
                                    .map(c -> DigestReport.FollowUpDue.of(f, c)))
                            .toList());
            return new DigestReport.Input(title, from, to, zone, now, opened, waiting, waitingTotal, activity,
                    members, timings, sla, due);
        });
    }

    /** The trend's timings from the conversations already read, when the trend lies inside the period (stats 30d). */
    private static List<Timing> timingsOf(List<CountedConversation> opened, Instant trendFrom) {
        return opened.stream().filter(c -> !c.openedAt().isBefore(trendFrom))
                .map(c -> new Timing(c.openedAt(), c.firstReplyAt())).toList();
    }

    /** The daily digest covering the local day {@code day}, posted the morning after: with that morning's follow-ups. */
    public DigestReport daily(LocalDate day) {
        return report(DigestText.dailyTitle(day), start(day), start(day.plusDays(1)), day.plusDays(1));
    }

    /** The weekly digest covering the ISO week that starts on {@code monday}. */
    public DigestReport weekly(LocalDate monday) {
        return report(DigestText.weeklyTitle(monday), start(monday), start(monday.plusDays(7)));
    }

    /** What {@code /earshot stats} shows: the digest's figures for the period. */
    public DigestReport stats(StatsPeriod period) {
        Instant now = clock.instant();
        StatsPeriod.Range range = period.range(now, zone);
        LocalDate first = range.from().atZone(zone).toLocalDate();
        LocalDate last = DigestReport.lastDay(range.from(), range.to(), zone);
        // A period that runs until now includes now: what happened this very millisecond counts.
        Instant to = range.to().isBefore(now) ? range.to() : now.plusMillis(1);
        return report(DigestText.statsTitle(period, first, last), range.from(), to);
    }

    /** What {@code /earshot stats} answers: the figures for the period, social care's lines, the dialogue. */
    public String statsText(StatsPeriod period) {
        DigestReport report = stats(period);
        return DigestText.stats(report) + careLines(report) + "\n\n" + dialogue(period);
    }

    /** The digest as posted: the report, then social care's lines. */
    private String text(DigestReport report) {
        return DigestText.digest(report) + careLines(report);
    }

    private String careLines(DigestReport report) {
        return care == null ? "" : care.lines(report.from(), report.to());
    }

    /** The dialogue figures of a stats period, against the four periods of its length before. */
    public String dialogue(StatsPeriod period) {
        StatsPeriod.Range range = period.range(clock.instant(), zone);
        return DialogueText.of(dialogue.of(range.from(), range.to()), "period");
    }

    /** Posts what is due now; see {@link #runDue(Instant)}. */
    public int runDue() {
        return runDue(clock.instant());
    }

    /**
     * Posts the digests due at {@code asOf} that were not posted yet: today's daily digest (of
     * yesterday) once today's digest time has passed, and on Mondays the weekly one (of last
     * week). Never older ones. Returns how many were queued (0 when all were posted already).
     *
     * @param asOf normally now; a scheduler passes the time it meant to fire, which may be a
     *     moment later than now (Quartz may fire a few milliseconds early)
     */
    public int runDue(Instant asOf) {
        Instant now = clock.instant();
        Instant when = asOf.isAfter(now) ? asOf : now;
        LocalDate today = when.atZone(zone).toLocalDate();
        if (when.isBefore(dueAt(today))) {
            return 0;
        }
        requireChannel();
        LocalDate yesterday = today.minusDays(1);
        int queued = post(dailyJob(), yesterday.toString(), "digest-" + yesterday, () -> daily(yesterday), "") ? 1 : 0;
        if (settings.weekly() && today.getDayOfWeek() == DayOfWeek.MONDAY) {
            LocalDate monday = today.minusWeeks(1);
            String week = isoWeek(monday);
            String talk = "\n\n" + DialogueText.of(dialogue.of(start(monday), start(monday.plusDays(7))), "week");
            queued += post(weeklyJob(), week, "weekly-digest-" + week, () -> weekly(monday), talk) ? 1 : 0;
        }
        return queued;
    }

    /**
     * Today's digest (of yesterday), posted now on demand; not keyed, so asking twice posts twice.
     * Returns the report that was queued.
     */
    public DigestReport postNow() {
        requireChannel();
        LocalDate yesterday = clock.instant().atZone(zone).toLocalDate().minusDays(1);
        DigestReport report = daily(yesterday);
        Effect.Report effect = new Effect.Report("digest-" + yesterday, text(report), report.trend());
        store.write(tx -> tx.enqueue(effect, target(), clock.instant()));
        log.info("digest of {} asked for; queued for #{}", yesterday, settings.channel());
        return report;
    }

    /** When the morning digest of {@code day} is due: at the set time, or just after a DST gap that skips it. */
    public Instant dueAt(LocalDate day) {
        return day.atTime(settings.at()).atZone(zone).toInstant();
    }

    public String dailyJob() {
        return "daily-digest:" + settings.channel();
    }

    public String weeklyJob() {
        return "weekly-digest:" + settings.channel();
    }

    /** {@code 2026-W47}: the ISO week holding {@code day}. */
    public static String isoWeek(LocalDate day) {
        return String.format(Locale.ROOT, "%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
                day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** @param more text added at the end (the weekly digest's dialogue figures) */
    private boolean post(String job, String period, String name, Supplier<DigestReport> make, String more) {
        if (store.read(tx -> tx.runClaimed(job, period))) {
            return false;
        }
        DigestReport report = make.get();
        Effect.Report effect = new Effect.Report(name, text(report) + more, report.trend());
        boolean claimed = store.write(tx -> {
            Instant now = clock.instant();
            if (!tx.claimRun(job, period, now)) {
                return false; // another run got there between our check and this write
            }
            tx.enqueue(effect, target(), now);
            return true;
        });
        if (claimed) {
            log.info("{} for {} queued for #{}: {} received, {} answered", job.substring(0, job.indexOf(':')),
                    period, settings.channel(), report.figures().received(), report.figures().answered());
        }
        return claimed;
    }

    private void requireChannel() {
        if (settings.channel() == null || settings.channel().isBlank()) {
            throw new Refusal(Words.NO_DIGEST_CHANNEL);
        }
    }

    private Target target() {
        return Target.chat(settings.channel());
    }

    private Instant start(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }
}
