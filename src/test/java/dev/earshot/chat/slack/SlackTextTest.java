package dev.earshot.chat.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A reply typed after /earshot reaches the customer exactly as the teammate wrote it. */
class SlackTextTest {

    @Test
    void slashCommandTextIsReadAsTyped() {
        assertEquals("reply 3 Q&A <3 > 2", SlackText.typed("reply 3 Q&amp;A &lt;3 &gt; 2"));
        assertEquals("reply 3 ask @bob in #billing", SlackText.typed("reply 3 ask <@U123|bob> in <#C9|billing>"));
        assertEquals("reply 3 see https://acme.example/help", SlackText.typed("reply 3 see <https://acme.example/help>"));
        assertEquals("reply 3 see acme.example", SlackText.typed("reply 3 see <http://acme.example|acme.example>"));
        assertEquals("note 3 @here look", SlackText.typed("note 3 <!here> look"));
        assertEquals("reply 3 &lt; stays as typed", SlackText.typed("reply 3 &amp;lt; stays as typed"));
        assertEquals("", SlackText.typed(null));
    }
}
