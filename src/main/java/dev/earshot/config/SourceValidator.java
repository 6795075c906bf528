package dev.earshot.config;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The rules for one entry of {@code sources}, in the manner of {@link Validator}. */
final class SourceValidator {
    private final Problems problems;

    SourceValidator(Problems problems) {
        this.problems = problems;
    }

    /** Checks one source; {@code names} spots a name already used by an earlier source. */
    void source(SourceConfig source, String path, Map<String, String> names) {
        if (Problems.blank(source.name())) {
            problems.add(Problems.at(path, "name"), "must be set");
        } else {
            problems.unique(names, source.name().strip().toLowerCase(Locale.ROOT), Problems.at(path, "name"));
        }
        if (source instanceof DemoSourceConfig demo) {
            problems.require(Problems.at(path, "account"), demo.account());
            polling(path, demo.pollEvery(), Duration.ZERO, 0);
        } else if (source instanceof MastodonSourceConfig mastodon) {
            problems.require(Problems.at(path, "instance"), mastodon.instance());
            if (mastodon.instance() != null) {
                Urls.check(problems, Problems.at(path, "instance"), mastodon.instance());
            }
            problems.require(Problems.at(path, "accessToken"), mastodon.accessToken());
            polling(path, mastodon.pollEvery(), mastodon.backfill(), mastodon.backfillMax());
            keywords(path, mastodon.keywords(), Integer.MAX_VALUE);
            for (int i = 0; i < mastodon.keywords().size(); i++) {
                String k = mastodon.keywords().get(i);
                if (k.startsWith("#") && !k.substring(1).matches("[\\p{L}\\p{N}_]+")) {
                    problems.add(Problems.at(Problems.at(path, "keywords"), i),
                            "a hashtag is # and letters, digits or _ only, without spaces");
                }
            }
        } else if (source instanceof BlueskySourceConfig bluesky) {
            problems.require(Problems.at(path, "handle"), bluesky.handle());
            problems.require(Problems.at(path, "appPassword"), bluesky.appPassword());
            Urls.check(problems, Problems.at(path, "service"), bluesky.service());
            polling(path, bluesky.pollEvery(), bluesky.backfill(), bluesky.backfillMax());
            keywords(path, bluesky.keywords(), Integer.MAX_VALUE);
        } else if (source instanceof XSourceConfig x) {
            problems.require(Problems.at(path, "apiKey"), x.apiKey());
            problems.require(Problems.at(path, "apiSecret"), x.apiSecret());
            problems.require(Problems.at(path, "accessToken"), x.accessToken());
            problems.require(Problems.at(path, "accessTokenSecret"), x.accessTokenSecret());
            Urls.check(problems, Problems.at(path, "baseUrl"), x.baseUrl());
            polling(path, x.pollEvery(), x.backfill(), x.backfillMax());
            // Earshot adds " -from:<brand> -is:retweet" (a username has at most 15 characters) and may quote a phrase.
            keywords(path, x.keywords(), XSourceConfig.MAX_QUERY - " -from: -is:retweet".length() - 15 - 2);
            if (x.pageSize() < XSourceConfig.MIN_PAGE_SIZE || x.pageSize() > XSourceConfig.MAX_PAGE_SIZE) {
                problems.add(Problems.at(path, "pageSize"), "must be from " + XSourceConfig.MIN_PAGE_SIZE + " to "
                        + XSourceConfig.MAX_PAGE_SIZE + " (what X accepts per request)");
            }
            new CareValidator(problems).xCosts(path, x);
        } else if (source instanceof RedditSourceConfig reddit) {
            reddit(path, reddit);
        } else if (source instanceof FeedSourceConfig feed) {
            feed(path, feed);
        }
    }

    private void reddit(String path, RedditSourceConfig reddit) {
        problems.require(Problems.at(path, "clientId"), reddit.clientId());
        problems.require(Problems.at(path, "clientSecret"), reddit.clientSecret());
        problems.require(Problems.at(path, "password"), reddit.password());
        if (Problems.blank(reddit.username())) {
            problems.add(Problems.at(path, "username"), "must be set");
        } else if (!reddit.username().matches("[\\w-]{3,20}")) {
            problems.add(Problems.at(path, "username"), "must be a Reddit username: 3 to 20 letters, digits, _ or -");
        }
        Urls.check(problems, Problems.at(path, "authUrl"), reddit.authUrl());
        Urls.check(problems, Problems.at(path, "apiUrl"), reddit.apiUrl());
        polling(path, reddit.pollEvery(), reddit.backfill(), reddit.backfillMax());
        keywords(path, reddit.keywords(), 512);
        for (int i = 0; i < reddit.subreddits().size(); i++) {
            if (!reddit.subreddits().get(i).matches("\\w{2,21}")) {
                problems.add(Problems.at(Problems.at(path, "subreddits"), i),
                        "must be a subreddit name: 2 to 21 letters, digits or _ (without r/)");
            }
        }
        if (!reddit.keywords().isEmpty() && reddit.subreddits().isEmpty()) {
            problems.add(Problems.at(path, "subreddits"), "must name where the keywords are searched");
        }
    }

    private void feed(String path, FeedSourceConfig feed) {
        problems.require(Problems.at(path, "url"), feed.url());
        if (feed.url() != null) {
            Urls.check(problems, Problems.at(path, "url"), feed.url());
        }
        polling(path, feed.pollEvery(), feed.backfill(), feed.backfillMax());
        for (int i = 0; i < feed.ownAuthors().size(); i++) {
            if (feed.ownAuthors().get(i).isEmpty()) {
                problems.add(Problems.at(Problems.at(path, "ownAuthors"), i), "must not be empty");
            }
        }
    }

    /** Keywords to search for: none empty, none twice, each at most {@code maxLength} characters. */
    private void keywords(String path, List<String> keywords, int maxLength) {
        Map<String, String> seen = new HashMap<>();
        String at = Problems.at(path, "keywords");
        if (keywords.size() > MAX_KEYWORDS) {
            problems.add(at, "at most " + MAX_KEYWORDS + " keywords per source (each is one more request per poll)");
        }
        for (int i = 0; i < keywords.size(); i++) {
            String k = keywords.get(i);
            if (k.isEmpty() || k.equals("#")) {
                problems.add(Problems.at(at, i), "must not be empty");
            } else if (k.length() > maxLength) {
                problems.add(Problems.at(at, i), "must be at most " + maxLength + " characters");
            } else {
                problems.unique(seen, k.toLowerCase(Locale.ROOT), Problems.at(at, i));
            }
        }
    }

    /** Each keyword costs one search request per poll. */
    static final int MAX_KEYWORDS = 10;

    private void polling(String path, Duration pollEvery, Duration backfill, int backfillMax) {
        if (pollEvery.compareTo(Duration.ofSeconds(1)) < 0) {
            problems.add(Problems.at(path, "pollEvery"), "must be at least 1s");
        }
        if (backfill.isNegative()) {
            problems.add(Problems.at(path, "backfill"), "must not be negative");
        }
        if (backfillMax < 0) {
            problems.add(Problems.at(path, "backfillMax"), "must be 0 or more");
        }
    }
}
