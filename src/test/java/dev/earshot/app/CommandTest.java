package dev.earshot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** A command carries the conversation it is about, so no chat adapter parses it again. */
class CommandTest {

    @Test
    void aCommandAboutAConversationNamesIt() {
        assertEquals(OptionalLong.of(7), new Command.Claim(7).conversationId());
        assertEquals(OptionalLong.of(3), CommandParser.parse("followup 3 2d check the parcel").conversationId());
        assertEquals(OptionalLong.of(4), CommandParser.parse("/earshot escalate #4 @bob knows").conversationId());
        assertEquals(OptionalLong.of(5), new Command.ReplyForm(5).conversationId());
        assertEquals(OptionalLong.empty(), new Command.Queue().conversationId());
        assertEquals(OptionalLong.empty(), CommandParser.parse("oncall @bob 8h").conversationId());
    }

    @Test
    void everyCommandWithAnIdSaysSo() {
        List<Class<?>> all = new ArrayList<>(Arrays.asList(Command.class.getPermittedSubclasses()));
        all.addAll(Arrays.asList(Command.About.class.getPermittedSubclasses()));
        all.removeIf(type -> !type.isRecord());
        for (Class<?> type : all) {
            boolean hasId = Arrays.stream(type.getRecordComponents())
                    .anyMatch(c -> c.getName().equals("id"));
            assertEquals(hasId, Command.About.class.isAssignableFrom(type), type.getSimpleName());
        }
        assertTrue(all.size() > 15, "all commands were looked at: " + all.size());
    }

    @Test
    void aSnoozeWithoutATimeIsTheDefaultHour() {
        assertEquals(Duration.ofHours(1), Command.Snooze.DEFAULT);
        assertEquals(new Command.Snooze(9, Command.Snooze.DEFAULT), new Command.Snooze(9));
    }
}
