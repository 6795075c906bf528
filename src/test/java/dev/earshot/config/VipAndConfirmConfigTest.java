package dev.earshot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.core.Author;
import dev.earshot.core.Message;
import dev.earshot.core.MessageKind;
import dev.earshot.core.Platform;
import dev.earshot.core.Priority;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** priority.vips and team.members[].confirmReplies: read with their defaults, every mistake named by its path. */
class VipAndConfirmConfigTest {

    @Test
    void vipsRaisePriorityWithTheirOwnPointsOrTheDefault() throws Exception {
        EarshotConfig config = Yaml.load(Yaml.TEAM + Yaml.DEMO + """
                priority:
                  vipPoints: 35
                  vips:
                    - { handle: "@BigPress", note: press }
                    - { id: "2244994945", platform: X, points: 10 }
                """);
        var rules = config.priority().toRules();
        Priority press = rules.score(new Message(Platform.BLUESKY, "b", "1", new Author(Platform.BLUESKY, "bigpress",
                null, -1, ""), "hi", "", Instant.EPOCH, MessageKind.MENTION, null, null));
        assertTrue(press.parts().contains(new Priority.Part(Priority.Factor.VIP, 35, "press")), press.toString());
        Priority partner = rules.score(new Message(Platform.X, "x", "1", new Author(Platform.X, "p", null, -1, "",
                "2244994945"), "hi", "", Instant.EPOCH, MessageKind.MENTION, null, null));
        assertTrue(partner.parts().contains(new Priority.Part(Priority.Factor.VIP, 10, "2244994945")), partner.toString());
    }

    @Test
    void noVipsByDefaultAndTypedRepliesAreConfirmedUnlessTurnedOff() throws Exception {
        EarshotConfig config = Yaml.load("""
                team:
                  members:
                    - name: alice
                    - { name: bob, confirmReplies: false }
                """ + Yaml.DEMO);
        assertEquals(List.of(), config.priority().vips());
        assertEquals(PriorityConfig.DEFAULT_VIP_POINTS, config.priority().vipPoints());
        assertTrue(config.team().toTeam().require("alice").confirmReplies());
        assertFalse(config.team().toTeam().require("bob").confirmReplies());
    }

    @Test
    void everyWrongVipIsNamedByItsPath() {
        assertEquals(List.of(
                        "priority.vipPoints: must be from 0 to 100",
                        "priority.vips[0]: needs a handle or an id",
                        "priority.vips[1].platform: must be one of: x, mastodon, bluesky, reddit, feed, demo",
                        "priority.vips[2].points: must be from 0 to 100"),
                Yaml.problems(Yaml.TEAM + Yaml.DEMO + """
                        priority:
                          vipPoints: 101
                          vips:
                            - { note: nobody }
                            - { handle: jane, platform: myspace }
                            - { handle: joe, points: -5 }
                        """));
        assertEquals(List.of("team.members[0].confirmReplies: must be true or false"),
                Yaml.problems("team:\n  members: [{ name: alice, confirmReplies: maybe }]\n" + Yaml.DEMO));
    }
}
