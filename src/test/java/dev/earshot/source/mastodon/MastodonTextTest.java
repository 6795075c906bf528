package dev.earshot.source.mastodon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MastodonTextTest {

    @Test
    void lengthIsCountedAsMastodonCounts() {
        assertEquals(5, MastodonLength.count("hello", 23));
        assertEquals(1, MastodonLength.count("👩‍👩‍👧‍👦", 23), "a ZWJ family is one");
        assertEquals(1, MastodonLength.count("🇯🇵", 23), "a flag is one");
        assertEquals(1, MastodonLength.count("👍🏽", 23), "a skin tone is one");
        assertEquals(5, MastodonLength.count("مرحبا", 23), "right-to-left letters one each");
        assertEquals(5, MastodonLength.count("e\u0301tude", 23), "a combining accent joins its letter");
        assertEquals(4 + 23, MastodonLength.count("see https://example.com/a/very/long/path/that/goes/on?x=1", 23));
        assertEquals(4 + 23 + 1, MastodonLength.count("see https://example.com/x.", 23), "the full stop is text");
        assertEquals("@jane hi".length(), MastodonLength.count("@jane@far.example hi", 23), "a domain is free");
        assertEquals("mail me@x.org".length(), MastodonLength.count("mail me@x.org", 23));
        assertTrue(MastodonLength.sameText("@jane hi  there", "@jane@far.example hi there"));
    }

    @Test
    void htmlBecomesText() {
        assertEquals("a & b < c", StatusHtml.text("<p>a &amp; b &lt; c</p>"));
        assertEquals("one\ntwo\n\nthree", StatusHtml.text("<p>one<br />two</p><p>three</p>"));
        assertEquals("the quote", StatusHtml.text("<p class=\"quote-inline\">RE: <a href=\"https://x/1\">x/1</a></p>"
                + "<p>the quote</p>"));
        assertEquals("", StatusHtml.text(null));
        assertEquals("שלום @acme", StatusHtml.text("<p>שלום <span class=\"h-card\"><a class=\"u-url mention\" "
                + "href=\"https://x/@acme\">@<span>acme</span></a></span></p>"));
    }

    @Test
    void idsCompareByLengthThenLexically() {
        List<String> ids = new java.util.ArrayList<>(List.of("1000", "999", "10", "998"));
        ids.sort(StatusIds.ORDER);
        assertEquals(List.of("10", "998", "999", "1000"), ids);
        assertEquals("1000", StatusIds.max("999", "1000"));
    }

    @Test
    void theCursorKeepsBothPlaces() {
        MastodonCursor c = new MastodonCursor("1000", "42");
        assertEquals(c, MastodonCursor.parse(Optional.of(c.format())));
        assertEquals(MastodonCursor.START, MastodonCursor.parse(Optional.empty()));
        assertEquals(new MastodonCursor("7", null), MastodonCursor.parse(Optional.of("n=7;s=")));
    }

    @Test
    void visibilityIsNeverWidened() {
        assertEquals("direct", Visibility.noWiderThan("direct"));
        assertEquals("private", Visibility.noWiderThan("private"));
        assertEquals("unlisted", Visibility.noWiderThan("unlisted"));
        assertEquals("public", Visibility.noWiderThan("public"));
        assertEquals("direct", Visibility.noWiderThan("limited"), "unknown: the narrowest");
    }
}
