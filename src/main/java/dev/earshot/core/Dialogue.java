package dev.earshot.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How much of a brand's presence on each platform is conversation rather than broadcast (the
 * "influence index" of social-care practice): its posts split into replies to customers and
 * broadcasts, and the share of customer conversations answered, with the same figures for an
 * earlier stretch to compare with.
 *
 * @param platforms one row per platform that had posts or conversations, in platform order
 * @param periodsBefore how many periods as long as this one the earlier counts cover (4 weeks
 *     before a week); 0 when not compared
 */
public record Dialogue(List<Row> platforms, int periodsBefore) {

    /** What the store counts for one platform over a period. */
    public record Counts(Platform platform, int replies, int broadcasts, int conversations, int answered) {
        Counts plus(Counts o) {
            return new Counts(platform, replies + o.replies, broadcasts + o.broadcasts,
                    conversations + o.conversations, answered + o.answered);
        }
    }

    /**
     * One platform: this period's counts and the sums of the stretch before (null when there were none).
     */
    public record Row(Counts now, Counts before) {
        public Platform platform() {
            return now.platform();
        }

        /** Replies among the brand's posts, 0 to 100; empty when it posted nothing. */
        public Optional<Integer> replySharePercent() {
            return share(now.replies(), now.replies() + now.broadcasts());
        }

        public Optional<Integer> answeredPercent() {
            return share(now.answered(), now.conversations());
        }

        /** The reply share before, to compare: empty when there was nothing then. */
        public Optional<Integer> replyShareBeforePercent() {
            return before == null ? Optional.empty() : share(before.replies(), before.replies() + before.broadcasts());
        }

        /** The brand's posts per period before, on average; empty when not compared. */
        public Optional<Integer> postsBeforePerPeriod(int periods) {
            return before == null || periods <= 0 ? Optional.empty()
                    : Optional.of(Math.round((float) (before.replies() + before.broadcasts()) / periods));
        }

        public Optional<Integer> answeredBeforePercent() {
            return before == null ? Optional.empty() : share(before.answered(), before.conversations());
        }
    }

    /** The figures of a period, each platform compared with {@code before}, which covers {@code periodsBefore} periods. */
    public static Dialogue of(List<Counts> now, List<Counts> before, int periodsBefore) {
        Map<Platform, Counts> current = sum(now);
        Map<Platform, Counts> earlier = sum(before);
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<Platform, Counts> e : current.entrySet()) {
            rows.add(new Row(e.getValue(), earlier.get(e.getKey())));
        }
        for (Map.Entry<Platform, Counts> e : earlier.entrySet()) {
            if (!current.containsKey(e.getKey())) {
                rows.add(new Row(new Counts(e.getKey(), 0, 0, 0, 0), e.getValue()));
            }
        }
        rows.sort(Comparator.comparing(Row::platform));
        return new Dialogue(List.copyOf(rows), periodsBefore);
    }

    private static Map<Platform, Counts> sum(List<Counts> counts) {
        Map<Platform, Counts> by = new TreeMap<>();
        for (Counts c : counts) {
            by.merge(c.platform(), c, Counts::plus);
        }
        return by;
    }

    static Optional<Integer> share(int part, int whole) {
        return whole == 0 ? Optional.empty() : Optional.of(Math.round(100f * part / whole));
    }
}
