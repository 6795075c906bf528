package dev.earshot.source.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.config.FeedSourceConfig;
import dev.earshot.port.DeliveryException;
import dev.earshot.port.DeliveryException.Kind;
import dev.earshot.source.http.FakeHttpServer;
import dev.earshot.source.http.FakeHttpServer.Response;
import dev.earshot.source.http.HttpLimits;
import dev.earshot.source.text.Clip;
import dev.earshot.testing.TestClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Hostile feeds: entity expansion, external entities, 50 MB, markup built to be slow. */
class FeedSafetyTest {
    private static final Map<String, String> RSS = Map.of("Content-Type", "application/rss+xml");
    private final TestClock clock = TestClock.at("2026-11-23T09:00:00Z");
    private final FakeFeed fake = new FakeFeed();
    private final FeedSource source = new FeedSource(new FeedSourceConfig("acme-blog", fake.url()),
            FakeHttpServer.client(), clock, HttpLimits.DEFAULT);

    @AfterEach
    void tearDown() {
        fake.close();
    }

    private DeliveryException refused(String body) {
        fake.serve(Response.status(200, RSS, body));
        return assertThrows(DeliveryException.class, () -> source.fetchSince(Optional.empty()));
    }

    @Test
    void billionLaughsIsRefusedBeforeAnyEntityIsExpanded() {
        StringBuilder doctype = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n");
        doctype.append("<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n");
        for (int i = 2; i <= 9; i++) {
            doctype.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10))
                    .append("\">\n");
        }
        doctype.append("]>\n<rss version=\"2.0\"><channel><title>t</title><item><title>&lol9;</title>"
                + "<description>x</description></item></channel></rss>");
        DeliveryException e = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> refused(doctype.toString()));
        assertEquals(Kind.BROKEN, e.kind(), "a human must look at a feed that attacks");
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
    }

    @Test
    void anExternalEntityIsNeverRead() {
        DeliveryException e = refused("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<rss version=\"2.0\"><channel><title>t</title><item><title>&xxe;</title></item></channel></rss>");
        assertEquals(Kind.BROKEN, e.kind());
        assertFalse(e.getMessage().contains("root:"), "the file's content never shows");
    }

    @Test
    void aFiftyMegabyteFeedIsCutAtTheCapWithAClearError() {
        String item = "<item><title>spam</title><description>" + "x".repeat(1_000) + "</description></item>";
        String huge = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>"
                + item.repeat(50 * 1024 * 1024 / item.length()) + "</channel></rss>";
        fake.serve(Response.status(200, RSS, huge));
        DeliveryException e = assertThrows(DeliveryException.class, () -> source.fetchSince(Optional.empty()));
        assertEquals(Kind.BROKEN, e.kind(), "a feed that grew past the cap will not shrink by itself");
        assertTrue(e.getMessage().contains("larger than 8388608 bytes (8 MB); cut there"), e.getMessage());
    }

    @Test
    void deeplyNestedMarkupInAnEntryIsReadInLinearTime() throws Exception {
        // About a megabyte once escaped in the XML.
        String nasty = "<div>".repeat(20_000) + "help " + "</div>".repeat(20_000) + "<b>".repeat(40_000);
        fake.comment("mallory", nasty, clock.instant());
        List<dev.earshot.core.Message> got = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> source.fetchSince(Optional.empty()).messages());
        assertEquals(1, got.size());
        assertTrue(got.get(0).text().length() <= Clip.MAX_CHARS + 2);
    }
}
