package dev.earshot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.earshot.core.State;
import dev.earshot.port.Store;
import dev.earshot.testing.Harness;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The one way in for every chat: each command answers ok, refused or failed, with the words to show. */
class CommandHandlerTest {
    @TempDir
    Path dir;
    Harness h;
    Caller alice;
    Caller bob;

    @BeforeEach
    void setUp() {
        h = new Harness(dir);
        h.poller().pollOnce();
        alice = Caller.member(h.team.require("alice"));
        bob = Caller.member(h.team.require("bob"));
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void aCommandThatWorksAnswersOk() {
        Answer claimed = h.commands.answer(alice, new Command.Claim(1));
        assertEquals(new Answer(Answer.Kind.OK, "You claimed #1.", null), claimed);
        assertEquals(Answer.Kind.OK, h.commands.answer(bob, "queue").kind(), "typed lines take the same path");
    }

    @Test
    void aCommandTheRulesOrTheParserRefuseAnswersRefusedWithTheSentence() {
        h.commands.answer(alice, new Command.Claim(1));
        assertEquals(new Answer(Answer.Kind.REFUSED, "#1 is already claimed by @alice", null),
                h.commands.answer(bob, new Command.Claim(1)));
        assertEquals(new Answer(Answer.Kind.REFUSED, "Usage: /earshot claim <id>", null),
                h.commands.answer(bob, "claim twelve"));
        assertEquals(new Answer(Answer.Kind.REFUSED, "There is no #99. Try: /earshot queue", null),
                h.commands.answer(bob, new Command.Show(99)));
    }

    @Test
    void somethingBreakingInsideIsOneSentenceForTheUserAndOneErrorLineForTheOperator() {
        Store broken = new Store() {
            @Override
            public <T> T write(Function<Tx, T> work) {
                throw new IllegalStateException("disk on fire at /var/lib/earshot");
            }

            @Override
            public <T> T read(Function<Tx, T> work) {
                return h.store.read(work);
            }

            @Override
            public void close() {
            }
        };
        CommandHandler commands = new Application(broken, h.sources, h.clock, Telemetry.NONE, h.settings()).commands();
        Logger logger = (Logger) LoggerFactory.getLogger(CommandHandler.class);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        logger.addAppender(logs);
        try {
            Answer answer = commands.answer(alice, new Command.Claim(1));
            assertEquals(Answer.Kind.FAILED, answer.kind());
            assertEquals("Something went wrong on Earshot's side; nothing was changed. The operator can see why"
                    + " in the log.", answer.text());
            assertEquals(answer, commands.answer(alice, "note 1 typed, same answer"));
        } finally {
            logger.detachAppender(logs);
        }
        List<ILoggingEvent> errors = logs.list.stream().filter(e -> e.getLevel() == Level.ERROR).toList();
        assertEquals(2, errors.size(), "one ERROR line per failed command: " + logs.list);
        assertEquals("claim by @alice failed", errors.get(0).getFormattedMessage());
        assertNotNull(errors.get(0).getThrowableProxy(), "the why is in the log");
        assertEquals("disk on fire at /var/lib/earshot", errors.get(0).getThrowableProxy().getMessage());
        assertEquals(State.NEW, h.queries.show(1).conversation().state());
    }

    @Test
    void someoneTheChatTurnedAwayIsToldItsSentenceAndTheRefusalIsAudited() {
        Caller stranger = Caller.turnedAway("discord:42", "You are not on the Earshot team.", "not a configured member");
        assertEquals(new Answer(Answer.Kind.REFUSED, "You are not on the Earshot team.", null),
                h.commands.answer(stranger, new Command.Claim(2)));
        assertEquals(Answer.Kind.REFUSED, h.commands.answer(stranger, "resolve 3").kind());
        assertEquals(State.NEW, h.queries.show(2).conversation().state());
        assertEquals(List.of("discord:42: claim: not a configured member"), h.queries.show(2).history().stream()
                .filter(e -> e.action().equals("refused")).map(e -> e.actor() + ": " + e.detail()).toList());
        assertEquals(1, h.queries.show(3).history().stream().filter(e -> e.action().equals("refused")).count(),
                "a typed line is audited on the conversation it names");
    }

    @Test
    void theReplyFormAsksThroughTheSameDoor() {
        Answer form = h.commands.answer(alice, new Command.ReplyForm(1));
        assertTrue(form.ok());
        assertEquals(1, form.replyForm().conversation().id());
        assertEquals(h.demo.maxReplyLength(), form.replyForm().maxLength());
        assertEquals(h.queries.show(1).latest(), form.replyForm().latest(), "the customer's latest message");
        Answer none = h.commands.answer(alice, new Command.ReplyForm(99));
        assertEquals(Answer.Kind.REFUSED, none.kind());
        assertNull(none.replyForm());
        assertFalse(h.commands.answer(alice, new Command.DismissForm(99)).ok());
        assertTrue(h.commands.answer(alice, new Command.DismissForm(2)).ok());
    }
}
