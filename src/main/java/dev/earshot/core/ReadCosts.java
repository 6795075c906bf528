package dev.earshot.core;

import java.util.Objects;

/** A paid source's prices per read, and its monthly budget, or null for none. */
public record ReadCosts(ReadPrices prices, ReadBudget budget) {
    public ReadCosts {
        Objects.requireNonNull(prices, "prices");
    }
}
