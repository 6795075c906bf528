package dev.earshot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.earshot.core.Refusal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandParserTest {

    @Test
    void parsesEverySubCommand() {
        assertEquals(new Command.Claim(12), CommandParser.parse("claim 12"));
        assertEquals(new Command.Claim(12), CommandParser.parse("/earshot claim #12"));
        assertEquals(new Command.Reply(12, "Thanks, we're on it!", true), CommandParser.parse("reply 12 Thanks, we're on it!"));
        assertEquals(new Command.Snooze(14, Duration.ofMinutes(90)), CommandParser.parse("snooze 14 1h30m"));
        assertEquals(new Command.Assign(15, "bob"), CommandParser.parse("assign 15 @bob"));
        assertEquals(new Command.Dismiss(13, "spam"), CommandParser.parse("DISMISS 13 spam"));
        assertEquals(new Command.Note(12, "called them\nthey are fine"), CommandParser.parse("note 12 called them\nthey are fine"));
        assertEquals(new Command.Stats(StatsPeriod.LAST_7_DAYS), CommandParser.parse("stats 7d"));
        assertEquals(new Command.Stats(StatsPeriod.TODAY), CommandParser.parse("stats"));
        assertEquals(new Command.Stats(StatsPeriod.YESTERDAY), CommandParser.parse("stats yesterday"));
        assertEquals(new Command.Stats(StatsPeriod.LAST_30_DAYS), CommandParser.parse("stats 30D"));
        assertEquals(new Command.Digest(), CommandParser.parse("/earshot digest"));
        assertInstanceOf(Command.Queue.class, CommandParser.parse("queue"));
        assertInstanceOf(Command.Help.class, CommandParser.parse("/earshot"));
        assertInstanceOf(Command.Help.class, CommandParser.parse("help"));
        assertEquals(new Command.Show(3), CommandParser.parse("show 3"));
        assertEquals(new Command.Release(3), CommandParser.parse("release 3"));
        assertEquals(new Command.Resolve(3), CommandParser.parse("resolve 3"));
        assertEquals(new Command.AnsweredThere(3), CommandParser.parse("answered #3"));
        assertInstanceOf(Command.Templates.class, CommandParser.parse("templates"));
    }

    @Test
    void keepsTheReplyTextExactly() {
        String text = "<!channel> @everyone *bold*  two  spaces 👩‍👩‍👧‍👦";
        assertEquals(new Command.Reply(1, text, true), CommandParser.parse("reply 1 " + text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '~', value = {
        "claim~Usage: /earshot claim <id>",
        "claim twelve~Usage: /earshot claim <id>",
        "claim 12 now~Usage: /earshot claim <id>",
        "reply 12~Usage: /earshot reply <id> <text>",
        "reply~Usage: /earshot reply <id> <text>",
        "snooze 14 soon~Usage: /earshot snooze <id> <time>",
        "snooze 14~Usage: /earshot snooze <id> <time>",
        "assign 15~Usage: /earshot assign <id> @member",
        "assign 15 @bob and @carol~Usage: /earshot assign <id> @member",
        "dismiss 13~Usage: /earshot dismiss <id> <reason>",
        "stats forever~Usage: /earshot stats [today|yesterday|7d|30d]",
        "stats 7d please~Usage: /earshot stats [today|yesterday|7d|30d]",
        "digest now~Usage: /earshot digest",
        "show 99999999999999999~Usage: /earshot show <id>",
        "frobnicate 3~There is no \"frobnicate\" command. Try: /earshot help",
    })
    void malformedInputGetsTheUsageLine(String input, String expected) {
        assertEquals(expected, assertThrows(Refusal.class, () -> CommandParser.parse(input)).getMessage());
    }

    @Test
    void helpListsEveryUsageLine() {
        String help = Words.help();
        Words.USAGE.values().forEach(u -> org.junit.jupiter.api.Assertions.assertTrue(help.contains(u[0]), u[0]));
    }
}
