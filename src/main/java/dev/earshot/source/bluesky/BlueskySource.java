package dev.earshot.source.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import dev.earshot.config.BlueskySourceConfig;
import dev.earshot.core.Conversation;
import dev.earshot.core.Message;
import dev.earshot.core.MessageKind;
import dev.earshot.core.Platform;
import dev.earshot.port.DeliveryException;
import dev.earshot.port.SocialSource;
import dev.earshot.source.http.JsonFields;
import dev.earshot.source.http.JsonHttp;
import dev.earshot.source.http.KeywordSearch;
import dev.earshot.source.http.RateLimitHeaders;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One brand account on Bluesky: puts a poll together from its parts.
 *
 * <p>A poll reads the notifications ({@link BlueskyNotifications}), looks up the authors' follower
 * counts ({@link BlueskyMapper}), and reads the first page of the brand's own feed: its replies to
 * customers are reported as {@link BrandReply}s. Posts by the brand never become customer messages.
 * Each configured keyword is searched ({@link BlueskyKeywords}); matches that do not already reach
 * the brand as notifications are {@link MessageKind#KEYWORD} messages. Replies and their look-up are
 * {@link BlueskyReplies}'; with {@code directMessages: true} the brand's direct messages are read
 * and answered too ({@link BlueskyDms}).
 */
public final class BlueskySource implements SocialSource {
    private static final Logger log = LoggerFactory.getLogger(BlueskySource.class);
    static final String POST = "app.bsky.feed.post";
    static final int PAGE = 50;
    /** 5,000 notifications: more than that since the last poll, and the oldest are left (logged). */
    static final int MAX_PAGES = 100;
    /** Notifications this much older than the cursor are read again, in case one was indexed late. */
    static final Duration OVERLAP = Duration.ofMinutes(10);
    static final int FEED_PAGE = 30;
    static final int SEARCH_PAGE = 100;
    /** Per keyword and poll: 500 matches; the rest comes next poll. */
    static final int SEARCH_PAGES_PER_POLL = 5;

    private final BlueskySourceConfig config;
    private final BlueskySession session;
    private final Clock clock;
    private final BlueskyDms dms;
    private final BlueskyMapper mapper;
    private final BlueskyNotifications notifications;
    private final BlueskyKeywords keywords;
    private final BlueskyReplies replies;

    public BlueskySource(BlueskySourceConfig config, HttpClient client, Clock clock) {
        this(config, client, clock, Duration.ofSeconds(30));
    }

    BlueskySource(BlueskySourceConfig config, HttpClient client, Clock clock, Duration timeout) {
        this.config = config;
        this.clock = clock;
        JsonHttp http = new JsonHttp("Bluesky", config.service(), client, clock, RateLimitHeaders.BLUESKY, timeout);
        this.session = new BlueskySession(http, config.handle(), config.appPassword(), clock);
        this.dms = new BlueskyDms(config.name(), http, session, clock);
        this.mapper = new BlueskyMapper(config.name(), http, session);
        this.notifications = new BlueskyNotifications(config.name(), http, session, clock);
        this.keywords = new BlueskyKeywords(config.name(), config.keywords(), config.backfillMax(), http, session,
                mapper, clock);
        this.replies = new BlueskyReplies(config.name(), http, session, clock);
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public Platform platform() {
        return Platform.BLUESKY;
    }

    /** How often this run logged in and refreshed its session, for tests and the operator. */
    public int logins() {
        return session.logins();
    }

    public int refreshes() {
        return session.refreshes();
    }

    @Override
    public Fetch fetchSince(Optional<String> storedText) throws DeliveryException {
        String brand = session.tokens().did();
        KeywordSearch.Cursor stored = KeywordSearch.Cursor.parse(storedText);
        Optional<BlueskyCursor> seen = BlueskyCursor.parse(stored.mainCursor());
        Instant from = clock.instant().minus(config.backfill());

        BlueskyNotifications.Read read = notifications.since(seen, from, config.backfillMax());
        List<JsonNode> fresh = new ArrayList<>(read.fresh());
        List<Gap> gaps = new ArrayList<>();
        if (read.gap() != null) {
            gaps.add(read.gap());
        }
        if (seen.isEmpty()) {
            log.info("{}: first start, read {} notifications from the last {} (at most {})", name(), fresh.size(),
                    config.backfill(), config.backfillMax());
        }
        mapper.lookUpFollowers(fresh);

        List<Message> messages = new ArrayList<>();
        List<BrandReply> brandReplies = new ArrayList<>();
        List<Broadcast> broadcasts = new ArrayList<>();
        Collections.reverse(fresh); // oldest first, as they happened
        for (JsonNode n : fresh) {
            if (brand.equals(n.path("author").path("did").asText())) {
                BlueskyMapper.brandReply(n.path("uri").asText(), n.path("record"), brand).ifPresent(brandReplies::add);
            } else {
                messages.add(mapper.message(n, BlueskyMapper.kind(n.path("reason").asText())));
            }
        }
        for (JsonNode item : replies.ownFeed(brand)) {
            JsonNode post = item.path("post");
            Instant at = BlueskyMapper.createdAt(post.path("record"), post);
            if (seen.isPresent() || !at.isBefore(from)) {
                Optional<BrandReply> reply = BlueskyMapper.brandReply(post.path("uri").asText(), post.path("record"), brand);
                reply.ifPresent(brandReplies::add);
                if (reply.isEmpty()) {
                    broadcasts.add(new Broadcast(post.path("uri").asText(), at));
                }
            }
        }
        BlueskyCursor newest = read.newest();
        if (seen.isEmpty() && newest == null) {
            // Nothing yet: start from the backfill window, so the next polls are not first starts again.
            newest = new BlueskyCursor(from, "");
        }
        BlueskyCursor moved = BlueskyCursor.newer(seen.orElse(null), newest);
        Set<String> have = new HashSet<>();
        messages.forEach(m -> have.add(m.externalId()));
        Map<String, String> positions = keywords.read(stored, from, brand, have, messages, gaps);
        String dmsAt = null;
        if (config.directMessages()) {
            Optional<Instant> dmsSince = stored.dmsCursor().flatMap(JsonFields::instant);
            BlueskyDms.Read dmsRead = dms.since(dmsSince.orElse(from), dmsSince.isEmpty() ? config.backfillMax()
                    : Integer.MAX_VALUE, brand, mapper.followers());
            messages.addAll(dmsRead.messages());
            brandReplies.addAll(dmsRead.brandReplies());
            Instant at = dmsRead.newest() != null ? dmsRead.newest() : dmsSince.orElse(from);
            dmsAt = at.toString();
        }
        return new Fetch(messages, brandReplies, new KeywordSearch.Cursor(moved == null ? null : moved.format(),
                positions, dmsAt).format(), gaps, broadcasts);
    }

    @Override
    public SentReply reply(Message to, String text, String idempotencyKey) throws DeliveryException {
        if (BlueskyDms.isDm(to)) {
            return dms.send(to, text.strip(), idempotencyKey, session.tokens().did());
        }
        return replies.send(to, text, idempotencyKey);
    }

    @Override
    public Optional<SentReply> findReply(Message to, String idempotencyKey) throws DeliveryException {
        if (BlueskyDms.isDm(to)) {
            return dms.find(to, idempotencyKey, session.tokens().did());
        }
        return replies.find(to, idempotencyKey);
    }

    @Override
    public int maxReplyLength() {
        return PostText.MAX_GRAPHEMES;
    }

    /** Graphemes, or a tenth of the UTF-8 bytes if that is more: see {@link PostText#length}. */
    @Override
    public int replyLength(String text) {
        return PostText.length(text);
    }

    /** A post with the customer's handle in front, as {@link #reply} sends it; a DM as it is. */
    @Override
    public String replyAsPosted(Conversation to, String text) {
        boolean dm = to.threadKey() != null && to.threadKey().startsWith(BlueskyDms.THREAD_PREFIX);
        return dm ? text.strip() : PostText.withMention(text, to.authorHandle());
    }
}
