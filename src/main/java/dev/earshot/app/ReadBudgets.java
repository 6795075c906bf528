package dev.earshot.app;

import dev.earshot.core.BillableReads;
import dev.earshot.core.Effect;
import dev.earshot.core.ReadCosts;
import dev.earshot.core.Target;
import dev.earshot.port.SocialSource;
import dev.earshot.port.Store;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What paid reads cost, kept per source and UTC day (X bills by UTC day), and each source's monthly
 * budget: once the month's estimate reaches it, the source is told to stop the reads that can wait
 * ({@link SocialSource#allowOptionalReads}) and the team is told once that month.
 */
public final class ReadBudgets {
    private static final Logger log = LoggerFactory.getLogger(ReadBudgets.class);

    private final Store store;
    private final Map<String, ReadCosts> costs;
    private final String channel;
    private final Clock clock;

    ReadBudgets(Store store, Map<String, ReadCosts> costs, String channel, Clock clock) {
        this.store = store;
        this.costs = costs;
        this.channel = channel;
        this.clock = clock;
    }

    /** The UTC day of {@code at}: the day reads are counted on. */
    static LocalDate day(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** In the ingest's transaction: adds what {@code source} read since the last time. */
    void record(Store.Tx tx, String source, BillableReads reads, Instant now) {
        if (!reads.isNone()) {
            tx.care().addReads(source, day(now), reads);
        }
    }

    /** The month's estimate so far for {@code source}, in its prices' currency (zero for a free source). */
    BigDecimal monthToDate(Store.Tx tx, String source, Instant now) {
        ReadCosts c = costs.get(source);
        if (c == null) {
            return BigDecimal.ZERO;
        }
        LocalDate today = day(now);
        BillableReads reads = tx.care().reads(today.withDayOfMonth(1), today).getOrDefault(source, BillableReads.NONE);
        return c.prices().cost(reads);
    }

    /**
     * Tells {@code source} whether optional reads may go on, from this month's estimate; the first
     * time in a month that they stop, the team is told. Called before the first poll and after each.
     */
    public void apply(SocialSource source) {
        ReadCosts c = costs.get(source.name());
        if (c == null || c.budget() == null) {
            return;
        }
        try {
            enforce(source, c);
        } catch (RuntimeException e) {
            log.warn("{}: the budget check failed; trying again after the next poll", source.name(), e);
        }
    }

    private void enforce(SocialSource source, ReadCosts c) {
        Instant now = clock.instant();
        BigDecimal spent = store.read(tx -> monthToDate(tx, source.name(), now));
        boolean allowed = c.budget().allowsOptional(spent);
        source.allowOptionalReads(allowed);
        if (allowed || channel == null) {
            return;
        }
        String month = day(now).toString().substring(0, 7);
        boolean told = store.write(tx -> {
            if (!tx.claimRun("read-budget:" + source.name(), month, now)) {
                return false;
            }
            tx.enqueue(new Effect.ChannelPost(0, CareWords.budgetReached(source.platform().displayName(),
                    source.name(), c.prices().format(spent), c.prices().format(c.budget().monthly())), List.of()),
                    Target.chat(channel), now);
            return true;
        });
        if (told) {
            log.warn("{}: the monthly budget is reached ({}); keyword searches, direct messages and backfill stop"
                    + " until next month, mentions go on", source.name(), c.prices().format(spent));
        }
    }
}
