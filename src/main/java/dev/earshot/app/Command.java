package dev.earshot.app;

import java.time.Duration;

/**
 * What a teammate asked for, whatever chat it came from: a Slack click, a Discord button and a
 * line typed in the shell all become one of these.
 */
public sealed interface Command {
    record Help() implements Command {
    }

    record Queue() implements Command {
    }

    record Show(long id) implements Command {
    }

    record Claim(long id) implements Command {
    }

    record Release(long id) implements Command {
    }

    record Assign(long id, String member) implements Command {
    }

    record Reply(long id, String text) implements Command {
    }

    record Note(long id, String text) implements Command {
    }

    record Dismiss(long id, String reason) implements Command {
    }

    record Snooze(long id, Duration span) implements Command {
    }

    record Resolve(long id) implements Command {
    }

    /** Remind the owner about conversation {@code id} after {@code in}; the note may be empty. */
    record FollowUp(long id, Duration in, String note) implements Command {
    }

    /** Bring teammate {@code member} in; the note may be empty. */
    record Escalate(long id, String member, String note) implements Command {
    }

    /** With no member: who is on call. With one: put them on call, for {@code span} or (null) until the next hand-over. */
    /** Ends the shift someone was put on by hand; the rotation decides again. */
    record OffCall() implements Command {
    }

    record OnCall(String member, Duration span) implements Command {
    }

    record Stats(StatsPeriod period) implements Command {
    }

    /** Post today's digest in the channel now. */
    record Templates() implements Command {
    }

    record Digest() implements Command {
    }
}
