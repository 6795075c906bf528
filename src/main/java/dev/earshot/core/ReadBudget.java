package dev.earshot.core;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A source's monthly budget for paid reads. Optional reads (keyword searches, direct messages, the
 * first start's backfill) stop once the month's estimate reaches the budget less the part kept
 * for mentions; mentions are never stopped for money, since silence is the worse cost.
 *
 * @param monthly in the prices' currency; reached means spent ≥ monthly − mentionsReserve
 * @param mentionsReserve the part of the budget that only mentions may use (0 by default)
 */
public record ReadBudget(BigDecimal monthly, BigDecimal mentionsReserve) {
    public ReadBudget {
        Objects.requireNonNull(monthly, "monthly");
        mentionsReserve = mentionsReserve == null ? BigDecimal.ZERO : mentionsReserve;
        if (monthly.signum() < 0 || mentionsReserve.signum() < 0 || mentionsReserve.compareTo(monthly) > 0) {
            throw new IllegalArgumentException("a budget is not negative and its mentions reserve fits in it");
        }
    }

    /** Where optional reads stop. */
    public BigDecimal optionalLimit() {
        return monthly.subtract(mentionsReserve);
    }

    /** Whether optional reads may go on after {@code spent} this month. */
    public boolean allowsOptional(BigDecimal spent) {
        return spent.compareTo(optionalLimit()) < 0;
    }
}
