package dev.earshot.chat.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.core.Author;
import dev.earshot.core.Card;
import dev.earshot.core.Platform;
import dev.earshot.core.Priority;
import dev.earshot.core.State;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ShellChatTest {

    private Card card(String text) {
        return new Card(12, Platform.DEMO, new Author(Platform.DEMO, "jane", "Jane", 1_240, ""), text, "",
                Duration.ofMinutes(3), new Priority(52), State.NEW, null, "🆕 waiting for an owner", 1, null,
                EnumSet.of(Card.Action.CLAIM, Card.Action.OPEN));
    }

    @Test
    void aCardShowsWhoWhatHowOldAndHowUrgent() {
        String shown = ShellChat.render(card("My order is broken"), "new");
        assertTrue(shown.contains("#12 · Demo · @jane (Jane, 1.2k followers) · 3m ago · HIGH 52"), shown);
        assertTrue(shown.contains("│ My order is broken"));
        assertTrue(shown.contains("[claim 12] [show 12]"));
    }

    @Test
    void customerTextCannotDriveTheTerminal() {
        String shown = ShellChat.render(card("hi\u001b[2J\u001b]0;pwned\u0007 \u202Eevil"), "new");
        assertFalse(shown.contains("\u001b"));
        assertFalse(shown.contains("\u0007"));
        assertFalse(shown.contains("\u202E"));
        assertTrue(shown.contains("hi[2J]0;pwned evil"));
    }

    @Test
    void theStateLineCannotDriveTheTerminalEither() {
        // The state line carries the last reply and a dismiss note, both typed by people.
        Card replied = new Card(12, Platform.DEMO, new Author(Platform.DEMO, "jane", "Jane", 10, ""), "hi", "",
                Duration.ofMinutes(3), new Priority(52), State.DISMISSED, "alice",
                "🚫 dismissed by @alice: spam\u001b]0;pwned\u0007\u001b[2J\rgone\nsecond line \u202Eevil", 1, null,
                EnumSet.of(Card.Action.OPEN));
        String shown = ShellChat.render(replied, "updated");
        assertFalse(shown.contains("\u001b"), shown);
        assertFalse(shown.contains("\u0007"), shown);
        assertFalse(shown.contains("\r"), shown);
        assertFalse(shown.contains("\u202E"), shown);
        assertTrue(shown.contains("│ 🚫 dismissed by @alice: spam]0;pwned[2Jgone\n│ second line evil\n└ [show 12]"), shown);
    }

    @Test
    void longTextIsCutWithAPointerAndEmptyTextIsSaid() {
        String shown = ShellChat.render(card("x".repeat(5_000)), "new");
        assertTrue(shown.contains("… (4720 more characters; show 12)"));
        assertTrue(ShellChat.render(card(""), "new").contains("│ (no text)"));
    }

    @Test
    void cardsCanBeFoundAgainByKey() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ShellChat chat = new ShellChat(new PrintStream(out, true, StandardCharsets.UTF_8), java.nio.file.Path.of("target", "reports"));
        var ref = chat.postCard("support", card("hi"), "k1");
        assertEquals(java.util.Optional.of(ref), chat.findPosted("support", "k1"));
        assertTrue(chat.findPosted("support", "k2").isEmpty());
        chat.postInThread(ref, "note", java.util.List.of(), "t1");
        assertTrue(chat.hasThreadPost(ref, "t1"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("↳ note"));
    }
}
