package dev.earshot.config;

import static dev.earshot.config.Yaml.DEMO;
import static dev.earshot.config.Yaml.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.core.BusinessHours;
import dev.earshot.core.NudgePlan;
import dev.earshot.core.OnCallRotation;
import dev.earshot.core.SlaPolicy;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** team.manager, businessHours, sla, nudges, oncall, continuity and priority.pageAbove. */
class FollowThroughConfigTest {
    static final String TEAM = """
            team:
              timezone: Europe/Berlin
              manager: "@carol"
              members:
                - name: alice
                - name: bob
                - name: carol
            """;

    @Test
    void aTeamThatSetsNothingGetsGentleNudgesInOfficeHours() throws ConfigException {
        EarshotConfig config = Yaml.load(Yaml.TEAM + DEMO);
        ZoneId utc = ZoneId.of("UTC");
        assertNull(config.team().manager());
        assertEquals(BusinessHours.standard(utc), config.businessHours().toBusinessHours(utc));
        assertEquals(SlaPolicy.standard(BusinessHours.standard(utc)),
                config.sla().toPolicy(BusinessHours.standard(utc)));
        assertEquals(NudgePlan.standard(), config.nudges().toPlan());
        assertTrue(config.oncall().toRotation(utc).isEmpty());
        assertEquals(Duration.ofDays(14), config.continuity().sameOwnerWithin());
        assertEquals(70, config.priority().pageAbove());
    }

    @Test
    void everyFollowThroughKeyBinds() throws ConfigException {
        EarshotConfig config = Yaml.load(TEAM + DEMO + """
                priority:
                  pageAbove: 80
                businessHours:
                  days: [mon, tue, wed, thu, Friday, sat]
                  open: "08:30"
                  close: "24:00"
                  holidays: [2026-12-24, "2026-12-25"]
                sla:
                  firstResponse: 30m
                  firstResponseAfterHours: 2h
                  pauseOutsideHours: true
                nudges:
                  enabled: true
                  steps:
                    - { percent: 75, action: oncall }
                    - { percent: 25, action: thread }
                  claimedIdle: 20m
                  offerBack: 0s
                oncall:
                  rotation: ["@bob", alice]
                  handover: fri 17:00
                  firstWeek: 2026-01-02
                continuity:
                  sameOwnerWithin: 0s
                """);
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        assertEquals("carol", config.team().manager());
        assertEquals(80, config.priority().pageAbove());
        BusinessHours hours = config.businessHours().toBusinessHours(berlin);
        assertEquals(new BusinessHours(berlin, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY), LocalTime.of(8, 30),
                LocalTime.MIDNIGHT, Set.of(LocalDate.parse("2026-12-24"), LocalDate.parse("2026-12-25"))), hours);
        assertEquals(new SlaPolicy(Duration.ofMinutes(30), Duration.ofHours(2), true, hours), config.sla().toPolicy(hours));
        assertEquals(new NudgePlan(true, List.of(new NudgePlan.Step(25, NudgePlan.Action.THREAD),
                new NudgePlan.Step(75, NudgePlan.Action.ONCALL)), Duration.ofMinutes(20), Duration.ZERO),
                config.nudges().toPlan());
        OnCallRotation rotation = config.oncall().toRotation(berlin);
        assertEquals(new OnCallRotation(List.of("bob", "alice"), DayOfWeek.FRIDAY, LocalTime.of(17, 0), berlin,
                LocalDate.parse("2026-01-02")), rotation);
        assertEquals("bob", rotation.at(Instant.parse("2026-01-02T16:00:00Z")).orElseThrow().member());
        assertFalse(config.continuity().toContinuity().isOn());
    }

    @Test
    void nudgesCanBeTurnedOff() throws ConfigException {
        EarshotConfig config = Yaml.load(Yaml.TEAM + DEMO + "nudges:\n  enabled: false\n");
        assertFalse(config.nudges().toPlan().enabled());
    }

    @Test
    void everyMistakeIsNamedWithItsPath() {
        assertEquals(List.of(
                "team.manager: must be one of team.members",
                "priority.pageAbove: must be a score from 0 (never page) to 100",
                "businessHours.days[1]: must be a day: mon, tue, wed, thu, fri, sat, sun",
                "businessHours.open: must be a time like 09:00",
                "businessHours.holidays[0]: must be a date like 2026-12-25",
                "sla.firstResponse: must be longer than 0s",
                "nudges.steps[0].percent: must be set, like 50 for half the first-response time",
                "nudges.steps[1].percent: must be from 1 to 10000",
                "nudges.steps[3].percent: already used by nudges.steps[2].percent",
                "nudges.offerBack: must be longer than nudges.claimedIdle (or 0s for never)",
                "oncall.rotation[0]: must be one of team.members",
                "oncall.rotation[2]: already used by oncall.rotation[1]",
                "oncall.handover: must be a day and a time like mon 09:00",
                "oncall.firstWeek: must be a date like 2026-01-05"),
                problems("""
                        team:
                          manager: zoe
                          members: [{ name: alice }, { name: bob }]
                        """ + DEMO + """
                        priority: { pageAbove: 101 }
                        businessHours:
                          days: [mon, funday]
                          open: "9am"
                          holidays: [christmas]
                        sla: { firstResponse: 0s }
                        nudges:
                          steps:
                            - { action: thread }
                            - { percent: 0, action: thread }
                            - { percent: 100, action: oncall }
                            - { percent: 100, action: manager }
                          claimedIdle: 2h
                          offerBack: 1h
                        oncall:
                          rotation: [dave, bob, "@Bob"]
                          handover: monday
                          firstWeek: soon
                        """));
    }

    @Test
    void wrongTypesAndUnknownKeys() {
        assertEquals(List.of(
                "sla.pauseOutsideHours: must be true or false",
                "nudges.steps[0].action: must be one of: thread, oncall, manager",
                "nudges.claimedIdle: must be a time span like 30s or 1h30m",
                "oncall.rotation: must be a list",
                "continuity.sameOwnerWith: unknown key; known keys here: sameOwnerWithin"),
                problems(Yaml.TEAM + DEMO + """
                        sla: { pauseOutsideHours: sometimes }
                        nudges:
                          steps: [{ percent: 50, action: slack }]
                          claimedIdle: soon
                        oncall: { rotation: alice }
                        continuity: { sameOwnerWith: 14d }
                        """));
    }

    @Test
    void closingTimeMustFollowOpeningTimeAndADayIsNeeded() {
        assertEquals(List.of("businessHours.days: name at least one working day (mon, tue, wed, thu, fri, sat, sun)",
                        "businessHours.close: must be after businessHours.open"),
                problems(Yaml.TEAM + DEMO + "businessHours: { days: [], open: \"18:00\", close: \"09:00\" }\n"));
        assertEquals(List.of("businessHours.close: must be a time like 17:00 (24:00 for the end of the day)"),
                problems(Yaml.TEAM + DEMO + "businessHours: { close: \"24:30\" }\n"));
    }
}
