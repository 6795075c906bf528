package dev.earshot.app;

import dev.earshot.core.Priority;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Why a conversation ranks as it does, in the team's words, from the parts the score was summed
 * from (never scored again): one short line for the card ({@code 412k followers +40 · 'refund' +20
 * · negative tone +15}) and the full breakdown for {@code show}. A part's detail may be the
 * customer's (a VIP's handle): the chat adapters escape these lines like the customer's text.
 */
public final class PriorityWords {
    private PriorityWords() {
    }

    /** The card's line; empty when the parts were not kept (a conversation older than this feature). */
    public static String line(Priority p) {
        return p.parts().stream().map(part -> part(part) + " +" + part.points()).collect(Collectors.joining(" · "));
    }

    /** Every part on its own line with what it means, then the sum. */
    static String breakdown(Priority p) {
        if (p.parts().isEmpty()) {
            return "  priority " + p.label() + " " + p.score() + " (scored before Earshot kept its parts)";
        }
        StringBuilder out = new StringBuilder();
        for (Priority.Part part : p.parts()) {
            out.append(String.format(Locale.ROOT, "\n  %+4d  %s: %s", part.points(), part(part), meaning(part)));
        }
        out.append(String.format(Locale.ROOT, "\n  = %d, %s", p.score(), p.label()));
        if (p.uncapped() > p.score()) {
            out.append(" (the parts add up to ").append(p.uncapped()).append("; 100 is the most)");
        }
        return out.substring(1);
    }

    private static String part(Priority.Part part) {
        return switch (part.factor()) {
            case KIND -> kind(part.detail());
            case FOLLOWERS -> followers(number(part.detail())) + " followers";
            case VIP -> "VIP " + part.detail();
            case URGENT_WORD -> "'" + part.detail() + "'";
            case SHOUTING -> "shouting";
            case TONE -> "negative tone";
        };
    }

    private static String meaning(Priority.Part part) {
        return switch (part.factor()) {
            case KIND -> "the kind of message (DM 25, mention or reply 15, quote 10, keyword match 5)";
            case FOLLOWERS -> "8 points per tenfold followers, at most 40";
            case VIP -> "on the VIP list (priority.vips)";
            case URGENT_WORD -> "an urgent word (priority.urgentWords)";
            case SHOUTING -> "\"!!\" or mostly capital letters";
            case TONE -> "how negative the words read, at most 20";
        };
    }

    private static String kind(String kind) {
        return switch (kind) {
            case "dm" -> "DM";
            case "keyword" -> "keyword match";
            default -> kind;
        };
    }

    /** {@code 412k}, {@code 1.2M}, {@code 950}. */
    static String followers(long n) {
        if (n >= 1_000_000) {
            return String.format(Locale.ROOT, "%.1fM", n / 1_000_000.0);
        }
        if (n >= 10_000) {
            return n / 1_000 + "k";
        }
        return n >= 1_000 ? String.format(Locale.ROOT, "%.1fk", n / 1_000.0) : Long.toString(n);
    }

    private static long number(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
