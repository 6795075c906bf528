package dev.earshot.chat.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.core.Author;
import dev.earshot.core.Message;
import dev.earshot.core.MessageKind;
import dev.earshot.core.Platform;
import dev.earshot.port.SocialSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The injection corpus end to end: customers whose text and names are Slack entities, a teammate's
 * note, a follow-up; then the JSON Slack received (the fake's record of every chat.postMessage
 * and chat.update) holds no entity but the profile links our template draws.
 */
class SlackInjectionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;
    SlackWorld w;

    @AfterEach
    void tearDown() {
        w.close();
    }

    @Test
    void theCorpusNeverReachesSlackAsAnEntity() throws Exception {
        w = new SlackWorld(dir);
        List<Message> messages = new ArrayList<>();
        int n = 0;
        for (String evil : SlackInjectionProperties.CORPUS) {
            n++;
            Author author = new Author(Platform.DEMO, "eve" + n, evil + " Support Team", 5,
                    "https://social.example/@eve" + n);
            messages.add(new Message(Platform.DEMO, "demo", "evil-" + n, author, "Hi " + evil + " please call",
                    "https://social.example/@eve" + n + "/" + n, w.clock.instant(), MessageKind.MENTION, null, null));
        }
        w.ingest.ingest(w.demo, new SocialSource.Fetch(messages, "x"));
        w.drain();
        w.as("alice", "note 1 customer said <!channel> and <@U123>");
        w.as("alice", "dismiss 2 <http://evil|bank.com>");
        w.drain();

        List<String> foreign = new ArrayList<>();
        for (FakeSlack.Call call : w.fake.calls) {
            if (!call.method().equals("chat.postMessage") && !call.method().equals("chat.update")) {
                continue;
            }
            List<String> entities = new ArrayList<>(Entities.in(call.get("text") == null ? "" : call.get("text")));
            if (call.get("blocks") != null) {
                entities.addAll(Entities.in(JSON.readTree(call.get("blocks"))));
            }
            entities.stream().filter(e -> !e.matches("<https://social\\.example/@eve\\d+\\|@eve\\d+>")
                    && !e.matches("<https://social\\.example/@eve\\d+/\\d+\\|Read it all on Demo>"))
                    .forEach(foreign::add);
            assertFalse(FakeSlack.yes(call.get("link_names")), "link_names stays off");
        }
        assertEquals(List.of(), foreign);
        assertEquals(SlackInjectionProperties.CORPUS.size(), w.fake.visibleConversations(SlackWorld.CHANNEL).size(),
                "all shown (as one grouped message: they came at once)");
        String note = w.fake.where(p -> p.threadTs != null).get(0).text;
        assertEquals("*#1* · 📝 @alice: customer said &lt;!channel&gt; and &lt;@U123&gt;", note);
    }
}
