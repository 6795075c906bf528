package dev.earshot.app;

import dev.earshot.core.Conversation;
import dev.earshot.core.FollowUp;
import dev.earshot.core.Member;
import dev.earshot.core.OnCallShift;
import dev.earshot.core.Refusal;
import dev.earshot.core.ReplyTemplate;
import dev.earshot.core.Team;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way in for every chat: runs a teammate's command and answers ok, refused or failed,
 * with the words for the asker alone. User mistakes come back as sentences, never as errors;
 * anything that breaks inside comes back as one "something went wrong" answer and one ERROR line
 * in the log. Answers are plain text; each chat adapter escapes and renders them.
 */
public final class CommandHandler {
    private static final Logger log = LoggerFactory.getLogger(CommandHandler.class);
    private static final int QUEUE_LENGTH = 20;

    private final Inbox inbox;
    private final Queries queries;
    private final OnCall onCall;
    private final Digests digests;
    private final Team team;
    private final Clock clock;
    private final ZoneId zone;
    private final List<ReplyTemplate> templates;
    private final ReplyPreviews previews;

    /**
     * @param zone the team's time zone, the one the business hours, follow-ups and digests read
     *     the time in: answers here and the posts they cause never name two different times
     * @param templates the team's saved replies, listed by {@code templates}
     * @param previews typed replies shown before they go, with their {@code :template}s filled in
     */
    CommandHandler(Inbox inbox, Queries queries, OnCall onCall, Digests digests, Team team, Clock clock, ZoneId zone,
                   List<ReplyTemplate> templates, ReplyPreviews previews) {
        if (!zone.normalized().equals(digests.zone().normalized())) {
            throw new IllegalArgumentException("commands, business hours and digests must share the team's time zone");
        }
        this.inbox = inbox;
        this.queries = queries;
        this.onCall = onCall;
        this.digests = digests;
        this.team = team;
        this.clock = clock;
        this.zone = zone;
        this.templates = List.copyOf(templates);
        this.previews = previews;
    }

    /** Parses and answers a typed line such as {@code claim 12} (with or without {@code /earshot}). */
    public Answer answer(Caller caller, String line) {
        Command command;
        try {
            command = CommandParser.parse(line);
        } catch (Refusal r) {
            return caller.allowed() ? Answer.refused(r.getMessage()) : turnAway(caller, null);
        }
        return answer(caller, command);
    }

    /** Answers a command: a caller the chat turned away is refused, and the refusal is written to the audit log. */
    public Answer answer(Caller caller, Command command) {
        if (!caller.allowed()) {
            return turnAway(caller, command);
        }
        Member actor = caller.member();
        try {
            return run(actor, command);
        } catch (Refusal r) {
            return Answer.refused(r.getMessage());
        } catch (RuntimeException e) {
            log.error("{} by @{} failed", name(command), actor.name(), e);
            return Answer.failed();
        }
    }

    private Answer turnAway(Caller caller, Command command) {
        long id = command == null ? 0 : command.conversationId().orElse(0);
        try {
            inbox.refused(id, caller.chatId(), command == null ? "command" : name(command), caller.reason());
        } catch (RuntimeException e) {
            log.warn("the refusal of {} could not be written to the audit log", caller.chatId(), e);
        }
        return Answer.refused(caller.refusal());
    }

    /** {@code claim}, {@code followup}, {@code replyform}: how a command is named in the log. */
    private static String name(Command command) {
        return command.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }

    private Answer run(Member actor, Command command) {
        if (command instanceof Command.ReplyForm f) {
            return Answer.form(queries.replyContext(f.id()));
        }
        if (command instanceof Command.Reply r && r.typed() && actor.confirmReplies()) {
            return Answer.preview(previews.draft(actor, r.id(), previews.expand(actor, r.id(), r.text())));
        }
        return Answer.ok(words(actor, command));
    }

    /** Runs a command that answers with words; a {@link Refusal} carries the sentence for the user. */
    private String words(Member actor, Command command) {
        if (command instanceof Command.Help) {
            return Words.help();
        } else if (command instanceof Command.Queue) {
            return Words.queue(queries.queue(QUEUE_LENGTH), clock.instant());
        } else if (command instanceof Command.Show s) {
            return Words.show(queries.show(s.id()), zone);
        } else if (command instanceof Command.DismissForm f) {
            return queries.show(f.id()).conversation().ref();
        } else if (command instanceof Command.Claim c) {
            return Words.claimed(inbox.claim(actor, c.id()));
        } else if (command instanceof Command.Release r) {
            return Words.released(inbox.release(actor, r.id()));
        } else if (command instanceof Command.Assign a) {
            Member assignee = team.require(a.member());
            return Words.assigned(inbox.assign(actor, a.id(), assignee), assignee.name());
        } else if (command instanceof Command.Reply r) {
            String text = r.typed() ? previews.expand(actor, r.id(), r.text()) : r.text();
            return Words.replyOnItsWay(inbox.reply(actor, r.id(), text));
        } else if (command instanceof Command.SendDraft d) {
            return Words.replyOnItsWay(inbox.sendDraft(actor, d.draft()));
        } else if (command instanceof Command.CancelDraft d) {
            return ReplyWords.cancelled(inbox.cancelDraft(actor, d.draft()));
        } else if (command instanceof Command.Note n) {
            inbox.note(actor, n.id(), n.text());
            return Words.noted(n.id());
        } else if (command instanceof Command.Dismiss d) {
            return Words.dismissed(inbox.dismiss(actor, d.id(), d.reason()), d.reason());
        } else if (command instanceof Command.Snooze s) {
            return Words.snoozed(inbox.snooze(actor, s.id(), s.span()), zone);
        } else if (command instanceof Command.Resolve r) {
            return Words.resolved(inbox.resolve(actor, r.id()));
        } else if (command instanceof Command.AnsweredThere a) {
            return Words.answeredThere(inbox.answeredThere(actor, a.id()));
        } else if (command instanceof Command.FollowUp f) {
            FollowUp set = inbox.followUp(actor, f.id(), f.in(), f.note());
            return Words.followUpSet(f.id(), set, zone);
        } else if (command instanceof Command.Escalate e) {
            Member expert = team.require(e.member());
            Conversation c = inbox.escalate(actor, e.id(), expert, e.note());
            return Words.broughtIn(expert.name(), c);
        } else if (command instanceof Command.OffCall) {
            return onCall.off(actor);
        } else if (command instanceof Command.OnCall o) {
            if (o.member() == null) {
                return onCall.status();
            }
            Member who = team.require(o.member());
            OnCallShift shift = onCall.put(actor, who, o.span());
            return Words.onCallNow(who.name(), shift, zone);
        } else if (command instanceof Command.Stats s) {
            return digests.statsText(s.period());
        } else if (command instanceof Command.Templates) {
            return Words.templates(templates);
        } else if (command instanceof Command.Digest) {
            digests.postNow();
            return Words.digestOnItsWay(digests.settings().channel());
        }
        throw new IllegalStateException("unhandled command " + command);
    }
}
