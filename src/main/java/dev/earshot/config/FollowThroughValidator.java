package dev.earshot.config;

import java.time.Duration;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of the follow-through sections (businessHours, sla, nudges, oncall, continuity; the
 * manager is checked with the team), in the same manner as {@link Validator}: every problem added with its path, values
 * never quoted.
 */
final class FollowThroughValidator {
    private final Problems problems;
    private final TeamConfig team;

    FollowThroughValidator(Problems problems, TeamConfig team) {
        this.problems = problems;
        this.team = team;
    }

    void check(EarshotConfig config) {
        businessHours(config.businessHours());
        sla(config.sla());
        nudges(config.nudges());
        oncall(config.oncall());
        if (config.continuity().sameOwnerWithin().isNegative()) {
            problems.add("continuity.sameOwnerWithin", "must not be negative");
        }
    }

    private void businessHours(BusinessHoursConfig hours) {
        if (hours.days().isEmpty()) {
            problems.add("businessHours.days", "name at least one working day (" + Schedules.DAY_WORDS + ")");
        }
        for (int i = 0; i < hours.days().size(); i++) {
            if (Schedules.day(hours.days().get(i)).isEmpty()) {
                problems.add(Problems.at("businessHours.days", i), "must be a day: " + Schedules.DAY_WORDS);
            }
        }
        Optional<LocalTime> open = Schedules.time(hours.open(), false);
        Optional<LocalTime> close = Schedules.time(hours.close(), true);
        if (open.isEmpty()) {
            problems.add("businessHours.open", "must be a time like 09:00");
        }
        if (close.isEmpty()) {
            problems.add("businessHours.close", "must be a time like 17:00 (24:00 for the end of the day)");
        }
        if (open.isPresent() && close.isPresent() && !close.get().equals(LocalTime.MIDNIGHT)
                && !close.get().isAfter(open.get())) {
            problems.add("businessHours.close", "must be after businessHours.open");
        }
        for (int i = 0; i < hours.holidays().size(); i++) {
            if (Schedules.date(hours.holidays().get(i)).isEmpty()) {
                problems.add(Problems.at("businessHours.holidays", i), "must be a date like 2026-12-25");
            }
        }
    }

    private void sla(SlaConfig sla) {
        positive("sla.firstResponse", sla.firstResponse());
        positive("sla.firstResponseAfterHours", sla.firstResponseAfterHours());
    }

    private void nudges(NudgesConfig nudges) {
        Map<Integer, String> percents = new HashMap<>();
        List<NudgesConfig.Step> steps = nudges.steps();
        for (int i = 0; i < steps.size(); i++) {
            String path = Problems.at("nudges.steps", i);
            NudgesConfig.Step step = steps.get(i);
            if (step.percent() == null) {
                problems.add(Problems.at(path, "percent"), "must be set, like 50 for half the first-response time");
            } else if (step.percent() < 1 || step.percent() > 10_000) {
                problems.add(Problems.at(path, "percent"), "must be from 1 to 10000");
            } else {
                String first = percents.putIfAbsent(step.percent(), Problems.at(path, "percent"));
                if (first != null) {
                    problems.add(Problems.at(path, "percent"), "already used by " + first);
                }
            }
            if (step.action() == null) {
                problems.add(Problems.at(path, "action"), "must be set: thread, oncall or manager");
            }
        }
        notNegative("nudges.claimedIdle", nudges.claimedIdle());
        notNegative("nudges.offerBack", nudges.offerBack());
        if (!nudges.claimedIdle().isZero() && !nudges.offerBack().isZero()
                && nudges.offerBack().compareTo(nudges.claimedIdle()) <= 0) {
            problems.add("nudges.offerBack", "must be longer than nudges.claimedIdle (or 0s for never)");
        }
    }

    private void oncall(OnCallConfig oncall) {
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < oncall.rotation().size(); i++) {
            String path = Problems.at("oncall.rotation", i);
            String name = oncall.rotation().get(i);
            if (member(path, name)) {
                String first = seen.putIfAbsent(name.toLowerCase(Locale.ROOT), path);
                if (first != null) {
                    problems.add(path, "already used by " + first);
                }
            }
        }
        if (Schedules.weekly(oncall.handover()).isEmpty()) {
            problems.add("oncall.handover", "must be a day and a time like mon 09:00");
        }
        if (oncall.firstWeek() != null && Schedules.date(oncall.firstWeek()).isEmpty()) {
            problems.add("oncall.firstWeek", "must be a date like 2026-01-05");
        }
    }

    /** True when {@code name} is a member of the team; a problem at {@code path} when not. */
    private boolean member(String path, String name) {
        if (name == null || name.isBlank()) {
            problems.add(path, "must be set");
            return false;
        }
        String bare = name.strip().replaceFirst("^@", "");
        boolean known = team.members().stream()
                .anyMatch(m -> m.name() != null && m.name().strip().replaceFirst("^@", "").equalsIgnoreCase(bare));
        if (!known) {
            problems.add(path, "must be one of team.members");
        }
        return known;
    }

    private void positive(String path, Duration d) {
        if (d.isZero() || d.isNegative()) {
            problems.add(path, "must be longer than 0s");
        }
    }

    private void notNegative(String path, Duration d) {
        if (d.isNegative()) {
            problems.add(path, "must not be negative");
        }
    }
}
