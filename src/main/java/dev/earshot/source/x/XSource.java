package dev.earshot.source.x;

import com.twitter.twittertext.TwitterTextParser;
import dev.earshot.config.XSourceConfig;
import dev.earshot.core.BillableReads;
import dev.earshot.core.Message;
import dev.earshot.core.Platform;
import dev.earshot.core.Spans;
import dev.earshot.port.DeliveryException;
import dev.earshot.port.SocialSource;
import dev.earshot.source.http.HttpLimits;
import dev.earshot.source.http.JsonHttp;
import dev.earshot.source.http.KeywordSearch;
import dev.earshot.source.http.RateLimitHeaders;
import dev.earshot.source.text.LogSafe;
import java.net.http.HttpClient;
import dev.earshot.source.x.XCursor.Bound;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * none unless configured; {@link XKeywords}) and become keyword messages. Pages are read by
 * {@link XTimelines}. Replies, and the look-up that settles one whose outcome is unknown, are
 * {@link XReplies}'; direct messages {@link XDms}'. Every read X bills is counted ({@link XReads},
 * handed out by {@link #takeReads}); over its monthly budget the source makes no optional read
 * ({@link #allowOptionalReads}): no search, no DMs, no backfill.
 */
public final class XSource implements SocialSource {
    private static final Logger log = LoggerFactory.getLogger(XSource.class);
    static final int MAX_REPLY = 280;
    /** The mentions timeline returns at most the 800 newest posts. */
    static final int MENTIONS_CAP = 800;
    static final String TWEET_FIELDS = "created_at,conversation_id,author_id,in_reply_to_user_id,referenced_tweets";
    static final String USER_FIELDS = "public_metrics,username,name";

    private final String name;
    private final XCalls api;
    private final Clock clock;
    private final Duration backfill;
    private final int backfillMax;
    private final XTimelines timelines;
    private final XKeywords keywordSearch;
    private final XReplies replies;
    /** Null unless direct messages are configured. */
    private final XDms dms;
    private volatile XPage.User brand;
    private volatile boolean optionalReads = true;

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
        this.api = api;
        this.clock = clock;
        this.backfill = backfill;
        this.backfillMax = backfillMax;
        this.timelines = new XTimelines(pageSize);
        this.keywordSearch = new XKeywords(name, keywords, api, timelines, backfill, backfillMax);
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
        boolean noBackfill = firstStart && (backfillMax == 0 || backfill.isZero() || !optionalReads);
        Bound start = Bound.since(noBackfill ? now : now.minus(backfill));
        Bound mentionsFrom = from.map(XCursor::mentions).orElse(start);
        Bound brandFrom = from.map(XCursor::brand).orElse(start);
        XTimelines.Read mentions = noBackfill ? XTimelines.Read.NOTHING
                : timelines.read(q -> api.mentions(me.id(), q), XTimelines.timeline(mentionsFrom, true),
                        "pagination_token", XSourceConfig.MIN_PAGE_SIZE, firstStart ? backfillMax : MENTIONS_CAP);
        XTimelines.Read own = noBackfill ? XTimelines.Read.NOTHING
                : timelines.read(q -> api.posts(me.id(), q), XTimelines.timeline(brandFrom, false),
                        "pagination_token", XSourceConfig.MIN_PAGE_SIZE, firstStart ? backfillMax : Integer.MAX_VALUE);

        List<Message> messages = new ArrayList<>();
        Map<String, BrandReply> answers = new LinkedHashMap<>();
        for (XPage.Post p : mentions.posts()) {
            if (p.retweet()) {
                continue;
            }
            if (me.id().equals(p.authorId())) {
                XMessages.brandReply(p, me.id()).ifPresent(r -> answers.putIfAbsent(r.externalId(), r));
            } else {
                messages.add(XMessages.toMessage(name, p, mentions.users().get(p.authorId()), me));
            }
        }
        List<Broadcast> broadcasts = new ArrayList<>();
        for (XPage.Post p : own.posts()) {
            Optional<BrandReply> reply = XMessages.brandReply(p, me.id());
            reply.ifPresent(r -> answers.putIfAbsent(r.externalId(), r));
            if (reply.isEmpty() && !p.retweet()) {
                broadcasts.add(new Broadcast(p.id(), p.createdAt() != null ? p.createdAt() : XCursor.timeOf(p.id())));
            }
        }

        List<Gap> gaps = new ArrayList<>();
        if (mentions.more() || (!firstStart && mentions.posts().size() >= MENTIONS_CAP)) {
            gaps.add(gap(firstStart, mentionsFrom, mentions));
        }
        Set<String> seen = new HashSet<>();
        messages.forEach(m -> seen.add(m.externalId()));
        Map<String, String> searched = optionalReads ? keywordSearch.read(positions, me, now, seen, messages)
                : positions.keywords(); // over budget: searches wait where they stopped
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
        if (dms != null && optionalReads) {
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
                new KeywordSearch.Cursor(next.encode(), searched, dmsAt).format(), gaps, broadcasts);
    }

    private Gap gap(boolean firstStart, Bound from, XTimelines.Read mentions) {
        Instant oldest = mentions.posts().stream().map(XPage.Post::createdAt).filter(t -> t != null)
                .min(Instant::compareTo).orElse(clock.instant());
        String why = firstStart
                ? "on first start Earshot read the newest " + mentions.posts().size() + " mentions of the last "
                        + Spans.format(backfill) + " (backfillMax) and left the older ones."
                : "X returns only the newest " + MENTIONS_CAP + " mentions, and more than that arrived since the last poll.";
        log.warn("{}: {} Mentions from {} to {} may be missing.", name, why, from.time(), oldest);
        return new Gap(from.time(), oldest, why);
    }

    @Override
    public BillableReads takeReads() {
        return api.takeReads();
    }

    /** Over its budget the source reads mentions and the brand's posts only: no search, no DMs, no backfill. */
    @Override
    public void allowOptionalReads(boolean allowed) {
        if (optionalReads != allowed) {
            log.info("{}: keyword searches, direct messages and backfill {}", name, allowed ? "resume" : "pause (budget)");
        }
        optionalReads = allowed;
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
