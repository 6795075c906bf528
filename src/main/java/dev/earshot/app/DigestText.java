package dev.earshot.app;

import dev.earshot.core.DigestReport;
import dev.earshot.core.ResponseFigures;
import dev.earshot.core.SlaPolicy;
import dev.earshot.core.Spans;
import dev.earshot.core.WaitingItem;
import dev.earshot.core.ZoneName;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A {@link DigestReport} as plain text for chat: short aligned tables meant for a fixed-width
 * font (a chat adapter may show it as a code block). Customer-supplied parts (handles, links) are
 * flattened to one line here; escaping for the chat's markup is the adapter's job.
 */
public final class DigestText {
    private static final String NONE = "–";
    private static final int HANDLE_MAX = 24;
    private static final int NOTE_MAX = 80;
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    private DigestText() {
    }

    /** {@code Daily digest · Monday 23 November 2026}: the title of the digest covering {@code day}. */
    static String dailyTitle(LocalDate day) {
        return "Daily digest · " + DAY.format(day);
    }

    /** The title of the weekly digest of the ISO week that starts on {@code monday}. */
    static String weeklyTitle(LocalDate monday) {
        return "Weekly digest · week " + monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) + ", "
                + SHORT_DAY.format(monday) + " – " + DAY.format(monday.plusDays(6));
    }

    /** {@code Stats for 7d · Tue 17 Nov – Mon 23 Nov}. */
    static String statsTitle(StatsPeriod period, LocalDate first, LocalDate last) {
        String days = first.equals(last) ? SHORT_DAY.format(first) : SHORT_DAY.format(first) + " – " + SHORT_DAY.format(last);
        return "Stats for " + period.word() + " · " + days;
    }

    /** The digest as posted, with a line saying the chart is attached. */
    public static String digest(DigestReport r) {
        return report(r) + "\n\nTrend: the " + DigestReport.TREND_DAYS + "-day chart is attached"
                + " (received and answered per day, median first response).";
    }

    /** The same figures as the digest, as {@code /earshot stats} answers them. */
    public static String stats(DigestReport r) {
        return body(r) + "\n\n/earshot digest posts the digest with its " + DigestReport.TREND_DAYS
                + "-day chart in the channel.";
    }

    /** The figures and, in a daily digest, the follow-ups due today; without the line about the chart. */
    public static String report(DigestReport r) {
        if (r.dueToday() == null) {
            return body(r);
        }
        StringBuilder out = new StringBuilder(body(r)).append("\n\n");
        List<DigestReport.FollowUpDue> due = r.dueToday().followUps();
        if (due.isEmpty()) {
            return out.append("Follow-ups due today: none.").toString();
        }
        out.append("Follow-ups due today: ").append(due.size()).append('\n');
        int idWidth = due.stream().mapToInt(f -> Long.toString(f.conversationId()).length() + 1).max().orElse(2);
        for (DigestReport.FollowUpDue f : due) {
            String note = f.note().isBlank() ? "" : " · " + cut(oneLine(f.note()), NOTE_MAX);
            out.append(String.format("  %-" + idWidth + "s · due %s · @%s%s%n", "#" + f.conversationId(),
                    HH_MM.format(f.dueAt().atZone(r.zone())), handle(f.who()), note));
        }
        return out.toString().stripTrailing();
    }

    /** The figures alone (what stats shows too), without follow-ups or the line about the chart. */
    public static String body(DigestReport r) {
        StringBuilder out = new StringBuilder();
        out.append(r.title()).append(" (").append(ZoneName.of(r.zone())).append(")\n\n");
        figures(out, r);
        out.append('\n');
        waiting(out, r);
        out.append('\n');
        team(out, r);
        out.append('\n');
        afterHours(out, r);
        out.append('\n');
        voices(out, r);
        return out.toString().stripTrailing();
    }

    private static void figures(StringBuilder out, DigestReport r) {
        ResponseFigures f = r.figures();
        String rate = f.responseRatePercent().map(p -> " (" + p + "%)").orElse("");
        out.append(String.format("  %-16s%-10d%-14s%d%s%n", "Received", f.received(), "Answered", f.answered(), rate));
        out.append(String.format("  %-16s%-10d%-14s%d%n", "Dismissed", f.dismissed(), "Waiting now", r.waitingTotal()));
        out.append(String.format("  %-16smedian %s · p90 %s%n", "First response", span(f.medianFirstResponse()),
                span(f.percentile(90))));
        DigestReport.Sla sla = r.sla();
        String slaText = sla.percent().map(p -> p + "% (" + sla.met() + " of " + sla.counted() + " within "
                + targets(sla.policy()) + ")").orElse("n/a (nothing to count yet; target " + targets(sla.policy()) + ")");
        out.append(String.format("  %-16s%s%n", "SLA met", slaText));
    }

    /** The first-response targets as the nudges apply them: {@code 1h, 4h after hours}. */
    static String targets(SlaPolicy sla) {
        String in = Spans.format(sla.inHours());
        if (sla.pauseOutsideHours()) {
            return in + " of business hours";
        }
        return sla.inHours().equals(sla.outsideHours()) ? in : in + ", " + Spans.format(sla.outsideHours()) + " after hours";
    }

    private static void waiting(StringBuilder out, DigestReport r) {
        if (r.waitingTotal() == 0) {
            out.append("Still waiting: nobody.\n");
            return;
        }
        String more = r.waitingTotal() > r.waiting().size()
                ? ", the " + r.waiting().size() + " oldest shown" : "";
        out.append("Still waiting: ").append(r.waitingTotal()).append(", oldest first").append(more).append('\n');
        int idWidth = r.waiting().stream().mapToInt(w -> Long.toString(w.id()).length() + 1).max().orElse(2);
        for (WaitingItem w : r.waiting()) {
            String url = w.url().isBlank() ? "" : " " + oneLine(w.url());
            out.append(String.format("  %-" + idWidth + "s · @%s · %s · %s%s%n", "#" + w.id(), handle(w.authorHandle()),
                    age(w.openedAt(), r.at()), w.platform().displayName(), url));
        }
    }

    private static void team(StringBuilder out, DigestReport r) {
        if (r.team().isEmpty()) {
            out.append("Team: no activity.\n");
            return;
        }
        int nameWidth = Math.max(6, r.team().stream().mapToInt(t -> handle(t.member()).length() + 3).max().orElse(6));
        out.append(String.format("%-" + nameWidth + "s %8s %8s %16s%n", "Team", "claimed", "replied", "median response"));
        for (DigestReport.Teammate t : r.team()) {
            out.append(String.format("%-" + nameWidth + "s %8d %8d %16s%n", "  @" + handle(t.member()), t.claimed(),
                    t.replied(), span(t.median())));
        }
    }

    private static void afterHours(StringBuilder out, DigestReport r) {
        ResponseFigures after = r.afterHours();
        out.append("After hours (outside ").append(r.hours().describe()).append(")\n");
        if (after.received() == 0) {
            out.append("  nothing came in after hours.\n");
            return;
        }
        String rate = after.responseRatePercent().map(p -> " (" + p + "%)").orElse("");
        out.append("  ").append(after.received()).append(" received · ").append(after.answered()).append(" answered")
                .append(rate).append(" · median first response ").append(span(after.medianFirstResponse()))
                .append(" · in hours ").append(span(r.inHours().medianFirstResponse())).append('\n');
    }

    private static void voices(StringBuilder out, DigestReport r) {
        if (r.topVoices().isEmpty()) {
            out.append("Top voices: none with a known audience.\n");
            return;
        }
        out.append("Top voices\n");
        int width = r.topVoices().stream().mapToInt(v -> handle(v.handle()).length() + 1).max().orElse(2);
        int followersWidth = r.topVoices().stream().mapToInt(v -> followers(v.followers()).length()).max().orElse(1);
        for (DigestReport.Voice v : r.topVoices()) {
            out.append(String.format("  %-" + width + "s  %" + followersWidth + "s followers · %s · %s%n",
                    "@" + handle(v.handle()), followers(v.followers()), v.platform().displayName(), answered(v)));
        }
    }

    private static String answered(DigestReport.Voice v) {
        String n = v.conversations() == 1 ? "1 conversation" : v.conversations() + " conversations";
        if (v.answered() == v.conversations()) {
            return n + ", answered";
        }
        return v.answered() == 0 ? n + ", not answered" : n + ", " + v.answered() + " answered";
    }

    static String followers(long n) {
        if (n >= 999_500) { // what would round to "1000k" reads as 1M
            return trim(String.format(Locale.ROOT, "%.1f", n / 1_000_000.0)) + "M";
        }
        if (n >= 10_000) {
            return Math.round(n / 1_000.0) + "k";
        }
        return n >= 1_000 ? trim(String.format(Locale.ROOT, "%.1f", n / 1_000.0)) + "k" : Long.toString(n);
    }

    private static String trim(String decimal) {
        return decimal.endsWith(".0") ? decimal.substring(0, decimal.length() - 2) : decimal;
    }

    private static String span(Optional<Duration> d) {
        return d.map(Spans::format).orElse(NONE);
    }

    private static String age(Instant since, Instant now) {
        return Spans.format(Duration.between(since, now));
    }

    /** A handle on one line and of a sane length: it comes from the customer's platform. */
    static String handle(String raw) {
        return cut(oneLine(raw), HANDLE_MAX);
    }

    private static String cut(String flat, int max) {
        return flat.codePointCount(0, flat.length()) <= max ? flat
                : flat.substring(0, flat.offsetByCodePoints(0, max - 1)) + "…";
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}\\s]+", " ").strip();
    }
}
