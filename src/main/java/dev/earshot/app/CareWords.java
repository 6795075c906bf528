package dev.earshot.app;

import dev.earshot.core.AfterHoursAck;
import dev.earshot.core.ConversationSummary;
import dev.earshot.core.Spans;
import dev.earshot.core.TopWords;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What Earshot says about social care beyond one conversation: volume spikes, the read budget,
 * rate limits spent, the after-hours acknowledgement and a held reply on a card. Plain text, like
 * {@link ChannelWords}; each chat adapter escapes it. Customer-supplied parts are reduced to words
 * and handles here.
 */
public final class CareWords {
    private static final DateTimeFormatter UTC_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    static final int CARDS_LISTED = 10;
    static final int WORDS_LISTED = 5;
    static final int AUTHORS_LISTED = 3;

    private CareWords() {
    }

    /** A spike starts (channel post): how many, the usual number, what about, who, which cards. */
    public static String spike(String scope, List<ConversationSummary> in, double usual) {
        List<String> words = TopWords.top(in.stream().map(ConversationSummary::firstText).toList(), WORDS_LISTED);
        String authors = in.stream().filter(c -> c.followers() > 0)
                .sorted(Comparator.comparingLong(ConversationSummary::followers).reversed())
                .map(c -> "@" + handle(c.authorHandle()) + " (" + followers(c.followers()) + ")").distinct()
                .limit(AUTHORS_LISTED).collect(Collectors.joining(", "));
        String cards = in.stream().limit(CARDS_LISTED).map(c -> "#" + c.id()).collect(Collectors.joining(" "))
                + (in.size() > CARDS_LISTED ? " and " + (in.size() - CARDS_LISTED) + " more" : "");
        return "📈 Spike on " + scope + ": " + countText(in.size()) + " new conversations in the last 15 minutes;"
                + " usually " + usual(usual) + "."
                + (words.isEmpty() ? "" : " Top words: " + String.join(", ", words) + ".")
                + (authors.isEmpty() ? "" : " Most-followed: " + authors + ".")
                + " Cards: " + cards + " (/earshot show <id>).";
    }

    /** The spike is over (channel post, once). */
    static String backToNormal(String scope, int count, double usual, Instant since, ZoneId zone) {
        return "📉 Back to normal on " + scope + ": " + count + " new conversations in the last 15 minutes;"
                + " usually " + usual(usual) + " (spike since " + AfterHoursAck.when(since, zone) + ").";
    }

    /** A source's monthly budget is reached (channel post, once a month). */
    static String budgetReached(String platform, String source, String spent, String budget) {
        return "💸 " + platform + " (" + source + ") has read about " + spent + " this month, its budget is " + budget
                + ": keyword searches, direct messages and backfill stop until next month. Mentions keep coming.";
    }

    /** A rate limit is spent (channel post, once per limit); {@code replies} when it is about replying. */
    static String limitSpent(String platform, String source, boolean replies, Instant until, Instant now) {
        String what = platform == null ? source : platform + " (" + source + ")";
        return "⏳ " + what + (replies ? ": the posting limit is spent" : ": the reading limit is spent")
                + " until " + UTC_MINUTE.format(until) + " (in " + Spans.format(Duration.between(now, until)) + "). "
                + (replies ? "Replies wait and go out then; their cards say so." : "New messages arrive after that.")
                + " Nothing is lost.";
    }

    /** Added to a card's state line: Earshot's after-hours acknowledgement reached the customer. */
    public static String acknowledged() {
        return "🌙 after-hours acknowledgement sent";
    }

    /** Added to a card's state line: its reply waits for the platform's limit. */
    public static String replyHeld(Instant until, ZoneId zone) {
        return "⏸ reply held: posting limit spent until " + AfterHoursAck.when(until, zone);
    }

    /** The thread hears that the acknowledgement reached the customer. */
    public static String acknowledgedPost(String text) {
        return "🌙 Earshot answered after hours: " + text + " (the SLA clock keeps running; this is not a first response)";
    }

    /** The thread hears that the acknowledgement was not sent: a teammate got there first. */
    public static String acknowledgementDropped() {
        return "🌙 The after-hours acknowledgement was not sent: a teammate has this conversation already.";
    }

    static String followers(long n) {
        if (n >= 1_000_000) {
            return String.format(Locale.ROOT, "%.1fM", n / 1_000_000.0);
        }
        return n >= 1_000 ? n / 1_000 + "k" : Long.toString(n);
    }

    private static String countText(int n) {
        return n >= Spikes.WINDOW_CAP ? n + "+" : Integer.toString(n);
    }

    private static String usual(double usual) {
        return Long.toString(Math.round(usual));
    }

    /** A handle as one plain token: platforms constrain handles, but a stored one is still customer data. */
    private static String handle(String h) {
        return h.replaceAll("[^\\p{L}\\p{N}_.@-]", "");
    }
}
