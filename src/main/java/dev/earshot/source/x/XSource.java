package dev.earshot.source.x;

import com.twitter.twittertext.TwitterTextParser;
import dev.earshot.config.XSourceConfig;
import dev.earshot.core.Author;
import dev.earshot.core.Message;
import dev.earshot.core.MessageKind;
import dev.earshot.core.Platform;
import dev.earshot.core.Spans;
import dev.earshot.port.DeliveryException;
import dev.earshot.port.SocialSource;
import dev.earshot.source.http.HttpLimits;
import dev.earshot.source.http.JsonHttp;
import dev.earshot.source.http.KeywordSearch;
import dev.earshot.source.http.Pager;
import dev.earshot.source.http.RateLimitHeaders;
import dev.earshot.source.text.LogSafe;
import dev.earshot.source.text.Clip;
import java.net.http.HttpClient;
import dev.earshot.source.x.XCursor.Bound;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One brand account on X, through API v2: the mentions timeline for customers' messages, the
 * brand's own timeline for answers given from the X app, {@code POST /2/tweets} for replies.
 *
 * <p>Each poll reads every page before it returns, so the cursor moves only once all of them are
 * stored. Configured keywords are searched with {@code /2/tweets/search/recent} (billed per post;
 * none unless configured) and become {@link MessageKind#KEYWORD} messages. Replies, and the look-up that settles one whose outcome is unknown, are {@link XReplies}'.
 */
public final class XSource implements SocialSource {
    private static final Logger log = LoggerFactory.getLogger(XSource.class);
    static final int MAX_REPLY = 280;
    /** The mentions timeline returns at most the 800 newest posts. */
    static final int MENTIONS_CAP = 800;
    static final String TWEET_FIELDS = "created_at,conversation_id,author_id,in_reply_to_user_id,referenced_tweets";
    static final String USER_FIELDS = "public_metrics,username,name";
    /** Recent search: 10 to 100 posts per request, from the last seven days. */
    static final int SEARCH_MIN_PAGE = 10;
    static final Duration SEARCH_REACH = Duration.ofDays(7).minusMinutes(1);

    private final String name;
    private final XCalls api;
    private final Clock clock;
    private final Duration backfill;
    private final int backfillMax;
    private final int pageSize;
    private final XReplies replies;
    private final List<String> keywords;
    /** Null unless direct messages are configured. */
    private final XDms dms;
    private volatile XPage.User brand;

    XSource(String name, XCalls api, Clock clock, Duration backfill, int backfillMax, int pageSize) {
        this(name, api, clock, backfill, backfillMax, pageSize, List.of());
    }

    XSource(String name, XCalls api, Clock clock, Duration backfill, int backfillMax, int pageSize,
            List<String> keywords) {
        this(name, api, clock, backfill, backfillMax, pageSize, keywords, false);
    }

    XSource(String name, XCalls api, Clock clock, Duration backfill, int backfillMax, int pageSize,
            List<String> keywords, boolean directMessages) {
        this.dms = directMessages ? new XDms(name, api, clock, pageSize) : null;
        this.name = name;
        this.keywords = List.copyOf(keywords);
        this.api = api;
        this.clock = clock;
        this.backfill = backfill;
        this.backfillMax = backfillMax;
        this.pageSize = pageSize;
        this.replies = new XReplies(name, api, clock, pageSize);
    }

    public static XSource create(XSourceConfig config, Clock clock) {
        return create(config, clock, JsonHttp.defaultClient(), HttpLimits.DEFAULT);
    }

    static XSource create(XSourceConfig config, Clock clock, HttpClient client, HttpLimits limits) {
        JsonHttp http = new JsonHttp("X", config.baseUrl(), client, clock, RateLimitHeaders.X, limits);
        return new XSource(config.name(), new XCalls(http, new OAuth1Signer(config)), clock, config.backfill(),
                config.backfillMax(), config.pageSize(), config.keywords(), config.directMessages());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Platform platform() {
        return Platform.X;
    }

    @Override
    public Fetch fetchSince(Optional<String> stored) throws DeliveryException {
        XPage.User me = brand();
        Instant now = clock.instant();
        KeywordSearch.Cursor positions = KeywordSearch.Cursor.parse(stored);
        Optional<String> cursor = positions.mainCursor();
        Optional<XCursor> from = cursor.flatMap(XCursor::parse);
        if (cursor.isPresent() && from.isEmpty()) {
            log.warn("{}: the stored cursor is not one X uses; starting afresh with the bounded backfill", name);
        }
        boolean firstStart = from.isEmpty();
        // No backfill asked for: nothing is read now, and the next poll starts from this moment.
        boolean noBackfill = firstStart && (backfillMax == 0 || backfill.isZero());
        Bound start = Bound.since(noBackfill ? now : now.minus(backfill));
        Bound mentionsFrom = from.map(XCursor::mentions).orElse(start);
        Bound brandFrom = from.map(XCursor::brand).orElse(start);
        Read mentions = noBackfill ? Read.NOTHING
                : read(q -> api.mentions(me.id(), q), timeline(mentionsFrom, true), "pagination_token",
                        XSourceConfig.MIN_PAGE_SIZE, firstStart ? backfillMax : MENTIONS_CAP);
        Read own = noBackfill ? Read.NOTHING
                : read(q -> api.posts(me.id(), q), timeline(brandFrom, false), "pagination_token",
                        XSourceConfig.MIN_PAGE_SIZE, firstStart ? backfillMax : Integer.MAX_VALUE);

        List<Message> messages = new ArrayList<>();
        Map<String, BrandReply> answers = new LinkedHashMap<>();
        for (XPage.Post p : mentions.posts()) {
            if (p.retweet()) {
                continue;
            }
            if (me.id().equals(p.authorId())) {
                brandReply(p).ifPresent(r -> answers.putIfAbsent(r.externalId(), r));
            } else {
                messages.add(toMessage(p, mentions.users().get(p.authorId()), me));
            }
        }
        for (XPage.Post p : own.posts()) {
            brandReply(p).ifPresent(r -> answers.putIfAbsent(r.externalId(), r));
        }

        List<Gap> gaps = new ArrayList<>();
        if (mentions.more() || (!firstStart && mentions.posts().size() >= MENTIONS_CAP)) {
            gaps.add(gap(firstStart, mentionsFrom, mentions));
        }
        Map<String, String> searched = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        messages.forEach(m -> seen.add(m.externalId()));
        for (String keyword : keywords) {
            Optional<Bound> was = positions.position(keyword).flatMap(XSource::bound);
            // A keyword searched for the first time reads the backfill window (recent search reaches back seven days).
            boolean skip = was.isEmpty() && (backfillMax == 0 || backfill.isZero());
            Instant window = now.minus(backfill.compareTo(SEARCH_REACH) > 0 ? SEARCH_REACH : backfill);
            Bound keywordFrom = was.orElse(Bound.since(skip ? now : window));
            Read found = skip ? Read.NOTHING : search(keyword, me, keywordFrom, was.isEmpty() ? backfillMax : MENTIONS_CAP);
            for (XPage.Post p : found.posts()) {
                if (!p.retweet() && !me.id().equals(p.authorId()) && seen.add(p.id())) {
                    Message m = toMessage(p, found.users().get(p.authorId()), me);
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
        XCursor next = new XCursor(mentionsFrom.past(mentions.newestId()), brandFrom.past(own.newestId()));
        int posts = mentions.posts().size() + own.posts().size();
        if (posts > 0) {
            log.info("{}: read {} posts ({} mentions, {} of the brand's) and {} users from X in {} requests",
                    name, posts, mentions.posts().size(), own.posts().size(), mentions.users().size(),
                    mentions.requests() + own.requests());
        } else {
            log.debug("{}: nothing new on X ({} requests)", name, mentions.requests() + own.requests());
        }
        String dmsAt = positions.dmsCursor().filter(id -> id.matches("\\d{1,20}")).orElse(null);
        if (dms != null) {
            boolean dmFirst = dmsAt == null;
            XDms.Read read = dms.since(dmsAt, now.minus(backfill), dmFirst ? backfillMax : Integer.MAX_VALUE, me);
            for (Message m : read.messages()) {
                if (seen.add(m.externalId())) {
                    messages.add(m);
                }
            }
            read.brandReplies().forEach(r -> answers.putIfAbsent(r.externalId(), r));
            dmsAt = read.newestId();
            if (read.gap() != null) {
                gaps.add(read.gap());
            }
        }
        return new Fetch(messages, List.copyOf(answers.values()),
                new KeywordSearch.Cursor(next.encode(), searched, dmsAt).format(), gaps);
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
    private Read search(String keyword, XPage.User me, Bound from, int limit) throws DeliveryException {
        Map<String, String> query = new HashMap<>(from.query());
        query.put("query", KeywordSearch.phrase(keyword) + " -from:" + me.id() + " -is:retweet");
        query.put("tweet.fields", TWEET_FIELDS);
        query.put("expansions", "author_id");
        query.put("user.fields", USER_FIELDS);
        return read(api::search, query, "next_token", SEARCH_MIN_PAGE, limit);
    }

    /** The query of a timeline read from {@code from}: the mentions with their authors, the brand's without retweets. */
    private static Map<String, String> timeline(Bound from, boolean mentions) {
        Map<String, String> query = new HashMap<>(from.query());
        query.put("tweet.fields", TWEET_FIELDS);
        if (mentions) {
            query.put("expansions", "author_id");
            query.put("user.fields", USER_FIELDS);
        } else {
            query.put("exclude", "retweets");
        }
        return query;
    }

    private Gap gap(boolean firstStart, Bound from, Read mentions) {
        Instant oldest = mentions.posts().stream().map(XPage.Post::createdAt).filter(t -> t != null)
                .min(Instant::compareTo).orElse(clock.instant());
        String why = firstStart
                ? "on first start Earshot read the newest " + mentions.posts().size() + " mentions of the last "
                        + Spans.format(backfill) + " (backfillMax) and left the older ones."
                : "X returns only the newest " + MENTIONS_CAP + " mentions, and more than that arrived since the last poll.";
        log.warn("{}: {} Mentions from {} to {} may be missing.", name, why, from.time(), oldest);
        return new Gap(from.time(), oldest, why);
    }

    /** What the pages of one timeline held, all of them read. */
    private record Read(List<XPage.Post> posts, Map<String, XPage.User> users, boolean more, int requests) {
        static final Read NOTHING = new Read(List.of(), Map.of(), false, 0);

        String newestId() {
            return posts.stream().map(XPage.Post::id).max(XCursor::compareIds).orElse(null);
        }
    }

    /** One page of a list of posts, for a query. */
    @FunctionalInterface
    private interface Posts {
        XPage page(Map<String, String> query) throws DeliveryException;
    }

    /**
     * Follows the list's next token ({@code tokenParam}) until it ends or {@code limit} posts were
     * read, asking each time for no more than still wanted (X bills each post it returns), but at
     * least {@code minPage} (what the endpoint accepts).
     */
    private Read read(Posts posts, Map<String, String> query, String tokenParam, int minPage, int limit)
            throws DeliveryException {
        Map<String, XPage.User> users = new HashMap<>();
        Pager.Read<XPage.Post> read = Pager.read(limit, (token, got) -> {
            Map<String, String> q = new HashMap<>(query);
            q.put("max_results", Integer.toString(Math.max(minPage, Math.min(pageSize, limit - got))));
            if (token != null) {
                q.put(tokenParam, token);
            }
            XPage page = posts.page(q);
            users.putAll(page.users());
            return new Pager.Page<>(page.posts(), page.nextToken());
        });
        return new Read(read.items(), users, read.more(), read.requests());
    }

    private Message toMessage(XPage.Post p, XPage.User author, XPage.User me) {
        String handle = author != null && author.username() != null ? author.username() : "i/user/" + p.authorId();
        Author who = author == null
                ? new Author(Platform.X, handle, null, -1, "https://x.com/" + handle)
                : new Author(Platform.X, handle, author.name(), author.followers(), "https://x.com/" + handle);
        MessageKind kind = me.id().equals(p.inReplyToUserId()) ? MessageKind.REPLY
                : p.quoted() != null ? MessageKind.QUOTE : MessageKind.MENTION;
        Instant at = p.createdAt() != null ? p.createdAt() : XCursor.timeOf(p.id());
        return new Message(Platform.X, name, p.id(), who, Clip.text(p.text()), "https://x.com/" + handle + "/status/" + p.id(),
                at, kind, p.repliedTo(), p.conversationId());
    }

    private static Optional<BrandReply> brandReply(XPage.Post p) {
        if (p.repliedTo() == null || p.retweet()) {
            return Optional.empty();
        }
        Instant at = p.createdAt() != null ? p.createdAt() : XCursor.timeOf(p.id());
        return Optional.of(new BrandReply(p.id(), p.repliedTo(), p.text(), at));
    }

    @Override
    public SentReply reply(Message to, String text, String idempotencyKey) throws DeliveryException {
        if (dms != null && XDms.isDm(to)) {
            return dms.send(to, text.strip(), idempotencyKey, brand());
        }
        return replies.send(brand(), to, text, idempotencyKey);
    }

    @Override
    public Optional<SentReply> findReply(Message to, String idempotencyKey) throws DeliveryException {
        if (dms != null && XDms.isDm(to)) {
            return dms.find(to, idempotencyKey, brand());
        }
        return replies.find(brand(), to, idempotencyKey);
    }

    @Override
    public int maxReplyLength() {
        return MAX_REPLY;
    }

    /** X's weighted count: URLs 23, CJK and emoji (ZWJ sequences included) 2, most other text 1. */
    @Override
    public int replyLength(String text) {
        return TwitterTextParser.parseTweet(text).weightedLength;
    }

    /** The brand account, asked once ({@code GET /2/users/me}); a failure is asked again next time. */
    private XPage.User brand() throws DeliveryException {
        XPage.User known = brand;
        if (known == null) {
            synchronized (this) {
                if (brand == null) {
                    brand = api.me();
                    log.info("{}: listening to X as @{}", name, LogSafe.clean(brand.username()));
                }
                known = brand;
            }
        }
        return known;
    }

    @Override
    public String toString() {
        return "XSource[" + name + "]";
    }
}
