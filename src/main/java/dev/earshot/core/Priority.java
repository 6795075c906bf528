package dev.earshot.core;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * How soon a conversation deserves attention, 0 to 100; higher first, with the parts that made it
 * (so the card can say why, from the same arithmetic). A priority stored before its parts were
 * kept has none.
 */
public record Priority(int score, List<Part> parts) implements Comparable<Priority> {
    public Priority {
        score = Math.max(0, Math.min(100, score));
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    /** A score whose parts are not known. */
    public Priority(int score) {
        this(score, List.of());
    }

    /** The sum of the parts (capped 0 to 100), with the parts, largest first; parts worth 0 are left out. */
    public static Priority of(List<Part> parts) {
        List<Part> kept = parts.stream().filter(p -> p.points() != 0)
                .sorted(Comparator.comparingInt(Part::points).reversed()).toList();
        return new Priority(kept.stream().mapToInt(Part::points).sum(), kept);
    }

    /** The sum of the parts before the cap: more than {@link #score} when the cap cut it. */
    public int uncapped() {
        return parts.stream().mapToInt(Part::points).sum();
    }

    public Label label() {
        if (score >= 70) {
            return Label.URGENT;
        }
        if (score >= 45) {
            return Label.HIGH;
        }
        return score >= 20 ? Label.NORMAL : Label.LOW;
    }

    @Override
    public int compareTo(Priority other) {
        return Integer.compare(score, other.score);
    }

    public enum Label { LOW, NORMAL, HIGH, URGENT }

    /** What a part of the score rests on. */
    public enum Factor { KIND, FOLLOWERS, URGENT_WORD, SHOUTING, TONE, VIP }

    /**
     * One reason for the score.
     *
     * @param detail what the part is about, as text: the kind ({@code dm}), the follower count, the
     *     urgent word found, the VIP's note or handle; may be the customer's (a handle): escape it
     */
    public record Part(Factor factor, int points, String detail) {
        public Part {
            Objects.requireNonNull(factor, "factor");
            detail = detail == null ? "" : detail;
        }
    }
}
