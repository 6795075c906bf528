package dev.earshot.config;

import static dev.earshot.config.Yaml.DEMO;
import static dev.earshot.config.Yaml.TEAM;
import static dev.earshot.config.Yaml.load;
import static dev.earshot.config.Yaml.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.core.ReadCosts;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** afterHours, spikes, and an X source's costs and budget: defaults, and a path-named error for each wrong value. */
class CareConfigTest {
    private static final String X = """
            sources:
              - type: x
                name: acme-x
                apiKey: k
                apiSecret: s
                accessToken: t
                accessTokenSecret: ts
                keywords: [refund]
            """;

    @Test
    void offByDefaultWithDocumentedDefaults() throws ConfigException {
        EarshotConfig config = load(TEAM + X);
        assertFalse(config.afterHours().enabled());
        assertTrue(config.afterHours().directMessages());
        assertFalse(config.spikes().enabled());
        assertEquals(3.0, config.spikes().factor());
        assertEquals(List.of("refund"), config.spikes().keywordsOr(config.sources()));
        ReadCosts costs = config.readCosts().get("acme-x");
        assertEquals("USD", costs.prices().currency());
        assertEquals(new BigDecimal("0.005"), costs.prices().postRead());
        assertEquals(null, costs.budget());
    }

    @Test
    void aBudgetWithAReserveInAnotherCurrency() throws ConfigException {
        EarshotConfig config = load(TEAM + X + """
                    costs: { currency: EUR, postRead: 0.0045 }
                    monthlyBudget: 50
                    mentionsReserve: 10
                afterHours: { enabled: true, template: "Hi {handle}, back {opens}." }
                spikes: { enabled: true, factor: 2.5, floor: 3, weeks: 6, keywords: [outage] }
                """);
        ReadCosts costs = config.readCosts().get("acme-x");
        assertEquals("EUR", costs.prices().currency());
        assertEquals(new BigDecimal("40"), costs.budget().optionalLimit());
        assertEquals("Hi {handle}, back {opens}.", config.afterHours().toAck().template());
        assertEquals(List.of("outage"), config.spikes().keywordsOr(config.sources()));
        assertEquals(2.5, config.spikes().toRule().factor());
    }

    @Test
    void everyWrongValueIsNamedByItsPath() {
        assertEquals(List.of(
                        "sources[0].costs.currency: must be a three-letter currency code such as USD or EUR",
                        "sources[0].costs.userRead: must not be negative",
                        "sources[0].monthlyBudget: must not be negative",
                        "sources[0].mentionsReserve: must not be negative",
                        "afterHours.template: uses a field Earshot does not know; known fields: {customer}, {handle},"
                                + " {opens}",
                        "spikes.factor: must be above 1 (3 means three times the usual number) and at most 1000",
                        "spikes.floor: must be 1 or more",
                        "spikes.weeks: must be from 1 to 52",
                        "spikes.keywords[0]: must not be empty"),
                problems(TEAM + X + """
                            costs: { currency: dollars, userRead: -1 }
                            monthlyBudget: -5
                            mentionsReserve: -1
                        afterHours: { template: "Back at {when}" }
                        spikes: { factor: 1, floor: 0, weeks: 53, keywords: [" "] }
                        """));
        assertEquals(List.of("sources[0].mentionsReserve: needs a monthlyBudget to be part of"),
                problems(TEAM + X + "    mentionsReserve: 5\n"));
        assertEquals(List.of("sources[0].mentionsReserve: must not be more than monthlyBudget"),
                problems(TEAM + X + "    monthlyBudget: 5\n    mentionsReserve: 6\n"));
        assertEquals(List.of("afterHours.template: must not be empty; leave it out for the default"),
                problems(TEAM + DEMO + "afterHours: { template: \" \" }\n"));
        assertTrue(problems(TEAM + DEMO + "spikes: { factor: lots }\n").get(0).startsWith("spikes.factor"),
                problems(TEAM + DEMO + "spikes: { factor: lots }\n").toString());
    }
}
