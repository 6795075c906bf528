package dev.earshot.app;

import dev.earshot.core.BillableReads;
import dev.earshot.port.Store;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the digest and {@code /earshot stats} add about social care: how many after-hours
 * acknowledgements went out in the period (they are not first responses, so the response figures
 * leave them out), and what paid reads cost: yesterday and month to date (UTC days, as X bills),
 * with an estimate from the configured prices and the budget beside it.
 */
public final class CareReport {
    private final Store store;
    private final CareSettings settings;
    private final Clock clock;

    CareReport(Store store, CareSettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    /** The lines for the period [from, to), each block after a blank line; empty when there is nothing to say. */
    public String lines(Instant from, Instant to) {
        Instant now = clock.instant();
        LocalDate today = ReadBudgets.day(now);
        return store.read(tx -> {
            StringBuilder out = new StringBuilder();
            int acks = tx.care().countActions(CareHistory.ACKNOWLEDGED, from, to);
            if (settings.afterHours().enabled() || acks > 0) {
                out.append("\n\nAfter-hours acknowledgements sent: ").append(acks)
                        .append(" (not counted as first responses; the SLA clock kept running)");
            }
            if (settings.costs().isEmpty()) {
                return out.toString();
            }
            Map<String, BillableReads> yesterday = tx.care().reads(today.minusDays(1), today.minusDays(1));
            Map<String, BillableReads> month = tx.care().reads(today.withDayOfMonth(1), today);
            out.append("\n\nPaid reads (an estimate from the configured prices; UTC days)");
            new TreeMap<>(settings.costs()).forEach((source, costs) -> {
                BillableReads y = yesterday.getOrDefault(source, BillableReads.NONE);
                BillableReads m = month.getOrDefault(source, BillableReads.NONE);
                out.append("\n  ").append(source).append(" yesterday: ").append(reads(y)).append(" ≈ ")
                        .append(costs.prices().format(costs.prices().cost(y)));
                out.append("\n  ").append(source).append(" month to date: ").append(reads(m)).append(" ≈ ")
                        .append(costs.prices().format(costs.prices().cost(m)));
                if (costs.budget() != null) {
                    out.append(" of ").append(costs.prices().format(costs.budget().monthly())).append(" budget");
                    if (!costs.budget().allowsOptional(costs.prices().cost(m))) {
                        out.append(" (reached: keywords, DMs and backfill paused)");
                    }
                }
            });
            return out.toString();
        });
    }

    private static String reads(BillableReads r) {
        return r.posts() + " posts · " + r.users() + " users · " + r.dmEvents() + " DM events";
    }
}
