package dev.earshot.source.x;

import dev.earshot.core.Message;
import dev.earshot.core.MessageKind;
import dev.earshot.port.DeliveryException;
import dev.earshot.source.http.KeywordSearch;
import dev.earshot.source.x.XCursor.Bound;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured keywords on X ({@code /2/tweets/search/recent}). Apart from the timelines because
 * every post a search returns is billed, each keyword keeps its own position, and recent search
 * reaches back only seven days.
 */
final class XKeywords {
    private static final Logger log = LoggerFactory.getLogger(XKeywords.class);
    /** Recent search: 10 to 100 posts per request, from the last seven days. */
    static final int SEARCH_MIN_PAGE = 10;
    static final Duration SEARCH_REACH = Duration.ofDays(7).minusMinutes(1);

    private final String name;
    private final List<String> keywords;
    private final XCalls api;
    private final XTimelines timelines;
    private final Duration backfill;
    private final int backfillMax;

    XKeywords(String name, List<String> keywords, XCalls api, XTimelines timelines, Duration backfill,
            int backfillMax) {
        this.name = name;
        this.keywords = List.copyOf(keywords);
        this.api = api;
        this.timelines = timelines;
        this.backfill = backfill;
        this.backfillMax = backfillMax;
    }

    /**
     * Searches each keyword from its stored position and adds the matches not in {@code seen} (nor
     * by the brand, nor retweets) to {@code messages}. Returns each keyword's next position.
     */
    Map<String, String> read(KeywordSearch.Cursor positions, XPage.User me, Instant now, Set<String> seen,
            List<Message> messages) throws DeliveryException {
        Map<String, String> searched = new LinkedHashMap<>();
        for (String keyword : keywords) {
            Optional<Bound> was = positions.position(keyword).flatMap(XKeywords::bound);
            // A keyword searched for the first time reads the backfill window (recent search reaches back seven days).
            boolean skip = was.isEmpty() && (backfillMax == 0 || backfill.isZero());
            Instant window = now.minus(backfill.compareTo(SEARCH_REACH) > 0 ? SEARCH_REACH : backfill);
            Bound keywordFrom = was.orElse(Bound.since(skip ? now : window));
            XTimelines.Read found = skip ? XTimelines.Read.NOTHING
                    : search(keyword, me, keywordFrom, was.isEmpty() ? backfillMax : XSource.MENTIONS_CAP);
            for (XPage.Post p : found.posts()) {
                if (!p.retweet() && !me.id().equals(p.authorId()) && seen.add(p.id())) {
                    Message m = XMessages.toMessage(name, p, found.users().get(p.authorId()), me);
                    messages.add(new Message(m.platform(), m.account(), m.externalId(), m.author(), m.text(), m.url(),
                            m.createdAt(), MessageKind.KEYWORD, m.inReplyTo(), m.threadKey()));
                }
            }
            if (found.more()) {
                log.warn("{}: more posts matched {} than one poll reads ({}); the older ones are left", name, keyword,
                        found.posts().size());
            }
            searched.put(keyword, keywordFrom.past(found.newestId()).encode());
            if (!found.posts().isEmpty()) {
                log.info("{}: {} posts on X matched {} ({} requests, each post billed)", name, found.posts().size(),
                        keyword, found.requests());
            }
        }
        return searched;
    }

    private static Optional<Bound> bound(String text) {
        try {
            return Optional.of(Bound.decode(text));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * {@code /2/tweets/search/recent} for one keyword, without the brand's own posts and retweets,
     * newest first, following {@code next_token}. Every post returned is billed.
     */
    private XTimelines.Read search(String keyword, XPage.User me, Bound from, int limit) throws DeliveryException {
        Map<String, String> query = new HashMap<>(from.query());
        query.put("query", KeywordSearch.phrase(keyword) + " -from:" + me.id() + " -is:retweet");
        query.put("tweet.fields", XSource.TWEET_FIELDS);
        query.put("expansions", "author_id");
        query.put("user.fields", XSource.USER_FIELDS);
        return timelines.read(api::search, query, "next_token", SEARCH_MIN_PAGE, limit);
    }
}
