package dev.earshot.config;

import static dev.earshot.config.Yaml.TEAM;
import static dev.earshot.config.Yaml.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.earshot.core.Author;
import dev.earshot.core.Message;
import dev.earshot.core.MessageKind;
import dev.earshot.core.Platform;
import dev.earshot.core.Routing;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The routes: and templates: sections: how they read, and every problem they can have. */
class RoutesAndTemplatesTest {
    private static final String SOURCES = """
            sources:
              - { type: demo, name: demo }
              - { type: demo, name: vip }
            """;
    private static final String SLACK = """
            chat:
              slack: { botToken: b, appToken: a, channel: C0SUPPORT }
            """;

    private static Message message(String account, MessageKind kind, String text) {
        return new Message(Platform.DEMO, account, "1", new Author(Platform.DEMO, "jane", "Jane", 10, ""), text, "",
                Instant.EPOCH, kind, null, null);
    }

    @Test
    void theFirstMatchingRouteWinsAndTheChatChannelTakesTheRest() throws ConfigException {
        EarshotConfig config = Yaml.load(TEAM + SOURCES + SLACK + """
                routes:
                  - { source: vip, channel: C0VIP }
                  - { kind: DM, keyword: Refund, channel: C0BILLING }
                  - { keyword: refund, channel: C0REFUNDS }
                """);
        Routing routing = config.routing();
        assertEquals("C0VIP", routing.channelFor(message("vip", MessageKind.DM, "refund please")));
        assertEquals("C0BILLING", routing.channelFor(message("demo", MessageKind.DM, "I want a REFUND")));
        assertEquals("C0REFUNDS", routing.channelFor(message("demo", MessageKind.MENTION, "refund?")));
        assertEquals("C0SUPPORT", routing.channelFor(message("demo", MessageKind.MENTION, "hello")));
        assertEquals(List.of("C0SUPPORT", "C0VIP", "C0BILLING", "C0REFUNDS"), routing.channels());
    }

    @Test
    void routeProblems() {
        assertEquals(List.of(
                "routes[0]: match on at least one of source, kind or keyword",
                "routes[1].source: names no configured source; sources: demo, vip",
                "routes[2].kind: must be one of: dm, mention, reply, quote, keyword",
                "routes[3].channel: must be set",
                "routes[4].chanel: unknown key; known keys here: channel, keyword, kind, source"),
                problems(TEAM + SOURCES + SLACK + """
                        routes:
                          - { channel: C1 }
                          - { source: nope, channel: C1 }
                          - { kind: tweet, channel: C1 }
                          - { keyword: refund }
                          - { keyword: refund, chanel: C1, channel: C2 }
                        """).stream().sorted().toList());
        assertEquals(List.of("routes: must be a list"), problems(TEAM + SOURCES + "routes: C1\n"));
    }

    @Test
    void templatesAreFilledWithTheirFields() throws ConfigException {
        EarshotConfig config = Yaml.load(TEAM + SOURCES + """
                templates:
                  - { name: thanks, text: "Thanks {customer} ({handle}), {agent} here about {id} on {platform}." }
                """);
        String filled = config.replyTemplates().get(0).fill(Map.of("customer", "Jane", "handle", "@jane",
                "agent", "alice", "id", "#12", "platform", "Demo"));
        assertEquals("Thanks Jane (@jane), alice here about #12 on Demo.", filled);
    }

    @Test
    void templateProblems() {
        assertEquals(List.of(
                "templates[0].text: must be set",
                "templates[1].name: must be set",
                "templates[3].name: already used by templates[2].name",
                "templates[4].text: uses a field Earshot does not know; known fields: {customer}, {handle},"
                        + " {agent}, {platform}, {id}"),
                problems(TEAM + SOURCES + """
                        templates:
                          - { name: a }
                          - { text: hello }
                          - { name: Thanks, text: hi }
                          - { name: thanks, text: hi again }
                          - { name: b, text: "Hi {costumer}" }
                        """));
    }
}
