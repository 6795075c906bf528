package dev.earshot.source.text;

import com.ibm.icu.text.BreakIterator;
import java.nio.charset.StandardCharsets;

/** User-perceived characters (Unicode extended grapheme clusters), as Mastodon and Bluesky count. */
public final class Graphemes {
    private Graphemes() {
    }

    public static int count(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        BreakIterator it = BreakIterator.getCharacterInstance();
        it.setText(text);
        int n = 0;
        it.first();
        while (it.next() != BreakIterator.DONE) {
            n++;
        }
        return n;
    }

    public static int utf8Bytes(String text) {
        return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The UTF-8 byte offset of the Java string index {@code index} (facets count bytes). */
    public static int utf8Offset(String text, int index) {
        return utf8Bytes(text.substring(0, index));
    }
}
