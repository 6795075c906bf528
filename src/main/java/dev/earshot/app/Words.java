package dev.earshot.app;

import dev.earshot.core.Conversation;
import dev.earshot.core.FollowUp;
import dev.earshot.core.HistoryEntry;
import dev.earshot.core.Message;
import dev.earshot.core.OnCallShift;
import dev.earshot.core.ReplyTemplate;
import dev.earshot.core.Spans;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What Earshot answers the teammate who asked, and only them: answers to commands, the help,
 * the refusals the application builds (the core rules' own refusals stay with those rules).
 * What everyone reads in the channels is in {@link ChannelWords}; a change of tone or a
 * translation touches these two files (and {@link DigestText}, the digest's layout). All text is
 * plain: each chat adapter escapes and renders it.
 */
public final class Words {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm z", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm z", Locale.ENGLISH);

    /** The one answer to a command that failed on Earshot's side; the why goes to the log, not to the user. */
    public static final String SOMETHING_WENT_WRONG = "Something went wrong on Earshot's side; nothing was changed."
            + " The operator can see why in the log.";
    public static final String BUSY = "Earshot is very busy; try again in a moment.";
    public static final String WRITE_A_REPLY_FIRST = "Write a reply first; nothing was sent.";
    public static final String SAY_WHY = "Say why it needs no answer.";

    /** Each sub-command's usage line and what it does; {@code help} prints this table. */
    public static final Map<String, String[]> USAGE = usage();

    private Words() {
    }

    private static Map<String, String[]> usage() {
        Map<String, String[]> u = new LinkedHashMap<>();
        u.put("help", new String[] {"help", "what Earshot can do"});
        u.put("queue", new String[] {"queue", "customers waiting, most urgent first"});
        u.put("show", new String[] {"show <id>", "a conversation's whole history"});
        u.put("claim", new String[] {"claim <id>", "take a conversation"});
        u.put("release", new String[] {"release <id>", "give it back to the team"});
        u.put("assign", new String[] {"assign <id> @member", "hand it to a teammate"});
        u.put("reply", new String[] {"reply <id> <text>", "answer the customer, as the brand (:name for a saved reply)"});
        u.put("note", new String[] {"note <id> <text>", "a note for the team, never sent to the customer"});
        u.put("dismiss", new String[] {"dismiss <id> <reason>", "no answer needed (spam, not for us, ...)"});
        u.put("snooze", new String[] {"snooze <id> <time>", "out of sight until later (30m, 1h30m, 2d)"});
        u.put("resolve", new String[] {"resolve <id>", "done: the customer has what they need"});
        u.put("answered", new String[] {"answered <id>", "you answered on the site itself (feeds): counts as the reply"});
        u.put("followup", new String[] {"followup <id> <time> [note]", "remind the owner later (2d, 4h): check again"});
        u.put("escalate", new String[] {"escalate <id> @member [note]", "bring in a teammate who knows"});
        u.put("oncall", new String[] {"oncall [@member [time] | off]", "who is on call; put someone on call; end it"});
        u.put("stats", new String[] {"stats [today|yesterday|7d|30d]", "how the team did"});
        u.put("digest", new String[] {"digest", "post today's digest (yesterday's figures) in the channel now"});
        u.put("templates", new String[] {"templates", "the saved replies (Slack's Reply… form offers them)"});
        return Collections.unmodifiableMap(u);
    }

    // ---- refusals built in app ----

    /** {@code Usage: /earshot claim <id>} */
    public static String usage(String verb) {
        return "Usage: /earshot " + USAGE.get(verb)[0];
    }

    static final String NOT_UNDERSTOOD = "I did not understand that. Try: /earshot help";

    static String noSuchCommand(String verb) {
        return "There is no \"" + verb + "\" command. Try: /earshot help";
    }

    static String noSuchConversation(long id) {
        return "There is no #" + id + ". Try: /earshot queue";
    }

    static String changingALot(long id) {
        return "#" + id + " is changing a lot right now; try again in a moment.";
    }

    static String replyEmpty() {
        return "The reply is empty. " + usage("reply");
    }

    static String sourceGone(Conversation c) {
        return c.ref() + " came from " + c.account() + ", which is no longer configured; it cannot be answered from here.";
    }

    static String replyTooLong(Conversation c, int length, int max) {
        return "That reply is " + length + " characters long; " + c.platform().displayName() + " allows " + max
                + ". Shorten it by " + (length - max) + ". Nothing was sent.";
    }

    static final String NO_DIGEST_CHANNEL = "No channel is set up for the digest.";

    // ---- answers ----

    static String help() {
        StringBuilder out = new StringBuilder("Earshot commands (type /earshot and one of these):\n");
        for (Map.Entry<String, String[]> e : USAGE.entrySet()) {
            out.append(String.format("  %-32s %s%n", e.getValue()[0], e.getValue()[1]));
        }
        return out.toString().stripTrailing();
    }

    static String claimed(Conversation c) {
        return "You claimed " + c.ref() + ".";
    }

    static String released(Conversation c) {
        return "You released " + c.ref() + "; it is back with the team.";
    }

    static String assigned(Conversation c, String assignee) {
        return c.ref() + " is now @" + assignee + "'s.";
    }

    static String replyOnItsWay(Conversation c) {
        return "Your reply to " + c.ref() + " is on its way to @" + c.authorHandle() + " on "
                + c.platform().displayName() + ".";
    }

    static String noted(long id) {
        return "Noted on #" + id + ".";
    }

    static String dismissed(Conversation c, String reason) {
        return c.ref() + " dismissed: " + reason.strip() + ".";
    }

    static String snoozed(Conversation c, ZoneId zone) {
        return c.ref() + " snoozed until " + TIME.format(c.snoozedUntil().atZone(zone)) + ".";
    }

    static String answeredThere(Conversation c) {
        return c.ref() + " marked answered on the site.";
    }

    /** "Answered there" is for platforms Earshot cannot reply on; the others are answered from chat. */
    static String replyFromHere(Conversation c) {
        return c.ref() + " can be answered from here (reply " + c.id() + " <text>); an answer given in the "
                + c.platform().displayName() + " app is seen by itself.";
    }

    /** A feed's conversation: there is no way to reply from chat. */
    static String answerOnTheSite(Conversation c) {
        return c.ref() + " came from a " + c.platform().displayName().toLowerCase(java.util.Locale.ROOT)
                + ": answer on the site (Open), then press Answered there or type: answered " + c.id();
    }

    static String resolved(Conversation c) {
        return c.ref() + " resolved.";
    }

    static String followUpSet(long id, FollowUp f, ZoneId zone) {
        return "Follow-up on #" + id + " set for " + DAY_TIME.format(f.dueAt().atZone(zone))
                + "; its owner (or you, if nobody owns it then) will be reminded in its thread.";
    }

    static String broughtIn(String expert, Conversation c) {
        return "@" + expert + " is brought in on " + c.ref() + ".";
    }

    static String digestOnItsWay(String channel) {
        return "The digest of yesterday is on its way to #" + channel + ".";
    }

    static String templates(List<ReplyTemplate> templates) {
        if (templates.isEmpty()) {
            return "No saved replies yet: add them under templates: in the config file.";
        }
        return templates.stream().map(t -> "  " + t.name() + ": " + t.text()).collect(Collectors.joining("\n",
                "Saved replies (in Slack, Reply… offers them; fields like {customer} are filled in):\n", ""));
    }

    static String queue(List<ConversationView> waiting, Instant now) {
        if (waiting.isEmpty()) {
            return "Nobody is waiting for an answer. 🎉";
        }
        return waiting.stream().map(v -> {
            Conversation c = v.conversation();
            String who = c.owner() == null ? "unclaimed" : "@" + c.owner();
            return String.format("%-5s %-6s %3d · %s @%s · %s · %s · %s", c.ref(), c.priority().label(),
                    c.priority().score(), c.platform().displayName(), c.authorHandle(),
                    Spans.format(Duration.between(c.openedAt(), now)), who, snippet(v.first().text(), 60));
        }).collect(Collectors.joining("\n", waiting.size() + " waiting, most urgent first:\n", ""));
    }

    static String show(ConversationView v, ZoneId zone) {
        Conversation c = v.conversation();
        StringBuilder out = new StringBuilder();
        out.append(c.ref()).append(" · ").append(c.platform().displayName()).append(" · @")
                .append(c.authorHandle()).append(" · ").append(c.state().name().toLowerCase())
                .append(c.owner() == null ? "" : " · owner @" + c.owner())
                .append(" · priority ").append(c.priority().label()).append(' ').append(c.priority().score());
        out.append("\n").append(PriorityWords.breakdown(c.priority()));
        for (Message m : v.messages()) {
            out.append("\n  ").append(WHEN.format(m.createdAt().atZone(zone))).append("  @")
                    .append(m.author().handle()).append(": ").append(m.text().isBlank() ? "(no text)" : m.text());
            if (!m.url().isBlank()) {
                out.append("  <").append(m.url()).append('>');
            }
        }
        for (HistoryEntry h : v.history()) {
            out.append("\n  ").append(WHEN.format(h.at().atZone(zone))).append("  ").append(h.action())
                    .append(" by ").append(h.actor().equals(HistoryEntry.EARSHOT) ? "Earshot" : "@" + h.actor())
                    .append(h.detail().isBlank() ? "" : ": " + h.detail());
        }
        return out.toString();
    }

    static String snippet(String text, int max) {
        String flat = text.isBlank() ? "(no text)" : text.replaceAll("\\s+", " ").strip();
        return flat.codePointCount(0, flat.length()) <= max ? flat
                : flat.substring(0, flat.offsetByCodePoints(0, max - 1)) + "…";
    }

    // ---- on call ----

    /** {@code " until Mon 30 Nov 09:00 CET"}, or nothing for an open-ended shift. */
    static String until(OnCallShift shift, ZoneId zone) {
        return shift.until() == null ? "" : " until " + DAY_TIME.format(shift.until().atZone(zone));
    }

    static String onCallNow(String who, OnCallShift shift, ZoneId zone) {
        return "@" + who + " is on call now" + until(shift, zone) + ".";
    }

    static String nobodyToTakeOff(String status) {
        return "Nobody was put on call by hand, so there is nothing to end. " + status;
    }

    static String offCall(String who, String status) {
        return "@" + who + " is off call. " + status;
    }

    static String onCallStatus(OnCallShift s, List<String> rotation, boolean businessHours, String hours, ZoneId zone) {
        String when = businessHours ? "It is business hours (" + hours + ")."
                : "It is outside business hours (" + hours + "): nudges go to the on-call teammate.";
        if (s == null) {
            return "Nobody is on call. Put someone on call with /earshot oncall @name, or set oncall.rotation in the config. "
                    + when;
        }
        String how = s.isOverride() ? "put on call by @" + s.setBy() : "rotation: " + String.join(", ", rotation);
        return "@" + s.member() + " is on call" + until(s, zone) + " (" + how + "). " + when;
    }

}
