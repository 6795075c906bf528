package dev.earshot.config;

import dev.earshot.core.Platform;
import dev.earshot.core.ReadBudget;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * An X account, with OAuth 1.0a user-context keys (the app's key pair and the account's token
 * pair).
 *
 * @param baseUrl another API base, for a local fake
 * @param pageSize posts asked for per request ({@code max_results}); X allows 5 to 100
 * @param keywords searched for with {@code /2/tweets/search/recent}, which X bills per post read;
 *     empty (the default): no search
 * @param directMessages read and answer direct messages too (DM permission; billed per event); default false
 * @param costs X's prices per read, for the digest's estimate and the budget; default X's pay-per-use prices
 * @param monthlyBudget in {@code costs.currency}; once the month's estimate reaches it (less
 *     {@code mentionsReserve}), keyword searches, direct messages and backfill stop until the next
 *     month and the team is told once; mentions keep coming. None by default
 * @param mentionsReserve the part of {@code monthlyBudget} only mentions may use; default 0
 */
public record XSourceConfig(String name, Secret apiKey, Secret apiSecret, Secret accessToken,
        Secret accessTokenSecret, URI baseUrl, Duration pollEvery, Duration backfill,
        Integer backfillMax, Integer pageSize, List<String> keywords, Boolean directMessages,
        XCostsConfig costs, BigDecimal monthlyBudget, BigDecimal mentionsReserve) implements SourceConfig {
    /** X refuses a search query longer than this (pay-per-use and Basic access). */
    public static final int MAX_QUERY = 512;
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.x.com");
    public static final int DEFAULT_PAGE_SIZE = 100;
    /** What X accepts as {@code max_results} on the timelines Earshot reads. */
    public static final int MIN_PAGE_SIZE = 5;
    public static final int MAX_PAGE_SIZE = 100;

    public XSourceConfig {
        baseUrl = baseUrl == null ? DEFAULT_BASE_URL : baseUrl;
        pollEvery = pollEvery == null ? Duration.ofSeconds(60) : pollEvery;
        backfill = backfill == null ? DEFAULT_BACKFILL : backfill;
        backfillMax = backfillMax == null ? DEFAULT_BACKFILL_MAX : backfillMax;
        pageSize = pageSize == null ? DEFAULT_PAGE_SIZE : pageSize;
        keywords = SourceConfig.keywords(keywords);
        directMessages = directMessages != null && directMessages;
        costs = costs == null ? XCostsConfig.defaults() : costs;
    }

    public XSourceConfig(String name, Secret apiKey, Secret apiSecret, Secret accessToken, Secret accessTokenSecret,
            URI baseUrl, Duration pollEvery, Duration backfill, Integer backfillMax, Integer pageSize,
            List<String> keywords, Boolean directMessages) {
        this(name, apiKey, apiSecret, accessToken, accessTokenSecret, baseUrl, pollEvery, backfill, backfillMax,
                pageSize, keywords, directMessages, null, null, null);
    }

    /** The monthly budget for paid reads, when one is set. Call only on a validated config. */
    public Optional<ReadBudget> budget() {
        return monthlyBudget == null ? Optional.empty() : Optional.of(new ReadBudget(monthlyBudget, mentionsReserve));
    }

    public XSourceConfig(String name, Secret apiKey, Secret apiSecret, Secret accessToken, Secret accessTokenSecret,
            URI baseUrl, Duration pollEvery, Duration backfill, Integer backfillMax, Integer pageSize,
            List<String> keywords) {
        this(name, apiKey, apiSecret, accessToken, accessTokenSecret, baseUrl, pollEvery, backfill, backfillMax,
                pageSize, keywords, false);
    }

    public XSourceConfig(String name, Secret apiKey, Secret apiSecret, Secret accessToken, Secret accessTokenSecret,
            URI baseUrl, Duration pollEvery, Duration backfill, Integer backfillMax, Integer pageSize) {
        this(name, apiKey, apiSecret, accessToken, accessTokenSecret, baseUrl, pollEvery, backfill, backfillMax,
                pageSize, List.of());
    }

    @Override
    public Platform platform() {
        return Platform.X;
    }
}
