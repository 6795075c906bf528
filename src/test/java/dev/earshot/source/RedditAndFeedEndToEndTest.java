package dev.earshot.source;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.Earshot;
import dev.earshot.config.ConfigLoader;
import dev.earshot.config.EarshotConfig;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.io.BufferedReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code earshot run} with a Reddit and a feed source, through the composition root into the
 * terminal chat: a Reddit reply whose answer is lost reaches the customer once, and a feed's card
 * offers "Answered there" instead of Reply, which marks it answered.
 */
class RedditAndFeedEndToEndTest {
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();

    private String screen() {
        synchronized (screen) {
            return screen.toString(StandardCharsets.UTF_8);
        }
    }

    private void awaitScreen(String text) {
        await().atMost(Duration.ofSeconds(30)).until(() -> screen().contains(text));
    }

    private String cardId(String platform) {
        Matcher m = Pattern.compile("┌ #(\\d+) · " + platform + " ").matcher(screen());
        assertTrue(m.find(), screen());
        return m.group(1);
    }

    @Test
    void aRedditReplyArrivesOnceAndAFeedIsAnsweredThere(@TempDir Path dir) throws Exception {
        try (var reddit = dev.earshot.source.reddit.FakeRedditAccess.start(Clock.systemUTC());
             var feed = dev.earshot.source.feed.FakeFeedAccess.start()) {
            String yaml = """
                    team:
                      members: [{ name: alice, confirmReplies: false }]
                    store: { path: %s }
                    chat: { shell: { channel: support } }
                    sources:
                      - type: reddit
                        name: acme-reddit
                        clientId: ${REDDIT_CLIENT_ID}
                        clientSecret: ${REDDIT_CLIENT_SECRET}
                        username: ${REDDIT_USERNAME}
                        password: ${REDDIT_PASSWORD}
                        authUrl: %s
                        apiUrl: %s
                        pollEvery: 1h
                      - type: feed
                        name: acme-blog
                        url: %s
                        pollEvery: 1h
                    ops: { port: 0 }
                    """.formatted(dir.resolve("earshot.db"), reddit.base(), reddit.base(), feed.url());
            EarshotConfig config = ConfigLoader.load(yaml, "earshot.yml", Map.of("REDDIT_CLIENT_ID", reddit.clientId(),
                    "REDDIT_CLIENT_SECRET", reddit.clientSecret(), "REDDIT_USERNAME", reddit.username(),
                    "REDDIT_PASSWORD", reddit.password() + "\n")::get);
            reddit.mention("jane", "u/AcmeSupport my order never came");
            feed.comment("Sam Blogreader", "<p>Does the <b>new</b> plan include support?</p>");
            reddit.dropNextComment();

            PipedOutputStream keyboard = new PipedOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(new PipedInputStream(keyboard),
                    StandardCharsets.UTF_8));
            PrintStream out = new PrintStream(screen, true, StandardCharsets.UTF_8);
            Earshot earshot = Earshot.start(config, Clock.systemUTC(), new Earshot.Terminal(in, out));
            Thread console = new Thread(earshot::runConsole, "console");
            console.start();
            Writer typing = new OutputStreamWriter(keyboard, StandardCharsets.UTF_8);
            try {
                awaitScreen("my order never came");
                awaitScreen("Does the new plan include support?");
                String r = cardId("Reddit");
                String f = cardId("Feed");
                assertTrue(screen().contains("[answered " + f + "]"), "Answered there replaces Reply: " + screen());
                assertFalse(screen().contains("[reply " + f + " …]"), screen());
                assertTrue(screen().contains("🌐 answer on the site: https://blog.example/launch#comment-1"), screen());

                type(typing, "/earshot reply " + r + " Sorry **Jane**, a new one is on its way.");
                awaitScreen("✅ replied by @alice in");
                assertEquals(1, reddit.commentsPosted(), "the lost answer was looked up, not sent again");

                type(typing, "/earshot reply " + f + " thanks");
                awaitScreen("came from a feed: answer on the site");
                type(typing, "/earshot answered " + f);
                awaitScreen("#" + f + " marked answered on the site.");
                awaitScreen("✅ answered on the site by @alice in");
            } finally {
                typing.close();
                console.join(10_000);
                earshot.close();
            }
            assertEquals(1, reddit.commentsPosted(), "exactly once, also after the stop");
            assertFalse(screen().contains(reddit.password()), "no secret on screen");
        }
    }

    private static void type(Writer typing, String line) throws Exception {
        typing.write(line + "\n");
        typing.flush();
    }
}
