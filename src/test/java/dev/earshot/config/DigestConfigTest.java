package dev.earshot.config;

import static dev.earshot.config.Yaml.DEMO;
import static dev.earshot.config.Yaml.TEAM;
import static dev.earshot.config.Yaml.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The digest section: defaults for a team that sets nothing, values, and every problem. */
class DigestConfigTest {

    @Test
    void aTeamThatSetsNothingGetsA0900DigestInTheChatsChannel() throws ConfigException {
        DigestConfig digest = Yaml.load(TEAM + DEMO).digest();
        assertTrue(digest.enabled());
        assertEquals(LocalTime.of(9, 0), digest.at());
        assertTrue(digest.weekly());
        assertEquals("support", digest.channelOr("support"));
    }

    @Test
    void everyKeyIsRead() throws ConfigException {
        DigestConfig digest = Yaml.load(TEAM + DEMO + """
                digest:
                  enabled: false
                  at: "07:30"
                  weekly: false
                  channel: C0MANAGERS
                """).digest();
        assertFalse(digest.enabled());
        assertEquals(LocalTime.of(7, 30), digest.at());
        assertFalse(digest.weekly());
        assertEquals("C0MANAGERS", digest.channelOr("support"));
    }

    @Test
    void anUnquotedTimeIsReadToo() throws ConfigException {
        assertEquals(LocalTime.of(9, 15), Yaml.load(TEAM + DEMO + "digest:\n  at: 09:15\n").digest().at());
    }

    @Test
    void problemsAreNamedWithTheirPath() {
        assertEquals(List.of(
                "digest.at: must be a time of day like \"09:00\" (quoted, 24-hour)",
                "digest.channel: must not be empty; leave it out to use the chat's channel"),
                problems(TEAM + DEMO + """
                        digest:
                          at: "25:00"
                          channel: " "
                        """));
    }

    @Test
    void theStandInsForTheSlaAndBusinessHoursAreGone() {
        assertEquals(List.of("digest.slaTarget: unknown key; known keys here: at, channel, enabled, weekly",
                        "digest.businessHours: unknown key; known keys here: at, channel, enabled, weekly"),
                problems(TEAM + DEMO + "digest:\n  slaTarget: 30m\n  businessHours: { days: [mon] }\n"));
    }

    @Test
    void unknownKeysInTheSectionAreRefused() {
        assertEquals(List.of("digest.time: unknown key; known keys here: at, channel, enabled, weekly"),
                problems(TEAM + DEMO + "digest:\n  time: \"09:00\"\n"));
    }
}
