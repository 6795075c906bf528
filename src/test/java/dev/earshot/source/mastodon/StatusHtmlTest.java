package dev.earshot.source.mastodon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.source.text.Clip;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Mastodon's HTML to text: right on ordinary statuses, linear and capped on hostile ones. */
class StatusHtmlTest {
    private static final int MEGABYTE = 1 << 20;
    /** Linear work on 1 MB takes well under 200 ms; the bound leaves room for a busy CI machine. */
    private static final long BOUND_MS = 2_000;

    @Test
    void ordinaryStatusesReadAsAPersonReadsThem() {
        assertEquals("Hi @acme, my order #42 is late\nsince Monday.\n\nCan you help?",
                StatusHtml.text("<p>Hi <span class=\"h-card\"><a href=\"https://social.example/@acme\" "
                        + "class=\"u-url mention\">@<span>acme</span></a></span>, my order "
                        + "<a href=\"https://social.example/tags/42\" class=\"mention hashtag\">#<span>42</span></a>"
                        + " is late <br>  since&nbsp;Monday. </p>\n<p>\tCan you help?</p>"));
        assertEquals("see the docs (https://acme.example/help) and https://acme.example/faq",
                StatusHtml.text("<p>see <a href=\"https://acme.example/help\">the docs</a> and "
                        + "<a href=\"https://acme.example/faq\"><span class=\"invisible\">https://</span>"
                        + "<span>acme.example/faq</span></a></p>"));
        assertEquals("one\n\ntwo", StatusHtml.text("<p>one</p><p></p><p></p><p>two</p>"), "one empty line at most");
        assertEquals("a b", StatusHtml.tidy("\u00a0 a\u00a0b \t\n\n\n"));
    }

    @Test
    void aLongStatusIsClippedWithAVisibleMark() {
        String text = StatusHtml.text("<p>" + "word ".repeat(3_000) + "</p>");
        assertTrue(text.endsWith(" …"), text.substring(text.length() - 10));
        assertTrue(text.length() <= Clip.MAX_CHARS + 2);
        assertTrue(text.startsWith("word word"));
    }

    @Test
    void aMegabyteOfDeeplyNestedMarkupIsReadInLinearTime() {
        int depth = MEGABYTE / "<span></span>".length();
        String nested = "<p>" + "<span>".repeat(depth) + "deep" + "</span>".repeat(depth) + "</p>";
        assertEquals("…", timed("nested spans", () -> StatusHtml.text(nested)), "cut, and says so");
        String deepButShort = "<p>" + "<span>".repeat(5_000) + "deep" + "</span>".repeat(5_000) + "</p>";
        assertEquals("deep", StatusHtml.text(deepButShort));
    }

    @Test
    void aMegabyteOfWhiteSpaceAndRepeatedMarkupIsReadInLinearTime() {
        String blanks = "<p>a" + " \t".repeat(MEGABYTE / 2) + "b</p>";
        assertTrue(timed("spaces without a line end", () -> StatusHtml.text(blanks)).startsWith("a"));
        String newlines = "<p>" + "<br> ".repeat(MEGABYTE / 5) + "end</p>";
        assertEquals("…", timed("line breaks", () -> StatusHtml.text(newlines)));
        String hidden = "<p class=\"quote-inline\">" + "<span class=\"quote-inline\">".repeat(MEGABYTE / 60)
                + "RE:" + "</span>".repeat(MEGABYTE / 60) + "</p><p>shown</p>";
        assertEquals("…", timed("hidden inside hidden", () -> StatusHtml.text(hidden)));
        String links = "<p>" + "<a href=\"https://x.example/\"><a href=\"https://y.example/\">y</a>".repeat(MEGABYTE / 70)
                + "</p>";
        assertTrue(timed("nested links", () -> StatusHtml.text(links)).endsWith("…"));
    }

    /** The best of three runs (the machine is shared), after one to load the classes. */
    private static String timed(String what, Supplier<String> work) {
        String out = work.get();
        long ms = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            work.get();
            ms = Math.min(ms, (System.nanoTime() - start) / 1_000_000);
        }
        System.out.printf("StatusHtml, 1 MB of %s: %d ms%n", what, ms);
        assertTrue(ms < BOUND_MS, what + " took " + ms + " ms");
        return out;
    }
}
