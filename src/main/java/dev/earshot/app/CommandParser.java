package dev.earshot.app;

import dev.earshot.core.Refusal;
import dev.earshot.core.Spans;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the text after {@code /earshot} into a {@link Command}. Every chat adapter uses this one
 * parser. Malformed input is refused with the usage line of that sub-command, never a stack trace.
 */
public final class CommandParser {

    private static final Pattern WORDS = Pattern.compile("^(\\S+)(?:\\s+(\\S+))?(?:\\s+([\\s\\S]*))?$");

    private CommandParser() {
    }

    public static Command parse(String input) {
        String text = input == null ? "" : input.strip();
        if (text.startsWith("/earshot")) {
            text = text.substring("/earshot".length()).strip();
        }
        if (text.isEmpty()) {
            return new Command.Help();
        }
        Matcher m = WORDS.matcher(text);
        if (!m.matches()) {
            throw new Refusal(Words.NOT_UNDERSTOOD);
        }
        String verb = m.group(1).toLowerCase(Locale.ROOT);
        String first = m.group(2);
        String rest = m.group(3) == null ? "" : m.group(3).strip();
        return switch (verb) {
            case "help" -> new Command.Help();
            case "queue" -> new Command.Queue();
            case "show" -> new Command.Show(idOnly(verb, first, rest));
            case "claim" -> new Command.Claim(idOnly(verb, first, rest));
            case "release" -> new Command.Release(idOnly(verb, first, rest));
            case "resolve" -> new Command.Resolve(idOnly(verb, first, rest));
            case "answered" -> new Command.AnsweredThere(idOnly(verb, first, rest));
            case "assign" -> new Command.Assign(id(verb, first), member(verb, rest));
            case "reply" -> new Command.Reply(id(verb, first), required(verb, rest), true);
            case "note" -> new Command.Note(id(verb, first), required(verb, rest));
            case "dismiss" -> new Command.Dismiss(id(verb, first), required(verb, rest));
            case "snooze" -> new Command.Snooze(id(verb, first), span(verb, rest));
            case "followup", "follow-up" -> followUp("followup", first, rest);
            case "escalate" -> escalate(verb, first, rest);
            case "oncall", "on-call" -> onCall("oncall", first, rest);
            case "stats" -> new Command.Stats(period(verb, first, rest));
            case "digest" -> noArguments(verb, first, new Command.Digest());
            case "templates" -> noArguments(verb, first, new Command.Templates());
            default -> throw new Refusal(Words.noSuchCommand(verb));
        };
    }

    private static Command noArguments(String verb, String first, Command command) {
        if (first != null) {
            throw new Refusal(Words.usage(verb));
        }
        return command;
    }

    private static long idOnly(String verb, String first, String rest) {
        if (!rest.isEmpty()) {
            throw new Refusal(Words.usage(verb));
        }
        return id(verb, first);
    }

    private static long id(String verb, String word) {
        String digits = word == null ? "" : word.startsWith("#") ? word.substring(1) : word;
        if (!digits.matches("\\d{1,12}")) {
            throw new Refusal(Words.usage(verb));
        }
        return Long.parseLong(digits);
    }

    private static String required(String verb, String rest) {
        if (rest.isBlank()) {
            throw new Refusal(Words.usage(verb));
        }
        return rest;
    }

    private static String member(String verb, String rest) {
        String name = rest.startsWith("@") ? rest.substring(1) : rest;
        if (!name.matches("[\\w.-]{1,64}")) {
            throw new Refusal(Words.usage(verb));
        }
        return name;
    }

    private static Duration span(String verb, String rest) {
        try {
            return Spans.parse(rest);
        } catch (IllegalArgumentException e) {
            throw new Refusal(Words.usage(verb));
        }
    }

    /** {@code followup 12 2d check the replacement arrived}: the time is the first word after the id. */
    private static Command followUp(String verb, String first, String rest) {
        long id = id(verb, first);
        String[] timeAndNote = rest.split("\\s+", 2);
        String note = timeAndNote.length > 1 ? timeAndNote[1].strip() : "";
        return new Command.FollowUp(id, span(verb, timeAndNote[0]), note);
    }

    /** {@code escalate 12 @erin she knows the invoice system}. */
    private static Command escalate(String verb, String first, String rest) {
        long id = id(verb, first);
        String[] memberAndNote = rest.split("\\s+", 2);
        String note = memberAndNote.length > 1 ? memberAndNote[1].strip() : "";
        return new Command.Escalate(id, member(verb, memberAndNote[0]), note);
    }

    /** {@code oncall}, {@code oncall @bob}, {@code oncall @bob 8h}, {@code oncall off}. */
    private static Command onCall(String verb, String first, String rest) {
        if (first == null) {
            return new Command.OnCall(null, null);
        }
        if (first.equalsIgnoreCase("off") && rest.isEmpty()) {
            return new Command.OffCall();
        }
        String member = member(verb, first);
        return new Command.OnCall(member, rest.isEmpty() ? null : span(verb, rest));
    }

    private static StatsPeriod period(String verb, String first, String rest) {
        if (first == null) {
            return StatsPeriod.TODAY;
        }
        if (!rest.isEmpty()) {
            throw new Refusal(Words.usage(verb));
        }
        return StatsPeriod.fromWord(first).orElseThrow(() -> new Refusal(Words.usage(verb)));
    }
}
