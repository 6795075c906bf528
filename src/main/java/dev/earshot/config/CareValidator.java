package dev.earshot.config;

import dev.earshot.core.AfterHoursAck;
import java.math.BigDecimal;
import java.util.stream.Collectors;

/** The rules of social care's sections, in the manner of {@link Validator}: after-hours, spikes, X's costs. */
final class CareValidator {
    private final Problems problems;

    CareValidator(Problems problems) {
        this.problems = problems;
    }

    void check(AfterHoursConfig afterHours, SpikesConfig spikes) {
        if (afterHours.template() != null) {
            if (afterHours.template().isBlank()) {
                problems.add("afterHours.template", "must not be empty; leave it out for the default");
            } else if (!AfterHoursAck.unknownFields(afterHours.template()).isEmpty()) {
                problems.add("afterHours.template", "uses a field Earshot does not know; known fields: "
                        + AfterHoursAck.FIELDS.stream().map(f -> "{" + f + "}").collect(Collectors.joining(", ")));
            }
        }
        if (!(spikes.factor() > 1) || spikes.factor() > 1000) {
            problems.add("spikes.factor", "must be above 1 (3 means three times the usual number) and at most 1000");
        }
        if (spikes.floor() < 1) {
            problems.add("spikes.floor", "must be 1 or more");
        }
        if (spikes.weeks() < 1 || spikes.weeks() > 52) {
            problems.add("spikes.weeks", "must be from 1 to 52");
        }
        if (spikes.keywords() != null) {
            for (int i = 0; i < spikes.keywords().size(); i++) {
                if (spikes.keywords().get(i).isEmpty()) {
                    problems.add(Problems.at("spikes.keywords", i), "must not be empty");
                }
            }
        }
    }

    /** An X source's prices and budget. */
    void xCosts(String path, XSourceConfig x) {
        String at = Problems.at(path, "costs");
        XCostsConfig costs = x.costs();
        if (!costs.currency().matches("[A-Z]{3}")) {
            problems.add(Problems.at(at, "currency"), "must be a three-letter currency code such as USD or EUR");
        }
        notNegative(Problems.at(at, "postRead"), costs.postRead());
        notNegative(Problems.at(at, "userRead"), costs.userRead());
        notNegative(Problems.at(at, "dmEventRead"), costs.dmEventRead());
        if (x.monthlyBudget() != null) {
            notNegative(Problems.at(path, "monthlyBudget"), x.monthlyBudget());
        }
        if (x.mentionsReserve() != null) {
            notNegative(Problems.at(path, "mentionsReserve"), x.mentionsReserve());
            if (x.monthlyBudget() == null) {
                problems.add(Problems.at(path, "mentionsReserve"), "needs a monthlyBudget to be part of");
            } else if (x.mentionsReserve().compareTo(x.monthlyBudget()) > 0) {
                problems.add(Problems.at(path, "mentionsReserve"), "must not be more than monthlyBudget");
            }
        }
    }

    private void notNegative(String path, BigDecimal value) {
        if (value.signum() < 0) {
            problems.add(path, "must not be negative");
        }
    }
}
