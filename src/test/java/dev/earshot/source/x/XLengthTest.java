package dev.earshot.source.x;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.earshot.testing.Harness;
import dev.earshot.testing.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A reply is measured as X measures it (twitter-text's weighted length), against 280. */
class XLengthTest {
    private static final TestClock CLOCK = TestClock.at(Harness.START);
    private static final FakeX X = new FakeX(CLOCK);
    private static final XSource SOURCE = XSource.create(XSourceTest.config(X, Duration.ofHours(24), 200, 100), CLOCK);

    @AfterAll
    static void stop() {
        X.close();
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            hello                                          | 5  | Latin: 1 each
            see https://example.com/a/very/long/path?x=1   | 27 | a URL counts 23 whatever its length
            x.com                                          | 23 | a bare domain is a URL too
            こんにちは                                     | 10 | CJK: 2 each
            한국어                                         | 6  | Hangul: 2 each
            😀                                             | 2  | an emoji: 2
            👍🏽                                           | 2  | with a skin tone: still one emoji
            👩‍👩‍👧‍👦                                     | 2  | a ZWJ family: one emoji
            🏳️‍🌈                                         | 2  | a ZWJ flag: one emoji
            🇫🇷                                           | 2  | a flag of two regional indicators
            مرحبا بك                                       | 8  | Arabic, right to left: 1 each
            שלום                                           | 4  | Hebrew: 1 each
            """)
    void countsAsXCounts(String text, int weighted, String why) {
        assertEquals(weighted, SOURCE.replyLength(text), why);
    }

    @Test
    void marksAndCombiningCharactersCountAsXCountsThem() {
        assertEquals(1, SOURCE.replyLength("e\u0301"), "normalised to é first");
        assertEquals(2, SOURCE.replyLength("\u200F"), "a right-to-left mark is outside the light ranges");
        assertEquals(8, SOURCE.replyLength("\u200Fשלום\u200F"));
    }

    @Test
    void theLimitIs280Weighted() {
        assertEquals(280, SOURCE.maxReplyLength());
        assertEquals(280, SOURCE.replyLength("a".repeat(280)));
        assertEquals(280, SOURCE.replyLength("👩‍👩‍👧‍👦".repeat(140)));
        assertEquals(282, SOURCE.replyLength("字".repeat(141)));
        String mixed = "Hi @jane_doe, 請查看 https://acme.com/help/refunds 🙏🏽";
        assertEquals(14 + 6 + 1 + 23 + 1 + 2, SOURCE.replyLength(mixed));
        assertEquals(14 + 6 + 1 + 33 + 1 + 2, SOURCE.replyLength(mixed.replace(".com", ".example")),
                "only a real top-level domain makes a URL, as on X");
    }
}
