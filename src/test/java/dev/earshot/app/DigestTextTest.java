package dev.earshot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DigestTextTest {
    @ParameterizedTest
    @CsvSource({"0, 0", "999, 999", "1000, 1k", "1250, 1.3k", "9999, 10k", "10000, 10k", "120000, 120k",
            "999499, 999k", "999500, 1M", "1000000, 1M", "1250000, 1.3M", "42000000, 42M"})
    void followerCountsReadLikeAPerson(long n, String shown) {
        assertEquals(shown, DigestText.followers(n));
    }

    @Test
    void handlesStayOnOneShortLine() {
        assertEquals("jane", DigestText.handle("jane"));
        assertEquals("a b", DigestText.handle("a\nb"));
        assertEquals("spaced out", DigestText.handle("  spaced\tout\u2028 "));
        assertEquals("abcdefghijklmnopqrstuvw…", DigestText.handle("abcdefghijklmnopqrstuvwxyz0123"));
    }
}
