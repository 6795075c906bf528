package dev.earshot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.earshot.core.Refusal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The follow-through sub-commands: followup, escalate, oncall. */
class FollowThroughCommandParserTest {

    @Test
    void parsesTheFollowThroughSubCommands() {
        assertEquals(new Command.FollowUp(12, Duration.ofDays(2), "check the replacement arrived"),
                CommandParser.parse("/earshot followup 12 2d check the replacement arrived"));
        assertEquals(new Command.FollowUp(12, Duration.ofMinutes(90), ""), CommandParser.parse("followup #12 1h30m"));
        assertEquals(new Command.FollowUp(3, Duration.ofHours(4), "call back"), CommandParser.parse("follow-up 3 4h call back"));
        assertEquals(new Command.Escalate(12, "erin", "she knows invoices"),
                CommandParser.parse("escalate 12 @erin she knows invoices"));
        assertEquals(new Command.Escalate(12, "erin", ""), CommandParser.parse("ESCALATE 12 erin"));
        assertEquals(new Command.OnCall(null, null), CommandParser.parse("oncall"));
        assertEquals(new Command.OffCall(), CommandParser.parse("oncall off"));
        assertEquals(new Command.OnCall("bob", null), CommandParser.parse("oncall @bob"));
        assertEquals(new Command.OnCall("bob", Duration.ofHours(8)), CommandParser.parse("/earshot oncall @bob 8h"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '~', value = {
        "followup~Usage: /earshot followup <id> <time> [note]",
        "followup 12~Usage: /earshot followup <id> <time> [note]",
        "followup 12 someday check~Usage: /earshot followup <id> <time> [note]",
        "followup twelve 2d~Usage: /earshot followup <id> <time> [note]",
        "escalate~Usage: /earshot escalate <id> @member [note]",
        "escalate 12~Usage: /earshot escalate <id> @member [note]",
        "escalate 12 @bob,@carol~Usage: /earshot escalate <id> @member [note]",
        "oncall @bob soon~Usage: /earshot oncall [@member [time] | off]",
        "oncall @bob 8h please~Usage: /earshot oncall [@member [time] | off]",
        "oncall !!~Usage: /earshot oncall [@member [time] | off]",
    })
    void malformedInputGetsTheUsageLine(String input, String expected) {
        assertEquals(expected, assertThrows(Refusal.class, () -> CommandParser.parse(input)).getMessage());
    }

    @Test
    void helpListsThem() {
        String help = Words.help();
        for (String usage : new String[] {"followup <id> <time> [note]", "escalate <id> @member [note]",
                "oncall [@member [time] | off]"}) {
            assertEquals(true, help.contains(usage), usage);
        }
    }
}
