package dev.earshot.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * What one read costs on a platform, in one currency: the figures behind the digest's estimate and
 * a source's monthly budget. An estimate, not the bill: X charges a resource read twice in one UTC
 * day once, so the bill may come out lower.
 *
 * @param currency an ISO 4217 code ({@code USD}), as shown next to amounts
 */
public record ReadPrices(String currency, BigDecimal postRead, BigDecimal userRead, BigDecimal dmEventRead) {
    /** X's pay-per-use prices (docs.x.com, pricing, 2026): $0.005 a post, $0.010 a user, $0.010 a DM event. */
    public static final ReadPrices X = new ReadPrices("USD", new BigDecimal("0.005"), new BigDecimal("0.010"),
            new BigDecimal("0.010"));

    public ReadPrices {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(postRead, "postRead");
        Objects.requireNonNull(userRead, "userRead");
        Objects.requireNonNull(dmEventRead, "dmEventRead");
    }

    public BigDecimal cost(BillableReads reads) {
        return postRead.multiply(BigDecimal.valueOf(reads.posts()))
                .add(userRead.multiply(BigDecimal.valueOf(reads.users())))
                .add(dmEventRead.multiply(BigDecimal.valueOf(reads.dmEvents())));
    }

    /** {@code 12.35 USD}: an amount rounded to cents, with the currency. */
    public String format(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString() + " " + currency;
    }
}
