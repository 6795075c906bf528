package dev.earshot.app;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * What a teammate asked for, whatever chat it came from: a Slack click, a Discord button and a
 * line typed in the shell all become one of these, run by {@link CommandHandler#answer}.
 */
public sealed interface Command {

    /** The conversation the command is about, if it names one (for the audit line of a refusal, say). */
    default OptionalLong conversationId() {
        return this instanceof About about ? OptionalLong.of(about.id()) : OptionalLong.empty();
    }

    /** A command about one conversation, {@code #id}. */
    sealed interface About extends Command {
        long id();
    }

    record Help() implements Command {
    }

    record Queue() implements Command {
    }

    record Show(long id) implements About {
    }

    record Claim(long id) implements About {
    }

    record Release(long id) implements About {
    }

    record Assign(long id, String member) implements About {
    }

    /**
     * A reply to the customer. {@code typed}: written as a command, so it is shown first with Send
     * and Cancel (unless the member turned that off); a form's Send is its own confirmation. A text
     * that is only {@code :name} is the saved reply of that name, filled in.
     */
    record Reply(long id, String text, boolean typed) implements About {
        /** From a form: sent at once. */
        public Reply(long id, String text) {
            this(id, text, false);
        }
    }

    /** Send the reply shown in preview {@code draft}; only its author may, and only once. */
    record SendDraft(long draft) implements Command {
    }

    /** Drop the reply shown in preview {@code draft}: nothing is sent. */
    record CancelDraft(long draft) implements Command {
    }

    record Note(long id, String text) implements About {
    }

    record Dismiss(long id, String reason) implements About {
    }

    record Snooze(long id, Duration span) implements About {
        /** How long a snooze lasts when the chat offers no choice (Slack's Snooze button). */
        public static final Duration DEFAULT = Duration.ofHours(1);

        /** Snoozes for {@link #DEFAULT}. */
        public Snooze(long id) {
            this(id, DEFAULT);
        }
    }

    record Resolve(long id) implements About {
    }

    /** The teammate answered on the site itself (a feed cannot be answered from chat): counts as the answer. */
    record AnsweredThere(long id) implements About {
    }

    /** Remind the owner about conversation {@code id} after {@code in}; the note may be empty. */
    record FollowUp(long id, Duration in, String note) implements About {
    }

    /** Bring teammate {@code member} in; the note may be empty. */
    record Escalate(long id, String member, String note) implements About {
    }

    /**
     * What a reply form needs before anything is typed: answered with {@link Answer#replyForm()}
     * (the customer's latest message, the platform's limit), or refused (no such conversation).
     */
    record ReplyForm(long id) implements About {
    }

    /** Whether a dismiss form may open: answered ok, or refused when there is no such conversation. */
    record DismissForm(long id) implements About {
    }

    /** Ends the shift someone was put on by hand; the rotation decides again. */
    record OffCall() implements Command {
    }

    /** With no member: who is on call. With one: put them on call, for {@code span} or (null) until the next hand-over. */
    record OnCall(String member, Duration span) implements Command {
    }

    record Stats(StatsPeriod period) implements Command {
    }

    record Templates() implements Command {
    }

    /** Post today's digest in the channel now. */
    record Digest() implements Command {
    }
}
