package dev.earshot.config;

import static dev.earshot.config.Yaml.DEMO;
import static dev.earshot.config.Yaml.TEAM;
import static dev.earshot.config.Yaml.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.core.DigestHours;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumSet;
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
        assertEquals(Duration.ofHours(1), digest.slaTarget());
        assertEquals(DigestHours.officeDefault(), digest.businessHours().toHours());
    }

    @Test
    void everyKeyIsRead() throws ConfigException {
        DigestConfig digest = Yaml.load(TEAM + DEMO + """
                digest:
                  enabled: false
                  at: "07:30"
                  weekly: false
                  channel: C0MANAGERS
                  slaTarget: 30m
                  businessHours:
                    days: [Mon, wed, sat]
                    from: "08:00"
                    to: "20:00"
                """).digest();
        assertFalse(digest.enabled());
        assertEquals(LocalTime.of(7, 30), digest.at());
        assertFalse(digest.weekly());
        assertEquals("C0MANAGERS", digest.channelOr("support"));
        assertEquals(Duration.ofMinutes(30), digest.slaTarget());
        assertEquals(new DigestHours(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.SATURDAY),
                LocalTime.of(8, 0), LocalTime.of(20, 0)), digest.businessHours().toHours());
    }

    @Test
    void anUnquotedTimeIsReadToo() throws ConfigException {
        assertEquals(LocalTime.of(9, 15), Yaml.load(TEAM + DEMO + "digest:\n  at: 09:15\n").digest().at());
    }

    @Test
    void problemsAreNamedWithTheirPath() {
        assertEquals(List.of(
                "digest.at: must be a time of day like \"09:00\" (quoted, 24-hour)",
                "digest.businessHours.from: must be a time of day like \"09:00\" (quoted, 24-hour)",
                "digest.channel: must not be empty; leave it out to use the chat's channel",
                "digest.slaTarget: must be at least 1m",
                "digest.businessHours.days[1]: must be one of: mon, tue, wed, thu, fri, sat, sun",
                "digest.businessHours.days[2]: already used by digest.businessHours.days[0]"),
                problems(TEAM + DEMO + """
                        digest:
                          at: "25:00"
                          channel: " "
                          slaTarget: 0s
                          businessHours: { days: [mon, funday, MON], from: noon }
                        """));
    }

    @Test
    void businessHoursMustStartBeforeTheyEndAndHaveADay() {
        assertEquals(List.of(
                "digest.businessHours.days: name at least one day (mon, tue, wed, thu, fri, sat, sun)",
                "digest.businessHours.to: must be later than digest.businessHours.from"),
                problems(TEAM + DEMO + """
                        digest:
                          businessHours: { days: [], from: "18:00", to: "09:00" }
                        """));
    }

    @Test
    void unknownKeysInTheSectionAreRefused() {
        assertEquals(List.of("digest.time: unknown key; known keys here: at, businessHours, channel, enabled, "
                        + "slaTarget, weekly"),
                problems(TEAM + DEMO + "digest:\n  time: \"09:00\"\n"));
    }
}
