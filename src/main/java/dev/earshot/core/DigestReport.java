package dev.earshot.core;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How the team did over a period: the arithmetic behind the morning digest, the weekly digest and
 * {@code /earshot stats}. Pure: the store collects the rows, {@link #compute} does the sums, the
 * application lays out the text and a chart adapter draws {@link #trend()}.
 *
 * <p>What each figure means, so that a manager can check it by hand:
 * <ul>
 * <li>received, answered, dismissed, response rate, median and p90 first response: over the
 *     conversations opened in [from, to); "answered" means a first reply reached the customer by
 *     the time the report was made ({@link ResponseFigures}, nearest-rank percentiles).
 * <li>SLA met: of those conversations that needed an answer, the share answered within the
 *     team's {@link SlaPolicy}, by the same rule the nudges follow: the in-hours or after-hours
 *     target by when the conversation opened, and with a paused clock only business time counts.
 *     Answered late, or unanswered and already past the target, is a miss; unanswered but still
 *     within the target is not counted yet; closed (dismissed or resolved) without an answer
 *     needed none and is not counted.
 * <li>still waiting: every conversation waiting for the team now (new or claimed), oldest first,
 *     whatever day it came in.
 * <li>per teammate: claims and delivered replies in [from, to) from the audit log; the median
 *     first response of the conversations opened in the period whose first answer was theirs.
 * <li>after hours: the same figures for the conversations opened outside the team's {@link BusinessHours}.
 * <li>top voices: the authors of the period's conversations with the most followers.
 * <li>follow-ups due today (the daily digest only): those due on the local day the digest is for,
 *     reminded or not, soonest first, each with who is reminded of it.
 * <li>trend: {@value #TREND_DAYS} local days ending with the period's last day.
 * </ul>
 */
public record DigestReport(
        String title,
        Instant from,
        Instant to,
        ZoneId zone,
        Instant at,
        ResponseFigures figures,
        Sla sla,
        List<WaitingItem> waiting,
        int waitingTotal,
        List<Teammate> team,
        ResponseFigures afterHours,
        ResponseFigures inHours,
        List<Voice> topVoices,
        Trend trend,
        DueToday dueToday) {

    public static final int TREND_DAYS = 14;
    public static final int WAITING_SHOWN = 10;
    public static final int TOP_VOICES = 5;

    /** Most followers first; a tie by handle, then platform, so the order never depends on the rows'. */
    private static final Comparator<Voice> LOUDEST = Comparator.comparingLong(Voice::followers).reversed()
            .thenComparing(Voice::handle).thenComparing(Voice::platform);

    public DigestReport {
        waiting = List.copyOf(waiting);
        team = List.copyOf(team);
        topVoices = List.copyOf(topVoices);
    }

    /** The business hours the after-hours figures are split by: the SLA clock's own. */
    public BusinessHours hours() {
        return sla.policy().hours();
    }

    /**
     * First responses within the team's targets.
     *
     * @param counted conversations that needed an answer and were answered, or are already late
     */
    public record Sla(SlaPolicy policy, int met, int counted) {
        public Sla {
            Objects.requireNonNull(policy, "policy");
        }

        public Optional<Integer> percent() {
            return counted == 0 ? Optional.empty() : Optional.of(Math.round(100f * met / counted));
        }
    }

    /** One row of the per-teammate table; {@code medianResponse} null when none was theirs. */
    public record Teammate(String member, int claimed, int replied, Duration medianResponse) {
        public Optional<Duration> median() {
            return Optional.ofNullable(medianResponse);
        }
    }

    /**
     * The follow-ups due on one local day; a report without them (weekly, stats) has none at all.
     */
    public record DueToday(LocalDate day, List<FollowUpDue> followUps) {
        public DueToday {
            Objects.requireNonNull(day, "day");
            followUps = List.copyOf(followUps);
        }
    }

    /** A follow-up due: on which conversation, when, who is reminded (owner, else who set it), and its note. */
    public record FollowUpDue(long conversationId, Instant dueAt, String who, String note) {
        public FollowUpDue {
            Objects.requireNonNull(dueAt, "dueAt");
            note = note == null ? "" : note;
        }

        public static FollowUpDue of(FollowUp f, Conversation c) {
            return new FollowUpDue(c.id(), f.dueAt(), f.remind(c), f.note());
        }
    }

    /** An influential author, with how many of their conversations were answered. */
    public record Voice(Platform platform, String handle, long followers, int conversations, int answered) {
    }

    /**
     * What the store collected for one report.
     *
     * @param opened conversations opened in [from, to)
     * @param waiting conversations waiting now, oldest first (may be cut short)
     * @param waitingTotal how many are waiting now in all
     * @param activity claims and replies per member in [from, to)
     * @param members the configured team, so that a quiet teammate shows too
     * @param trendTimings conversations opened from {@link #trendFrom} to {@code to}
     * @param dueToday the follow-ups due on the digest's day, or null when this report lists none
     */
    public record Input(String title, Instant from, Instant to, ZoneId zone, Instant now,
                        List<CountedConversation> opened, List<WaitingItem> waiting, int waitingTotal,
                        List<MemberActivity> activity, List<String> members, List<Timing> trendTimings,
                        SlaPolicy sla, DueToday dueToday) {
        public Input {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(now, "now");
            Objects.requireNonNull(sla, "sla");
            if (!zone.normalized().equals(sla.hours().zone().normalized())) {
                throw new IllegalArgumentException("the report's days and the business hours must share one time zone");
            }
        }
    }

    /** The period's last local day: the day holding the last instant before {@code to}. */
    public static LocalDate lastDay(Instant from, Instant to, ZoneId zone) {
        Instant last = to.isAfter(from) ? to.minusMillis(1) : from;
        return last.atZone(zone).toLocalDate();
    }

    /** Where the trend's timings must start: the first of the {@value #TREND_DAYS} days. */
    public static Instant trendFrom(Instant from, Instant to, ZoneId zone) {
        return lastDay(from, to, zone).minusDays(TREND_DAYS - 1L).atStartOfDay(zone).toInstant();
    }

    public static DigestReport compute(Input in) {
        List<CountedConversation> opened = in.opened();
        ResponseFigures figures = figures(opened, in.waitingTotal());
        BusinessHours.OpenCheck hours = in.sla().hours().openCheck();
        List<CountedConversation> inside = new ArrayList<>();
        List<CountedConversation> outside = new ArrayList<>();
        for (CountedConversation c : opened) {
            (hours.isOpen(c.openedAt()) ? inside : outside).add(c);
        }
        List<WaitingItem> waiting = in.waiting().stream()
                .sorted(Comparator.comparing(WaitingItem::openedAt).thenComparingLong(WaitingItem::id))
                .limit(WAITING_SHOWN).toList();
        Sla sla = sla(inside, outside, in.sla(), in.now());
        return new DigestReport(in.title(), in.from(), in.to(), in.zone(), in.now(), figures,
                sla, waiting, in.waitingTotal(),
                team(opened, in.activity(), in.members()), figures(outside, 0), figures(inside, 0),
                voices(opened), trend(in), in.dueToday());
    }

    private static ResponseFigures figures(List<CountedConversation> rows, int waiting) {
        int dismissed = (int) rows.stream().filter(c -> c.state() == State.DISMISSED).count();
        long[] responses = firstResponses(rows);
        return ResponseFigures.ofMillis(rows.size(), responses.length, dismissed, waiting, responses);
    }

    /** The answered ones' first-response times in milliseconds, in the rows' order. */
    private static long[] firstResponses(List<CountedConversation> rows) {
        long[] out = new long[rows.size()];
        int n = 0;
        for (CountedConversation c : rows) {
            if (c.answered()) {
                out[n++] = ResponseFigures.responseMillis(c.openedAt(), c.firstReplyAt());
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** The in-hours and after-hours conversations apart, so that business hours are looked up once per row. */
    private static Sla sla(List<CountedConversation> inside, List<CountedConversation> outside, SlaPolicy policy,
                           Instant now) {
        int[] inHours = slaCounts(inside, policy, policy.target(true), now);
        int[] afterHours = slaCounts(outside, policy, policy.target(false), now);
        return new Sla(policy, inHours[0] + afterHours[0], inHours[1] + afterHours[1]);
    }

    /** {met, counted} of conversations that all have the same target. */
    private static int[] slaCounts(List<CountedConversation> rows, SlaPolicy policy, Duration target, Instant now) {
        int met = 0;
        int counted = 0;
        for (CountedConversation c : rows) {
            if (c.answered()) {
                counted++;
                met += policy.elapsed(c.openedAt(), c.firstReplyAt()).compareTo(target) <= 0 ? 1 : 0;
            } else if (c.state().isOpen() && policy.elapsed(c.openedAt(), now).compareTo(target) > 0) {
                counted++;
            }
        }
        return new int[] {met, counted};
    }

    private static List<Teammate> team(List<CountedConversation> rows, List<MemberActivity> activity,
                                       List<String> members) {
        Map<String, MemberActivity> byName = new LinkedHashMap<>();
        activity.forEach(a -> byName.put(a.member(), a));
        Map<String, List<CountedConversation>> answeredBy = new HashMap<>();
        for (CountedConversation c : rows) {
            if (c.firstResponder() != null) {
                answeredBy.computeIfAbsent(c.firstResponder(), k -> new ArrayList<>()).add(c);
            }
        }
        Set<String> names = new LinkedHashSet<>(members);
        names.addAll(byName.keySet());
        names.addAll(answeredBy.keySet());
        List<Teammate> out = new ArrayList<>();
        for (String name : names) {
            MemberActivity a = byName.getOrDefault(name, new MemberActivity(name, 0, 0));
            long[] theirs = firstResponses(answeredBy.getOrDefault(name, List.of()));
            Duration median = ResponseFigures.ofMillis(theirs.length, theirs.length, 0, 0, theirs)
                    .medianFirstResponse().orElse(null);
            out.add(new Teammate(name, a.claimed(), a.replied(), median));
        }
        out.sort(Comparator.comparingInt(Teammate::replied).reversed()
                .thenComparing(Comparator.comparingInt(Teammate::claimed).reversed())
                .thenComparing(Teammate::member));
        return out;
    }

    /**
     * The authors with the most followers. A month may hold 50,000 authors for five places, so
     * only the loud ones are counted: those with a conversation among the {@code k} with the most
     * followers, {@code k} doubling until they are {@value #TOP_VOICES} or more. Everyone else
     * has fewer followers than each of them.
     */
    private static List<Voice> voices(List<CountedConversation> rows) {
        long[] followers = rows.stream().mapToLong(CountedConversation::followers).filter(f -> f >= 0).sorted()
                .toArray();
        if (followers.length == 0) {
            return List.of();
        }
        Set<String> loud = new HashSet<>();
        for (int k = TOP_VOICES; loud.size() < TOP_VOICES; k *= 2) {
            long least = followers[Math.max(0, followers.length - k)];
            rows.stream().filter(c -> c.followers() >= least).forEach(c -> loud.add(c.authorHandle()));
            if (k >= followers.length) {
                break; // every known audience is in: a quiet day has fewer than five voices
            }
        }
        record Author(Platform platform, String handle) {
        }
        Map<Author, Voice> byAuthor = new HashMap<>();
        for (CountedConversation c : rows) {
            if (c.followers() < 0 || !loud.contains(c.authorHandle())) {
                continue;
            }
            Voice one = new Voice(c.platform(), c.authorHandle(), c.followers(), 1, c.answered() ? 1 : 0);
            byAuthor.merge(new Author(c.platform(), c.authorHandle()), one, (seen, more) ->
                    new Voice(seen.platform(), seen.handle(), Math.max(seen.followers(), more.followers()),
                            seen.conversations() + 1, seen.answered() + more.answered()));
        }
        return byAuthor.values().stream().sorted(LOUDEST).limit(TOP_VOICES).toList();
    }

    private static Trend trend(Input in) {
        LocalDate last = lastDay(in.from(), in.to(), in.zone());
        return Trend.of(in.trendTimings(), last.minusDays(TREND_DAYS - 1L), TREND_DAYS, in.to(), in.zone());
    }
}
