package dev.earshot.core;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is on call, week by week: the members take turns in order, handing over each week on
 * {@code handoverDay} at {@code handoverTime} in the team's zone (a wall-clock time, so the
 * hand-over stays at 09:00 across daylight-saving changes). {@code firstWeek} is a date in the
 * week the first member's first turn began; the turns count from its hand-over.
 */
public record OnCallRotation(List<String> members, DayOfWeek handoverDay, LocalTime handoverTime, ZoneId zone,
                             LocalDate firstWeek) {

    /** Turns count from the first hand-over on or after this date unless the team says otherwise. */
    public static final LocalDate DEFAULT_FIRST_WEEK = LocalDate.of(2024, 1, 1);

    public OnCallRotation {
        members = members == null ? List.of() : List.copyOf(members);
        Objects.requireNonNull(handoverDay, "handoverDay");
        Objects.requireNonNull(handoverTime, "handoverTime");
        Objects.requireNonNull(zone, "zone");
        firstWeek = firstWeek == null ? DEFAULT_FIRST_WEEK : firstWeek;
    }

    public static OnCallRotation none(ZoneId zone) {
        return new OnCallRotation(List.of(), DayOfWeek.MONDAY, LocalTime.of(9, 0), zone, null);
    }

    public boolean isEmpty() {
        return members.isEmpty();
    }

    /** Whose turn it is at {@code at}, from which hand-over until which; empty without members. */
    public Optional<OnCallShift> at(Instant at) {
        if (members.isEmpty()) {
            return Optional.empty();
        }
        LocalDate day = at.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(handoverDay));
        if (handover(day).isAfter(at)) {
            day = day.minusWeeks(1);
        }
        LocalDate first = firstWeek.with(TemporalAdjusters.previousOrSame(handoverDay));
        long turn = ChronoUnit.WEEKS.between(first, day);
        String member = members.get((int) Math.floorMod(turn, (long) members.size()));
        return Optional.of(new OnCallShift(member, handover(day), handover(day.plusWeeks(1)), null));
    }

    /** Who is on call at {@code at}: a hand-set shift while it lasts, else the rotation's turn. */
    public Optional<OnCallShift> onCall(Optional<OnCallShift> override, Instant at) {
        return override.filter(o -> o.covers(at)).or(() -> at(at));
    }

    /**
     * {@code member} put on call by {@code by} from {@code now}: for {@code span} when given, else until
     * the rotation's next hand-over, else (no rotation) until someone else is put on call.
     */
    public OnCallShift override(String member, String by, Instant now, Duration span) {
        Instant until = span != null ? now.plus(span) : members.isEmpty() ? null : nextHandover(now);
        return new OnCallShift(member, now, until, by);
    }

    /** The next hand-over after {@code at}. */
    public Instant nextHandover(Instant at) {
        LocalDate day = at.atZone(zone).toLocalDate().with(TemporalAdjusters.nextOrSame(handoverDay));
        return handover(day).isAfter(at) ? handover(day) : handover(day.plusWeeks(1));
    }

    private Instant handover(LocalDate day) {
        return day.atTime(handoverTime).atZone(zone).toInstant();
    }
}
