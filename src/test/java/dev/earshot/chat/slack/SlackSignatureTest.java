package dev.earshot.chat.slack;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.app_backend.SlackSignature;
import dev.earshot.core.State;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTP mode refuses what Slack did not sign, or signed too long ago or in the future: 401, nothing changes. */
class SlackSignatureTest {
    @TempDir
    Path dir;
    SlackWorld w;
    String body;
    long now;

    @BeforeEach
    void setUp() {
        w = new SlackWorld(dir).poll().drain();
        body = SlackPayloads.form(SlackPayloads.click(SlackWorld.ALICE, FakeSlack.TEAM, Actions.CLAIM, "1",
                SlackWorld.CHANNEL, w.newResponseUrl(SlackWorld.ALICE)));
        now = w.clock.instant().getEpochSecond();
    }

    @AfterEach
    void tearDown() {
        w.close();
    }

    private String sign(long ts, String text) {
        return new SlackSignature.Generator(SlackWorld.SECRET).generate(Long.toString(ts), text);
    }

    private static String flip(String s, int at) {
        char c = s.charAt(at);
        return s.substring(0, at) + (char) (c == 'a' ? 'b' : 'a') + s.substring(at + 1);
    }

    @Test
    void badSignaturesGet401AndChangeNothing() {
        List<HttpResponse<String>> refused = List.of(
                w.post(body, Long.toString(now - 301), sign(now - 301, body)),      // stale
                w.post(body, Long.toString(now + 301), sign(now + 301, body)),      // from the future
                w.post(body, Long.toString(now), flip(sign(now, body), 20)),        // one byte of the signature
                w.post(flip(body, 40), Long.toString(now), sign(now, body)),        // one byte of the body
                w.post(body, Long.toString(now), sign(now, body).substring(0, 66)), // cut short
                w.post(body, "yesterday", sign(now, body)),
                w.post(body, Long.toString(now), new SlackSignature.Generator("another-secret")
                        .generate(Long.toString(now), body)));
        refused.forEach(r -> assertEquals(401, r.statusCode(), r.body()));
        assertEquals(State.NEW, w.queries.show(1).conversation().state());
        assertTrue(w.fake.responses().isEmpty());
        assertTrue(w.queries.show(1).history().stream().noneMatch(h -> h.action().equals("claim")));

        HttpResponse<String> withinFiveMinutes = w.post(body, Long.toString(now - 299), sign(now - 299, body));
        assertEquals(200, withinFiveMinutes.statusCode());
        await().atMost(Duration.ofSeconds(5)).until(() -> w.queries.show(1).conversation().state() == State.CLAIMED);
    }

    @Test
    void theSignatureIsSlacksOwn() {
        RequestSignature ours = new RequestSignature(SlackWorld.SECRET, w.clock);
        byte[] raw = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(sign(now, body), ours.sign(Long.toString(now), raw));
        assertTrue(ours.valid(Long.toString(now), sign(now, body), raw));
    }

    @Test
    void onlyPostsToTheEventsPath() throws Exception {
        var get = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
                + w.connection.httpPort() + "/slack/events")).GET().build();
        assertEquals(404, w.http.send(get, HttpResponse.BodyHandlers.ofString()).statusCode());
    }
}
