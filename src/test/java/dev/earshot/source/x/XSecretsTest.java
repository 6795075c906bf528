package dev.earshot.source.x;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.earshot.core.Message;
import dev.earshot.port.DeliveryException;
import dev.earshot.testing.Harness;
import dev.earshot.testing.TestClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Promise 20 for X: the keys and tokens appear in no log line, error or output, even at DEBUG. */
class XSecretsTest {
    private static final List<String> CANARIES = List.of(FakeX.API_KEY, FakeX.API_SECRET, FakeX.TOKEN,
            FakeX.TOKEN_SECRET);

    @Test
    void noKeyOrTokenIsEverWrittenAnywhere() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        root.setLevel(Level.TRACE);
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        List<String> outputs = new ArrayList<>();
        TestClock clock = TestClock.at(Harness.START);
        try (FakeX x = new FakeX(clock)) {
            System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
            XSource source = XSource.create(XSourceTest.config(x, Duration.ofHours(24), 200, 100), clock);
            outputs.add(source.toString());
            x.failNext("GET", "/2/users/me", 401, "error_401.json", Map.of());
            outputs.add(assertThrows(DeliveryException.class, () -> source.fetchSince(Optional.empty())).getMessage());
            x.mention(x.user("2001", "jane", "Jane", 1), "@acme hi", Duration.ofMinutes(1));
            Message m = source.fetchSince(Optional.empty()).messages().get(0);
            source.reply(m, "Hello Jane", "k1");
            x.failNext("POST", "/2/tweets", 403, "error_403_duplicate.json", Map.of());
            source.reply(m, "Hello Jane", "k1");
            x.failNext("GET", "/mentions", 429, "error_429.json", Map.of());
            outputs.add(assertThrows(DeliveryException.class, () -> source.fetchSince(Optional.empty())).getMessage());
            x.dropNextPostAfterApplying();
            outputs.add(assertThrows(DeliveryException.class, () -> source.reply(m, "Again", "k2")).getMessage());
            assertTrue(x.requests().stream().allMatch(r -> r.authorization().contains(FakeX.API_KEY)),
                    "the canaries were in use: the consumer key is sent, as OAuth 1.0a needs");
        } finally {
            System.setOut(out);
            System.setErr(err);
            root.detachAppender(logs);
            root.setLevel(before);
        }
        outputs.add(console.toString(StandardCharsets.UTF_8));
        for (ILoggingEvent e : logs.list) {
            outputs.add(e.getFormattedMessage());
            if (e.getThrowableProxy() != null) {
                outputs.add(ThrowableProxyUtil.asString(e.getThrowableProxy()));
            }
        }
        assertFalse(logs.list.isEmpty());
        for (String output : outputs) {
            for (String canary : CANARIES) {
                assertFalse(output.contains(canary), () -> "a secret leaked: " + output);
            }
        }
    }
}
