package dev.earshot.app;

import dev.earshot.core.Dialogue;
import java.util.Optional;

/**
 * The dialogue figures as plain text, one aligned line per platform, for the weekly digest and
 * {@code /earshot stats}: the brand's posts, how many were replies to customers (and that share
 * against the periods before), and the conversations answered (likewise).
 */
final class DialogueText {
    private DialogueText() {
    }

    /** {@code unit}: what one period is called in the comparison ("week", "period"). */
    static String of(Dialogue d, String unit) {
        StringBuilder out = new StringBuilder("Dialogue, not broadcast (the brand's own posts; against the "
                + d.periodsBefore() + " " + unit + "s before):");
        if (d.platforms().isEmpty()) {
            return out.append("\n  no posts by the brand and no conversations seen.").toString();
        }
        for (Dialogue.Row r : d.platforms()) {
            Dialogue.Counts now = r.now();
            out.append(String.format("%n  %-9s %4d posts: %d replies to customers, %d broadcasts · replies %s",
                    r.platform().displayName(), now.replies() + now.broadcasts(), now.replies(), now.broadcasts(),
                    compared(r.replySharePercent(), r.replyShareBeforePercent())));
            out.append(String.format(" · answered %d of %d conversations, %s",
                    now.answered(), now.conversations(), compared(r.answeredPercent(), r.answeredBeforePercent())));
            r.postsBeforePerPeriod(d.periodsBefore()).ifPresent(avg -> out.append(" · ").append(avg)
                    .append(" posts a ").append(unit).append(" before"));
        }
        return out.toString();
    }

    /** {@code 75% (▲ from 60%)}, {@code 75%}, {@code –}. */
    private static String compared(Optional<Integer> now, Optional<Integer> before) {
        if (now.isEmpty()) {
            return "–";
        }
        if (before.isEmpty()) {
            return now.get() + "%";
        }
        int change = now.get() - before.get();
        String arrow = change > 0 ? "▲" : change < 0 ? "▼" : "=";
        return now.get() + "% (" + arrow + " from " + before.get() + "%)";
    }
}
