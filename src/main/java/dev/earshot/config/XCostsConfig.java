package dev.earshot.config;

import dev.earshot.core.ReadPrices;
import java.math.BigDecimal;

/**
 * What X charges for reads, per unit, for the digest's estimate and the monthly budget. Defaults:
 * X's pay-per-use prices in USD ($0.005 per post read, $0.010 per user read, $0.010 per DM event).
 *
 * @param currency an ISO 4217 code, three capital letters
 */
public record XCostsConfig(String currency, BigDecimal postRead, BigDecimal userRead, BigDecimal dmEventRead) {
    public XCostsConfig {
        currency = currency == null ? ReadPrices.X.currency() : currency.strip();
        postRead = postRead == null ? ReadPrices.X.postRead() : postRead;
        userRead = userRead == null ? ReadPrices.X.userRead() : userRead;
        dmEventRead = dmEventRead == null ? ReadPrices.X.dmEventRead() : dmEventRead;
    }

    public static XCostsConfig defaults() {
        return new XCostsConfig(null, null, null, null);
    }

    public ReadPrices toPrices() {
        return new ReadPrices(currency, postRead, userRead, dmEventRead);
    }
}
