package dev.earshot.source.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.earshot.config.MastodonSourceConfig;
import dev.earshot.core.Conversation;
import dev.earshot.core.Message;
import dev.earshot.core.Platform;
import dev.earshot.port.DeliveryException;
import dev.earshot.port.SocialSource;
import dev.earshot.source.http.JsonHttp;
import dev.earshot.source.http.KeywordSearch;
import dev.earshot.source.http.RateLimitHeaders;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One brand account on a Mastodon instance: puts a poll together from its parts.
 *
 * <p>A poll pages mention notifications ({@link MastodonMentions}: forward with {@code min_id}, at
 * most {@link #PAGES_PER_POLL} pages; the rest comes next poll, so nothing is skipped) and reads one
 * page of the brand's own statuses, whose replies to customers are reported as {@link BrandReply}s
 * (answers given from the Mastodon app, or our own replies seen again). The first poll reads only
 * the backfill window. Statuses written by the brand never become customer messages. Each
 * configured keyword is searched too ({@link MastodonKeywords}). Replies and their look-up are
 * {@link MastodonReplies}'; the stream only wakes the poller ({@link MastodonStream}).
 */
public final class MastodonSource implements SocialSource, AutoCloseable {
    static final int PAGE = 40;
    static final int PAGES_PER_POLL = 25;
    /** findReply reads at most this many pages (10,000 statuses) after the customer's status. */
    static final int FIND_REPLY_PAGES = 250;
    /** Per keyword and poll; what is left comes next poll. */
    static final int SEARCH_PAGES_PER_POLL = 5;
    static final int DEFAULT_MAX_CHARS = 500;
    /** The cursor when the account has nothing yet: below every real id. */
    static final String NOTHING_YET = "0";

    private final MastodonSourceConfig config;
    private final HttpClient client;
    private final JsonHttp http;
    private final Clock clock;
    private final String token;
    private final MastodonAccount account;
    private final MastodonThreads threads;
    private final MastodonMentions mentions;
    private final MastodonKeywords keywords;
    private final MastodonReplies replies;
    private volatile MastodonStream stream;

    public MastodonSource(MastodonSourceConfig config, HttpClient client, Clock clock) {
        this(config, client, clock, Duration.ofSeconds(30));
    }

    MastodonSource(MastodonSourceConfig config, HttpClient client, Clock clock, Duration timeout) {
        this.config = config;
        this.client = client;
        this.clock = clock;
        this.token = config.accessToken().reveal();
        this.http = new JsonHttp("Mastodon", config.instance(), client, clock, RateLimitHeaders.MASTODON, timeout);
        this.account = new MastodonAccount(config.name(), http, token);
        this.threads = new MastodonThreads(http, token);
        this.mentions = new MastodonMentions(config.name(), http, token);
        this.keywords = new MastodonKeywords(config.name(), config.keywords(), config.backfill(), config.backfillMax(),
                http, token, threads);
        this.replies = new MastodonReplies(config.name(), http, token, clock, account, threads);
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public Platform platform() {
        return Platform.MASTODON;
    }

    @Override
    public Fetch fetchSince(Optional<String> storedText) throws DeliveryException {
        MastodonAccount.Account me = account.get();
        StatusMapper mapper = new StatusMapper(name(), me.id(), me.domain());
        KeywordSearch.Cursor stored = KeywordSearch.Cursor.parse(storedText);
        MastodonCursor cursor = MastodonCursor.parse(stored.mainCursor());
        Instant from = clock.instant().minus(config.backfill());

        List<JsonNode> notifications = new ArrayList<>();
        String newestNotification = cursor.notifications() == null
                ? mentions.backfill(from, config.backfill(), config.backfillMax(), notifications)
                : mentions.forward(cursor.notifications(), notifications);

        List<JsonNode> own = new ArrayList<>();
        String newestOwn = ownStatuses(me, cursor.statuses(), from, own);

        List<Message> messages = new ArrayList<>();
        List<BrandReply> brandReplies = new ArrayList<>();
        List<Broadcast> broadcasts = new ArrayList<>();
        for (JsonNode status : own) {
            threads.remember(status);
            Optional<BrandReply> reply = mapper.brandReply(status);
            reply.ifPresent(brandReplies::add);
            if (reply.isEmpty()) {
                broadcasts.add(new Broadcast(status.path("id").asText(), StatusMapper.createdAt(status)));
            }
        }
        notifications.sort(Comparator.comparing(n -> n.path("id").asText(), StatusIds.ORDER));
        for (JsonNode n : notifications) {
            JsonNode status = n.path("status");
            if (!"mention".equals(n.path("type").asText()) || !status.isObject()) {
                continue;
            }
            if (mapper.byBrand(status)) {
                threads.remember(status);
                mapper.brandReply(status).ifPresent(brandReplies::add);
                continue;
            }
            messages.add(mapper.message(status, threads.threadKey(status)));
        }
        Set<String> seen = new HashSet<>();
        messages.forEach(m -> seen.add(m.externalId()));
        Map<String, String> positions = keywords.read(stored, from, mapper, seen, messages);
        String next = new MastodonCursor(StatusIds.max(cursor.notifications(), newestNotification),
                StatusIds.max(cursor.statuses(), newestOwn)).format();
        return new Fetch(messages, brandReplies, new KeywordSearch.Cursor(next, positions).format(), List.of(),
                broadcasts);
    }

    /** One page of the brand's own statuses: newer than {@code since}, or within the backfill window. */
    private String ownStatuses(MastodonAccount.Account me, String since, Instant from, List<JsonNode> into)
            throws DeliveryException {
        JsonNode list = http.get("/api/v1/accounts/" + me.id() + "/statuses").bearer(token)
                .query("min_id", since).query("limit", Integer.toString(PAGE)).query("exclude_reblogs", "true")
                .fetch();
        String newest = since == null && list.isArray() && list.isEmpty() ? NOTHING_YET : null;
        if (list.isArray()) {
            for (JsonNode s : list) {
                newest = StatusIds.max(newest, s.path("id").asText());
                if (since != null || !StatusMapper.createdAt(s).isBefore(from)) {
                    into.add(s);
                }
            }
        }
        return newest;
    }

    @Override
    public SentReply reply(Message to, String text, String idempotencyKey) throws DeliveryException {
        return replies.send(to, text, idempotencyKey);
    }

    @Override
    public Optional<SentReply> findReply(Message to, String idempotencyKey) throws DeliveryException {
        return replies.find(to, idempotencyKey);
    }

    /** The instance's limit ({@code configuration.statuses.max_characters}), 500 until it is known. */
    @Override
    public int maxReplyLength() {
        MastodonAccount.Account me = account.known();
        return me == null ? DEFAULT_MAX_CHARS : me.maxChars();
    }

    @Override
    public int replyLength(String text) {
        MastodonAccount.Account me = account.known();
        return MastodonLength.count(text, me == null ? MastodonLength.DEFAULT_URL_CHARS : me.urlChars());
    }

    /** With the customer's handle in front, as {@link #reply} sends it. */
    @Override
    public String replyAsPosted(Conversation to, String text) {
        return MastodonReplies.mentioning(to.authorHandle(), text.strip());
    }

    /**
     * Opens the user notification stream: each new notification runs {@code onActivity} (on the
     * stream's thread: hand the work to another). Reconnects with back-off until {@link #close()}.
     */
    public synchronized void startStreaming(Runnable onActivity) {
        if (stream != null) {
            return;
        }
        stream = new MastodonStream(name(), client, this::streamingUri, token, clock, onActivity);
        stream.start();
    }

    private URI streamingUri() throws DeliveryException {
        return account.get().streaming();
    }

    @Override
    public synchronized void close() {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }
}
