package dev.earshot.app;

import dev.earshot.core.Conversation;
import dev.earshot.core.FollowUp;
import dev.earshot.core.HistoryEntry;
import dev.earshot.core.Member;
import dev.earshot.core.Message;
import dev.earshot.core.OnCallShift;
import dev.earshot.core.Refusal;
import dev.earshot.core.ReplyTemplate;
import dev.earshot.core.Spans;
import dev.earshot.core.Team;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a teammate's command and returns the answer only they see. Answers are plain text; each
 * chat adapter escapes and renders them. User mistakes come back as sentences, never as errors.
 */
public final class CommandHandler {
    private static final Logger log = LoggerFactory.getLogger(CommandHandler.class);
    private static final int QUEUE_LENGTH = 20;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm z", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm z", Locale.ENGLISH);

    private final Inbox inbox;
    private final Team team;
    private final Clock clock;
    private final ZoneId zone;
    private final Digests digests;
    private final List<ReplyTemplate> templates;

    /** Without a digest channel: {@code stats} works, {@code digest} says there is no channel. */
    public CommandHandler(Inbox inbox, Team team, Clock clock, ZoneId zone) {
        this(inbox, team, clock, zone, new Digests(inbox.store(), team, clock, inbox.followThrough().sla(),
                Digests.Settings.defaults(null)));
    }

    /**
     * @param zone the team's time zone, the one the business hours, follow-ups and digests read
     *     the time in: answers here and the posts they cause never name two different times
     */
    public CommandHandler(Inbox inbox, Team team, Clock clock, ZoneId zone, Digests digests) {
        this(inbox, team, clock, zone, digests, List.of());
    }

    /** @param templates the team's saved replies, listed by {@code templates} */
    public CommandHandler(Inbox inbox, Team team, Clock clock, ZoneId zone, Digests digests,
                          List<ReplyTemplate> templates) {
        ZoneId teams = inbox.followThrough().zone().normalized();
        if (!zone.normalized().equals(teams) || !digests.zone().normalized().equals(teams)) {
            throw new IllegalArgumentException("commands, business hours and digests must share the team's time zone");
        }
        this.inbox = inbox;
        this.team = team;
        this.clock = clock;
        this.zone = zone;
        this.digests = digests;
        this.templates = List.copyOf(templates);
    }

    /** Parses and runs a line such as {@code claim 12}; always returns an answer. */
    public String handle(Member actor, String line) {
        try {
            return execute(actor, CommandParser.parse(line));
        } catch (Refusal r) {
            return r.getMessage();
        } catch (RuntimeException e) {
            log.error("command \"{}\" by @{} failed", firstWord(line), actor.name(), e);
            return "Something went wrong on Earshot's side; nothing was changed. The operator can see why in the log.";
        }
    }

    /** Runs a parsed command; a {@link Refusal} carries the sentence for the user. */
    public String execute(Member actor, Command command) {
        if (command instanceof Command.Help) {
            return help();
        } else if (command instanceof Command.Queue) {
            return queue();
        } else if (command instanceof Command.Show s) {
            return show(inbox.show(s.id()));
        } else if (command instanceof Command.Claim c) {
            return "You claimed " + inbox.claim(actor, c.id()).ref() + ".";
        } else if (command instanceof Command.Release r) {
            return "You released " + inbox.release(actor, r.id()).ref() + "; it is back with the team.";
        } else if (command instanceof Command.Assign a) {
            Member assignee = team.require(a.member());
            return inbox.assign(actor, a.id(), assignee).ref() + " is now @" + assignee.name() + "'s.";
        } else if (command instanceof Command.Reply r) {
            Conversation c = inbox.reply(actor, r.id(), r.text());
            return "Your reply to " + c.ref() + " is on its way to @" + c.authorHandle() + " on "
                    + c.platform().displayName() + ".";
        } else if (command instanceof Command.Note n) {
            inbox.note(actor, n.id(), n.text());
            return "Noted on #" + n.id() + ".";
        } else if (command instanceof Command.Dismiss d) {
            return inbox.dismiss(actor, d.id(), d.reason()).ref() + " dismissed: " + d.reason().strip() + ".";
        } else if (command instanceof Command.Snooze s) {
            Conversation c = inbox.snooze(actor, s.id(), s.span());
            return c.ref() + " snoozed until " + TIME.format(c.snoozedUntil().atZone(zone)) + ".";
        } else if (command instanceof Command.Resolve r) {
            return inbox.resolve(actor, r.id()).ref() + " resolved.";
        } else if (command instanceof Command.FollowUp f) {
            FollowUp set = inbox.followUp(actor, f.id(), f.in(), f.note());
            return "Follow-up on #" + f.id() + " set for " + DAY_TIME.format(set.dueAt().atZone(zone))
                    + "; its owner (or you, if nobody owns it then) will be reminded in its thread.";
        } else if (command instanceof Command.Escalate e) {
            Member expert = team.require(e.member());
            return "@" + expert.name() + " is brought in on " + inbox.escalate(actor, e.id(), expert, e.note()).ref() + ".";
        } else if (command instanceof Command.OffCall) {
            return inbox.onCall().off(actor);
        } else if (command instanceof Command.OnCall o) {
            if (o.member() == null) {
                return inbox.onCall().status();
            }
            Member who = team.require(o.member());
            OnCallShift shift = inbox.onCall().put(actor, who, o.span());
            return "@" + who.name() + " is on call now" + inbox.onCall().until(shift) + ".";
        } else if (command instanceof Command.Stats s) {
            return DigestText.stats(digests.stats(s.period()));
        } else if (command instanceof Command.Templates) {
            return templates();
        } else if (command instanceof Command.Digest) {
            digests.postNow();
            return "The digest of yesterday is on its way to #" + digests.settings().channel() + ".";
        }
        throw new IllegalStateException("unhandled command " + command);
    }

    private String templates() {
        if (templates.isEmpty()) {
            return "No saved replies yet: add them under templates: in the config file.";
        }
        return templates.stream().map(t -> "  " + t.name() + ": " + t.text()).collect(Collectors.joining("\n",
                "Saved replies (in Slack, Reply… offers them; fields like {customer} are filled in):\n", ""));
    }

    static String help() {
        StringBuilder out = new StringBuilder("Earshot commands (type /earshot and one of these):\n");
        for (Map.Entry<String, String[]> e : CommandParser.USAGE.entrySet()) {
            out.append(String.format("  %-32s %s%n", e.getValue()[0], e.getValue()[1]));
        }
        return out.toString().stripTrailing();
    }

    private String queue() {
        List<ConversationView> waiting = inbox.queue(QUEUE_LENGTH);
        if (waiting.isEmpty()) {
            return "Nobody is waiting for an answer. 🎉";
        }
        Instant now = clock.instant();
        return waiting.stream().map(v -> {
            Conversation c = v.conversation();
            String who = c.owner() == null ? "unclaimed" : "@" + c.owner();
            return String.format("%-5s %-6s %3d · %s @%s · %s · %s · %s", c.ref(), c.priority().label(),
                    c.priority().score(), c.platform().displayName(), c.authorHandle(),
                    Spans.format(Duration.between(c.openedAt(), now)), who, snippet(v.first().text(), 60));
        }).collect(Collectors.joining("\n", waiting.size() + " waiting, most urgent first:\n", ""));
    }

    private String show(ConversationView v) {
        Conversation c = v.conversation();
        StringBuilder out = new StringBuilder();
        out.append(c.ref()).append(" · ").append(c.platform().displayName()).append(" · @")
                .append(c.authorHandle()).append(" · ").append(c.state().name().toLowerCase())
                .append(c.owner() == null ? "" : " · owner @" + c.owner())
                .append(" · priority ").append(c.priority().label()).append(' ').append(c.priority().score());
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

    private static String firstWord(String line) {
        return Optional.ofNullable(line).map(String::strip).map(s -> s.split("\\s+")[0]).orElse("");
    }
}
