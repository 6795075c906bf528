package dev.earshot.source.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The text helpers every source shares: links, the cap per message, text safe for a log line. */
class SourceTextTest {
    @Test
    void aNewlineInADisplayNameCannotForgeALogLine() {
        assertEquals("Jane?INFO  [main] admin logged in", LogSafe.clean("Jane\nINFO  [main] admin logged in"));
        assertEquals("a?b?c?d", LogSafe.clean("a\rb\u2028c\u202Ed"), "carriage return, line separator, bidi override");
        assertEquals("Jane Doe 🙂 مرحبا", LogSafe.clean("Jane Doe 🙂 مرحبا"), "ordinary names stay as they are");
        assertEquals("", LogSafe.clean(null));
        String huge = LogSafe.clean("x".repeat(10_000));
        assertTrue(huge.length() <= LogSafe.MAX + 1 && huge.endsWith("…"));
    }

    @Test
    void linksEndBeforeTheSentenceDoes() {
        List<Links.Link> links = Links.in("see https://acme.example/help. or (http://a.example/x), not xhttps://b.example");
        assertEquals(List.of("https://acme.example/help", "http://a.example/x"), links.stream().map(Links.Link::url).toList());
        Links.Link first = links.get(0);
        assertEquals("https://acme.example/help", "see https://acme.example/help.".substring(first.start(), first.end()));
    }

    @Test
    void aLongTextIsClippedWithAVisibleMark() {
        assertEquals("short", Clip.text("short"));
        String clipped = Clip.text("y".repeat(Clip.MAX_CHARS - 1) + "🙂🙂");
        assertTrue(clipped.endsWith("y …"), "never half an emoji");
        assertEquals("cut …", Clip.text("cut", true));
    }
}
