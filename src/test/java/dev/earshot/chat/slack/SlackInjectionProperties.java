package dev.earshot.chat.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.earshot.core.Author;
import dev.earshot.core.Card;
import dev.earshot.core.Member;
import dev.earshot.core.Platform;
import dev.earshot.core.Priority;
import dev.earshot.core.State;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Promise 16 as a property: whatever a customer (or a teammate) writes, the Block Kit and the
 * texts we send hold no {@code <…>} entity but the ones our templates make.
 */
class SlackInjectionProperties {
    static final List<String> CORPUS = List.of("<!channel>", "<!here|x>", "<@U123>", "<!subteam^S1>",
            "<http://evil|bank.com>", "<!everyone>", "<#C0GENERAL>", "&lt;!channel&gt;", "<https://x|y", "<<!here>>",
            "\u202e<!channel>", "&<>&amp;");

    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> pieces = Arbitraries.oneOf(Arbitraries.of(CORPUS), Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withChars("<>&|!@#^ \n*_~`").ofMaxLength(20));
        return pieces.list().ofMaxSize(8).map(l -> String.join("", l));
    }

    private static Card card(String text, String handle, String name, String stateLine, String url) {
        return new Card(7, Platform.DEMO, new Author(Platform.DEMO, handle.isBlank() ? "x" : handle, name, 12,
                "https://social.example/@jane"), text, url, Duration.ofMinutes(3), new Priority(50), State.CLAIMED,
                "alice", stateLine, 2, null, EnumSet.allOf(Card.Action.class));
    }

    private static final Set<String> OURS = Set.of("<https://social.example/@jane|@", "<https://social.example/p/7|");

    private static List<String> foreign(ArrayNode blocks) {
        return Entities.in(blocks).stream().filter(e -> OURS.stream().noneMatch(e::startsWith)).toList();
    }

    @Property(tries = 400)
    void aCardHoldsNoEntityButOurLinks(@ForAll("hostile") String text, @ForAll("hostile") String handle,
                                       @ForAll("hostile") String name, @ForAll("hostile") String note) {
        Card card = card(text, handle, name, "🙋 claimed by @alice: " + note, "https://social.example/p/7");
        assertEquals(List.of(), foreign(CardBlocks.card(card)));
        assertEquals(List.of(), foreign(CardBlocks.group(List.of(card, card))));
        assertEquals(List.of(), Entities.in(CardBlocks.fallback(card)));
        assertEquals(List.of(), Entities.in(CardBlocks.groupFallback(List.of(card))));
        // The profile link's label is the escaped handle: it cannot close the link early.
        for (String link : Entities.in(CardBlocks.card(card))) {
            assertEquals(1, link.chars().filter(c -> c == '|').count(), link);
        }
    }

    @Property(tries = 200)
    void aCustomerUrlCannotBreakOutOfItsLink(@ForAll("hostile") String tail) {
        String url = "https://social.example/p/7" + tail.replace("\n", "");
        Card card = card("hello", "jane", "Jane", "state", url);
        for (String entity : Entities.in(CardBlocks.card(card))) {
            String inside = entity.substring(1, entity.length() - 1);
            assertEquals(1, inside.chars().filter(c -> c == '|').count(), entity);
            assertEquals(-1, inside.indexOf('<'), entity);
        }
    }

    @Property(tries = 300)
    void threadPostsAndNoticesMentionOnlyWhoWeName(@ForAll("hostile") String text) {
        Member alice = new Member("alice", Map.of("slack", "U0ALICE"), false);
        String line = SlackText.mentions(List.of(alice)) + SlackText.escape(text);
        assertEquals(List.of("<@U0ALICE>"), Entities.in(line));
        assertEquals(List.of(), Entities.in(SlackCommands.text(text)));
    }

    @Property(tries = 300)
    void aReportHoldsNoEntityAndStaysOneCodeBlock(@ForAll("hostile") String title, @ForAll("hostile") String body) {
        String shown = SlackText.report(title.replace("\n", " ") + "\n\n" + body);
        assertEquals(List.of(), Entities.in(shown));
        long fences = shown.lines().filter(l -> l.contains("```")).count();
        assertEquals(body.isBlank() ? 0 : 2, fences, shown);
    }

    @Property(tries = 100)
    void aMemberWithAStrangeSlackIdIsNotTurnedIntoAnEntity(@ForAll("hostile") String id) {
        Member odd = new Member("odd", Map.of("slack", id), false);
        List<String> entities = Entities.in(SlackText.mention(odd));
        if (!id.matches("[UW][A-Z0-9]{2,30}")) {
            assertEquals(List.of(), entities);
        }
    }
}
