package dev.earshot.core;

/** How soon a conversation deserves attention, 0 to 100; higher first. */
public record Priority(int score) implements Comparable<Priority> {
    public Priority {
        score = Math.max(0, Math.min(100, score));
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
}
