package dev.earshot.app;

import dev.earshot.core.Conversation;
import dev.earshot.core.FollowUp;
import dev.earshot.core.Message;
import dev.earshot.core.Nudge;
import dev.earshot.core.OnCallShift;
import dev.earshot.core.Spans;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What Earshot says in the team's channels and threads, for everyone to read: posts about a
 * conversation, on-call changes, nudges and the state line of a card. The answers only the asker
 * sees are in {@link Words}; together the two (and {@link DigestText}, the digest's layout) hold
 * every sentence the application writes, as plain text that each chat adapter escapes.
 */
public final class ChannelWords {
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("EEE HH:mm z", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm z", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);

    private ChannelWords() {
    }

    static String onCallPost(String who, String actor, OnCallShift shift, ZoneId zone) {
        return "📟 on call now" + Words.until(shift, zone) + (who.equals(actor) ? "" : ", put there by @" + actor) + ".";
    }

    static String offCallPost(String who, String actor) {
        return "📟 @" + who + " is off call (by @" + actor + "); the rotation decides again.";
    }

    /** The reply reached the customer (thread post). */
    public static String replied(String member, String text) {
        return "↩️ @" + member + " replied to the customer: " + text;
    }

    /** The platform refused a reply for good (thread post and a notice to its author). */
    public static String replyFailed(String member, String reason) {
        return "⚠️ The reply by @" + member + " could not be sent (" + reason + "). The customer has not been answered.";
    }

    /** The platform says the reply was probably sent already but does not show it yet (thread post, once). */
    public static String probablySent(String platform) {
        return "⏳ " + platform + " says this reply was probably sent already; not yet confirmed on the timeline."
                + " Earshot keeps looking; do not send it again.";
    }

    /** A probably sent reply never showed within the bound (thread post, once). */
    public static String neverConfirmed(String platform) {
        return "❓ This reply could not be confirmed on " + platform + "'s timeline. It was probably sent: check the"
                + " brand's profile on " + platform + " before writing again.";
    }

    /** The chat refused a card for good (channel post). */
    public static String cardFailed(Conversation c, String reason) {
        return c.ref() + " from @" + c.authorHandle() + " on " + c.platform().displayName()
                + " could not be shown as a card (" + reason + "). Type /earshot show " + c.id() + " to see it.";
    }

    /** A source needs a human (channel post, once); {@code platform} is null when the source is no longer configured. */
    static String sourceNeedsHuman(String platform, String name, boolean replies, String reason) {
        return "⚠️ " + source(platform, name, replies) + " needs a human: " + reason + ". Earshot keeps trying, next in"
                + " 1 minute, then at most every 30 minutes; nothing is lost.";
    }

    static String sourceWorksAgain(String platform, String name, boolean replies) {
        return "✅ " + source(platform, name, replies) + " works again.";
    }

    private static String source(String platform, String name, boolean replies) {
        return (platform == null ? "Source " : platform + " source ") + name + (replies ? " (sending replies)" : "");
    }

    static String wroteAgain(Conversation c, Message m) {
        String owner = c.owner() == null ? "" : " (owner: @" + c.owner() + ")";
        return "💬 @" + m.author().handle() + " wrote again" + owner + ": " + m.text();
    }

    static String backWithOwner(Conversation c, Conversation earlier) {
        return "↩️ @" + c.authorHandle() + " is back; earlier: " + earlier.ref() + " ("
                + earlier.state().name().toLowerCase() + "). It stays with its owner: it is yours.";
    }

    static String wroteInANewConversation(Conversation earlier, Conversation c, String owner) {
        return "↪️ @" + earlier.authorHandle() + " wrote again in a new conversation: " + c.ref()
                + ", which went to @" + owner + ".";
    }

    static String page(Conversation c) {
        return "🚨 " + c.priority().label() + " " + c.priority().score() + ": this one should not wait."
                + (c.owner() == null ? " Who takes it? claim " + c.id() : "");
    }

    static String gap(String source, String why, Instant from, Instant to, String platform) {
        return "⚠️ " + source + ": " + why + " Messages from " + MINUTE.format(from) + " to " + MINUTE.format(to)
                + " UTC may be missing here; look on " + platform + " directly.";
    }

    static String answeredOutside(Conversation c, String text) {
        return "✅ Answered from " + c.platform().displayName() + " directly: " + text;
    }

    static String assignedToYou(String actor, Conversation c) {
        return "@" + actor + " assigned " + c.ref() + " to you.";
    }

    static String note(String actor, String text) {
        return "📝 @" + actor + ": " + text;
    }

    static String snoozeEnded(Conversation c) {
        return "⏰ The snooze on " + c.ref() + " ended.";
    }

    /** {@code Mon 30 Nov 09:00 CET}: when a follow-up is due, as the post and the audit line say it. */
    static String followUpWhen(FollowUp f, ZoneId zone) {
        return DAY_TIME.format(f.dueAt().atZone(zone));
    }

    static String followUpPost(String actor, FollowUp f, ZoneId zone) {
        return "📌 @" + actor + " set a follow-up for " + followUpWhen(f, zone) + (f.note().isEmpty() ? "." : ": " + f.note());
    }

    static String followUpDue(Conversation c, FollowUp f, String who, ZoneId zone) {
        String set = f.setBy().equals(who) ? "you set" : "@" + f.setBy() + " set";
        return "📌 Follow-up on " + c.ref() + " (" + set + " it on " + DAY.format(f.createdAt().atZone(zone)) + ")"
                + (f.note().isEmpty() ? "." : ": " + f.note());
    }

    static String escalated(String actor, Conversation c, String note) {
        String why = note == null || note.isBlank() ? "." : ": " + note.strip();
        return "🧭 @" + actor + " brings you in on " + c.ref() + why;
    }

    /** What a nudge says; who it mentions is the chat's to show (before the text). */
    static String nudge(Nudge n, Conversation c, boolean inHours) {
        String waited = Spans.format(n.waited());
        String target = Spans.format(n.target());
        String who = "@" + c.authorHandle() + " on " + c.platform().displayName();
        String answer = c.firstReplyAt() == null ? "a first answer" : "an answer";
        String text = switch (n.kind()) {
            case CLAIMED_IDLE -> "⏳ " + c.ref() + " has been claimed for " + waited + " and " + who
                    + " still has no answer. Reply with: reply " + c.id() + " <text>";
            case OFFER_BACK -> "🔁 " + c.ref() + " goes back to the team: claimed " + waited
                    + " ago and " + who + " still has no answer. Anyone: claim " + c.id();
            case SLA -> switch (n.action()) {
                case THREAD -> "⏳ " + c.ref() + ": " + who + " has waited " + waited + " for " + answer
                        + " (" + n.percent() + "% of the " + target + " target).";
                case ONCALL -> "⏰ " + c.ref() + ": " + who + " has waited " + waited + " for " + answer
                        + "; the target was " + target + "." + (c.owner() == null ? " Who takes it? claim " + c.id() : "");
                case MANAGER -> "🚨 " + c.ref() + ": " + who + " has waited " + waited + " for " + answer
                        + ", " + n.percent() + "% of the " + target + " target."
                        + (c.owner() == null ? " Nobody has claimed it." : " @" + c.owner() + " has it.");
            };
        };
        return (inHours ? "" : "🌙 After hours: ") + text;
    }

    // ---- cards ----

    /**
     * The line under a card's text: its state, then what the history adds ({@code 🧭 brought in: @erin}).
     * {@code unseen} is set while a reply the platform says was probably sent is not confirmed:
     * {@code looking}, or {@code lapsed} once Earshot stopped looking.
     */
    static String stateLine(Conversation c, String lastReply, ZoneId zone, List<String> experts, String earlier,
                            String unseen) {
        String line = switch (c.state()) {
            case NEW -> "🆕 waiting for an owner";
            case CLAIMED -> "🙋 claimed by @" + c.owner();
            case REPLIED -> c.owner() == null
                    ? "✅ answered outside Earshot" + (c.firstReplyAt() == null ? ""
                            : " in " + Spans.format(Duration.between(c.openedAt(), c.firstReplyAt())))
                    : c.firstReplyAt() == null && unseen != null
                    ? (unseen.equals("lapsed") ? "❓ reply by @" + c.owner() + " probably sent, never confirmed: check"
                            + " the brand's profile on " + c.platform().displayName()
                            : "⏳ reply by @" + c.owner() + " probably sent; not yet confirmed on "
                            + c.platform().displayName() + "'s timeline")
                    : c.firstReplyAt() == null
                    ? "📤 reply by @" + c.owner() + " on its way to the customer"
                    : "✅ replied by @" + c.owner() + " in "
                      + Spans.format(Duration.between(c.openedAt(), c.firstReplyAt()))
                      + (lastReply == null ? "" : ": " + lastReply);
            case SNOOZED -> "💤 snoozed by @" + c.stateBy() + " until " + HOUR.format(c.snoozedUntil().atZone(zone));
            case DISMISSED -> "🚫 dismissed by @" + c.stateBy() + ": " + c.stateNote();
            case RESOLVED -> "✔️ resolved by @" + c.stateBy();
        };
        if (!c.platform().repliesThroughEarshot()) {
            line = answerOnTheSite(c, line);
        }
        if (!experts.isEmpty()) {
            line += " · 🧭 brought in: " + experts.stream().map(e -> "@" + e).collect(Collectors.joining(", "));
        }
        return earlier == null ? line : line + " · ↩️ earlier: " + earlier;
    }

    /** A feed cannot be answered from chat: the card says where to answer, and who did. */
    private static String answerOnTheSite(Conversation c, String line) {
        return switch (c.state()) {
            case NEW, CLAIMED, SNOOZED -> line + " · 🌐 answer on the site (Open), then press Answered there";
            case REPLIED -> c.owner() == null || c.firstReplyAt() == null ? line
                    : "✅ answered on the site by @" + c.owner() + " in "
                      + Spans.format(Duration.between(c.openedAt(), c.firstReplyAt()));
            case DISMISSED, RESOLVED -> line;
        };
    }
}
