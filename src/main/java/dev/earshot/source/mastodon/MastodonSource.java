package dev.earshot.source.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.earshot.config.MastodonSourceConfig;
import dev.earshot.core.Conversation;
import dev.earshot.core.Message;
import dev.earshot.core.Platform;
import dev.earshot.port.DeliveryException;
import dev.earshot.port.SocialSource;
import dev.earshot.source.http.JsonFields;
import dev.earshot.source.http.HttpReply;
import dev.earshot.source.http.JsonHttp;
import dev.earshot.source.http.RateLimitHeaders;
import dev.earshot.source.http.KeywordSearch;
import dev.earshot.source.http.Pager;
import dev.earshot.source.text.LogSafe;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One brand account on a Mastodon instance.
 *
 * <p>A poll pages mention notifications forward with {@code min_id} (at most {@link #PAGES_PER_POLL}
 * pages; the rest comes next poll, so nothing is skipped) and reads one page of the brand's own
 * statuses, whose replies to customers are reported as {@link BrandReply}s (answers given from the
 * Mastodon app, or our own replies seen again). The first poll reads only the backfill window.
 * Statuses written by the brand never become customer messages. Each configured keyword is searched
 * too (a hashtag's timeline for {@code #tag}); matches are {@link dev.earshot.core.MessageKind#KEYWORD}
 * messages, and each keyword's position rides in the one cursor string ({@link KeywordSearch.Cursor}).
 */
public final class MastodonSource implements SocialSource, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MastodonSource.class);
    static final int PAGE = 40;
    static final int PAGES_PER_POLL = 25;
    /** findReply reads at most this many pages (10,000 statuses) after the customer's status. */
    static final int FIND_REPLY_PAGES = 250;
    /** Per keyword and poll; what is left comes next poll. */
    static final int SEARCH_PAGES_PER_POLL = 5;
    static final int DEFAULT_MAX_CHARS = 500;
    private static final int REMEMBERED_THREADS = 10_000;
    /** The cursor when the account has nothing yet: below every real id. */
    static final String NOTHING_YET = "0";

    private final MastodonSourceConfig config;
    private final HttpClient client;
    private final JsonHttp http;
    private final Clock clock;
    private final String token;
    /** Status id to the root of its reply chain, for statuses seen in this run. */
    private final Map<String, String> roots = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED_THREADS;
        }
    });
    /** What was sent with each idempotency key in this run, and when: to recognise our own reply. */
    private final Map<String, Attempt> attempted = Collections.synchronizedMap(new LinkedHashMap<>());
    private volatile Account account;
    private volatile MastodonStream stream;

    /** Mastodon keeps an {@code Idempotency-Key} for an hour; past this, a retry looks before it sends. */
    static final Duration KEY_KEPT = Duration.ofMinutes(50);

    private record Attempt(String status, Instant firstAt) {
    }

    /** Who the brand is on this instance, and the instance's limits; learned once. {@code streaming} null: no stream. */
    record Account(String id, String acct, String domain, int maxChars, int urlChars, URI streaming) {
    }

    public MastodonSource(MastodonSourceConfig config, HttpClient client, Clock clock) {
        this(config, client, clock, Duration.ofSeconds(30));
    }

    MastodonSource(MastodonSourceConfig config, HttpClient client, Clock clock, Duration timeout) {
        this.config = config;
        this.client = client;
        this.clock = clock;
        this.token = config.accessToken().reveal();
        this.http = new JsonHttp("Mastodon", config.instance(), client, clock, RateLimitHeaders.MASTODON, timeout);
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
        Account me = account();
        StatusMapper mapper = new StatusMapper(name(), me.id(), me.domain());
        KeywordSearch.Cursor stored = KeywordSearch.Cursor.parse(storedText);
        MastodonCursor cursor = MastodonCursor.parse(stored.mainCursor());
        Instant from = clock.instant().minus(config.backfill());

        List<JsonNode> notifications = new ArrayList<>();
        String newestNotification = cursor.notifications() == null
                ? backfill(from, notifications)
                : forward(cursor.notifications(), notifications);

        List<JsonNode> own = new ArrayList<>();
        String newestOwn = ownStatuses(me, cursor.statuses(), from, own);

        List<Message> messages = new ArrayList<>();
        List<BrandReply> brandReplies = new ArrayList<>();
        for (JsonNode status : own) {
            remember(status);
            mapper.brandReply(status).ifPresent(brandReplies::add);
        }
        notifications.sort(Comparator.comparing(n -> n.path("id").asText(), StatusIds.ORDER));
        for (JsonNode n : notifications) {
            JsonNode status = n.path("status");
            if (!"mention".equals(n.path("type").asText()) || !status.isObject()) {
                continue;
            }
            if (mapper.byBrand(status)) {
                remember(status);
                mapper.brandReply(status).ifPresent(brandReplies::add);
                continue;
            }
            messages.add(mapper.message(status, threadKey(status)));
        }
        Map<String, String> positions = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        messages.forEach(m -> seen.add(m.externalId()));
        for (String keyword : config.keywords()) {
            String since = stored.position(keyword).orElse(null);
            List<JsonNode> hits = new ArrayList<>();
            String newest = StatusIds.max(since, search(keyword, since, from, hits));
            if (newest != null) {
                positions.put(keyword, newest);
            }
            hits.sort(Comparator.comparing(h -> h.path("id").asText(), StatusIds.ORDER));
            for (JsonNode status : hits) {
                // The brand's own posts, and posts that mention the brand (they come as notifications), are left out.
                if (mapper.byBrand(status) || mapper.mentionsBrand(status) || !seen.add(status.path("id").asText())) {
                    continue;
                }
                messages.add(mapper.keywordMatch(status, threadKey(status)));
            }
        }
        String next = new MastodonCursor(StatusIds.max(cursor.notifications(), newestNotification),
                StatusIds.max(cursor.statuses(), newestOwn)).format();
        return new Fetch(messages, brandReplies, new KeywordSearch.Cursor(next, positions).format());
    }

    /**
     * Statuses matching {@code keyword} newer than {@code since} (paged forward with {@code min_id}),
     * or on first start the newest page within the backfill window. A keyword starting with
     * {@code #} reads the hashtag's timeline; any other is a full-text search, which finds only
     * what the instance indexed and the authors allow to be searched. Returns the newest id read.
     */
    private String search(String keyword, String since, Instant from, List<JsonNode> into) throws DeliveryException {
        String newest = null;
        String minId = since;
        for (int page = 0; page < (since == null ? 1 : SEARCH_PAGES_PER_POLL); page++) {
            JsonHttp.Request request = keyword.startsWith("#")
                    ? http.get("/api/v1/timelines/tag/" + URLEncoder.encode(keyword.substring(1), StandardCharsets.UTF_8))
                    : http.get("/api/v2/search").query("q", KeywordSearch.phrase(keyword)).query("type", "statuses")
                            .query("resolve", "false");
            JsonNode body = request.bearer(token).query("min_id", minId).query("limit", Integer.toString(PAGE)).fetch();
            JsonNode list = keyword.startsWith("#") ? body : body.path("statuses");
            if (!list.isArray() || list.isEmpty()) {
                break;
            }
            for (JsonNode s : list) {
                newest = StatusIds.max(newest, s.path("id").asText());
                if (since != null || (!StatusMapper.createdAt(s).isBefore(from) && into.size() < config.backfillMax())) {
                    into.add(s);
                }
            }
            if (list.size() < PAGE) {
                break;
            }
            minId = newest;
        }
        if (since == null && newest != null) {
            log.info("{}: first search for {}, read {} statuses from the last {}", name(), keyword, into.size(),
                    config.backfill());
        }
        return newest;
    }

    /** First start: the newest mentions back to {@code from}, at most {@code backfillMax}. Returns the newest id. */
    private String backfill(Instant from, List<JsonNode> into) throws DeliveryException {
        String newest = null;
        String maxId = null;
        for (int page = 0; page < PAGES_PER_POLL; page++) {
            JsonNode list = http.get("/api/v1/notifications").bearer(token).query("types[]", "mention")
                    .query("limit", Integer.toString(PAGE)).query("max_id", maxId).fetch();
            if (!list.isArray() || list.isEmpty()) {
                // No mention at all yet: every one to come is new, so read forward from the start.
                newest = newest == null ? NOTHING_YET : newest;
                break;
            }
            boolean done = false;
            for (JsonNode n : list) {
                String id = n.path("id").asText();
                newest = StatusIds.max(newest, id);
                maxId = StatusIds.min(maxId, id);
                Instant at = JsonFields.instant(n, "created_at").orElse(Instant.EPOCH);
                if (at.isBefore(from) || into.size() >= config.backfillMax()) {
                    done = true;
                    continue;
                }
                into.add(n);
            }
            if (done) {
                break;
            }
        }
        log.info("{}: first start, read {} mentions from the last {} (at most {})", name(), into.size(),
                config.backfill(), config.backfillMax());
        return newest;
    }

    /** Pages forward from {@code since} with {@code min_id}; returns the newest id read, or null. */
    private String forward(String since, List<JsonNode> into) throws DeliveryException {
        Pager.Read<JsonNode> read = Pager.read(since, Integer.MAX_VALUE, PAGES_PER_POLL, n -> false, (minId, got) -> {
            JsonNode list = http.get("/api/v1/notifications").bearer(token).query("types[]", "mention")
                    .query("min_id", minId).query("limit", Integer.toString(PAGE)).fetch();
            List<JsonNode> page = new ArrayList<>();
            if (list.isArray()) {
                list.forEach(page::add);
            }
            return new Pager.Page<>(page, newestId(page));
        });
        into.addAll(read.items());
        return newestId(read.items());
    }

    private static String newestId(List<JsonNode> items) {
        String newest = null;
        for (JsonNode n : items) {
            newest = StatusIds.max(newest, n.path("id").asText());
        }
        return newest;
    }

    /** One page of the brand's own statuses: newer than {@code since}, or within the backfill window. */
    private String ownStatuses(Account me, String since, Instant from, List<JsonNode> into) throws DeliveryException {
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

    /**
     * The root of the status's reply chain: known from this run, else asked of the instance
     * ({@code /context}), else the status it answers.
     */
    private String threadKey(JsonNode status) throws DeliveryException {
        String id = status.path("id").asText();
        String parent = JsonFields.text(status, "in_reply_to_id");
        if (parent == null) {
            roots.put(id, id);
            return id;
        }
        String root = roots.get(parent);
        if (root == null) {
            HttpReply context = http.get("/api/v1/statuses/" + id + "/context").bearer(token).send();
            if (context.ok()) {
                JsonNode ancestors = context.body().path("ancestors");
                if (ancestors.isArray() && !ancestors.isEmpty()) {
                    root = ancestors.get(0).path("id").asText(null);
                }
            } else if (context.status() != 404) {
                throw context.failure();
            }
        }
        root = root == null ? parent : root;
        roots.put(id, root);
        return root;
    }

    private void remember(JsonNode status) {
        String id = status.path("id").asText();
        String parent = JsonFields.text(status, "in_reply_to_id");
        roots.putIfAbsent(id, parent == null ? id : roots.getOrDefault(parent, parent));
    }

    /**
     * Replies under the customer's status: their {@code @acct} first, visibility no wider than theirs,
     * and the idempotency key as {@code Idempotency-Key} (Mastodon answers a repeat within an hour
     * with the first status). The whole status, mention included, is checked against the limit first.
     */
    @Override
    public SentReply reply(Message to, String text, String idempotencyKey) throws DeliveryException {
        Account me = account();
        HttpReply original = http.get("/api/v1/statuses/" + to.externalId()).bearer(token).send();
        if (original.status() == 404) {
            throw new DeliveryException(DeliveryException.Kind.REJECTED,
                    "the customer's status is gone or no longer visible to the brand");
        }
        JsonNode customer = original.orThrow();
        String acct = customer.path("account").path("acct").asText();
        String body = text.strip();
        String status = mentioning(acct, body);
        int length = MastodonLength.count(status, me.urlChars());
        if (length > me.maxChars()) {
            throw new DeliveryException(DeliveryException.Kind.REJECTED, "with the mention @" + acct
                    + " the reply is " + length + " characters; this instance allows " + me.maxChars());
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("status", status);
        form.put("in_reply_to_id", to.externalId());
        form.put("visibility", Visibility.noWiderThan(customer.path("visibility").asText()));
        Attempt earlier = attempted.putIfAbsent(idempotencyKey, new Attempt(status, clock.instant()));
        if (earlier != null && clock.instant().isAfter(earlier.firstAt().plus(KEY_KEPT))) {
            // The instance may have forgotten the key by now: a status that got through must be found, not re-sent.
            Optional<SentReply> found = findReply(to, idempotencyKey);
            if (found.isPresent()) {
                return found.get();
            }
        }
        JsonNode posted = http.post("/api/v1/statuses").bearer(token).header("Idempotency-Key", idempotencyKey)
                .form(form).fetch();
        String id = posted.path("id").asText();
        roots.put(id, to.threadKey());
        return new SentReply(id, JsonFields.text(posted, "url"), StatusMapper.createdAt(posted));
    }

    /**
     * The brand's reply to {@code to} among all its statuses posted after {@code to}: paged forward
     * with {@code min_id} from the customer's status until the list is empty, so a reply behind a
     * backlog is found even after the instance forgot the Idempotency-Key. With a key whose text
     * this run remembers, only a status with that text counts (an answer given from the app is not
     * ours); after a restart any reply by the brand counts, which errs towards never answering twice.
     */
    @Override
    public Optional<SentReply> findReply(Message to, String idempotencyKey) throws DeliveryException {
        Account me = account();
        Attempt attempt = idempotencyKey == null ? null : attempted.get(idempotencyKey);
        String sent = attempt == null ? null : attempt.status();
        String minId = to.externalId();
        for (int page = 0; page < FIND_REPLY_PAGES; page++) {
            JsonNode list = http.get("/api/v1/accounts/" + me.id() + "/statuses").bearer(token)
                    .query("limit", Integer.toString(PAGE)).query("exclude_reblogs", "true").query("min_id", minId)
                    .fetch();
            if (!list.isArray() || list.isEmpty()) {
                return Optional.empty();
            }
            String newest = minId;
            for (JsonNode s : list) {
                newest = StatusIds.max(newest, s.path("id").asText());
                if (!to.externalId().equals(JsonFields.text(s, "in_reply_to_id"))) {
                    continue;
                }
                if (sent != null && !MastodonLength.sameText(StatusHtml.text(JsonFields.text(s, "content")), sent)) {
                    continue;
                }
                return Optional.of(new SentReply(s.path("id").asText(), JsonFields.text(s, "url"),
                        StatusMapper.createdAt(s)));
            }
            if (newest.equals(minId)) {
                return Optional.empty(); // an instance that does not page forward: nothing more to read
            }
            minId = newest;
        }
        log.warn("{}: looked through {} of the brand's statuses after {} for a reply and stopped", name(),
                FIND_REPLY_PAGES * PAGE, LogSafe.clean(to.externalId()));
        return Optional.empty();
    }

    /** The instance's limit ({@code configuration.statuses.max_characters}), 500 until it is known. */
    @Override
    public int maxReplyLength() {
        Account me = account;
        return me == null ? DEFAULT_MAX_CHARS : me.maxChars();
    }

    @Override
    public int replyLength(String text) {
        Account me = account;
        return MastodonLength.count(text, me == null ? MastodonLength.DEFAULT_URL_CHARS : me.urlChars());
    }

    /** Counted with the customer's handle in front, as {@link #reply} sends it. */
    @Override
    public int replyLength(Conversation to, String text) {
        return replyLength(mentioning(to.authorHandle(), text.strip()));
    }

    private static String mentioning(String acct, String body) {
        return body.startsWith("@" + acct) ? body : "@" + acct + " " + body;
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
        return account().streaming();
    }

    @Override
    public synchronized void close() {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }

    /** The brand account and the instance's limits: asked once, again only after a failure. */
    Account account() throws DeliveryException {
        Account known = account;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (account != null) {
                return account;
            }
            JsonNode me = http.get("/api/v1/accounts/verify_credentials").bearer(token).fetch();
            String domain = http.base().getHost();
            int maxChars = DEFAULT_MAX_CHARS;
            int urlChars = MastodonLength.DEFAULT_URL_CHARS;
            URI streaming = http.base();
            HttpReply instance = http.get("/api/v2/instance").bearer(token).send();
            if (instance.ok()) {
                JsonNode body = instance.body();
                domain = body.path("domain").asText(domain);
                JsonNode statuses = body.path("configuration").path("statuses");
                maxChars = statuses.path("max_characters").asInt(DEFAULT_MAX_CHARS);
                urlChars = statuses.path("characters_reserved_per_url").asInt(MastodonLength.DEFAULT_URL_CHARS);
                String ws = JsonFields.text(body.path("configuration").path("urls"), "streaming");
                streaming = StreamingUrl.of(http.base(), ws).orElse(null);
                if (streaming == null) {
                    log.warn("{}: the instance names {} for its stream; the token goes only to https:// or to the"
                            + " configured host, so there is no stream and polling alone finds mentions", name(),
                            LogSafe.clean(ws));
                }
            } else if (instance.status() != 404) {
                throw instance.failure();
            }
            account = new Account(me.path("id").asText(), me.path("acct").asText(), domain, maxChars, urlChars,
                    streaming);
            log.info("{}: listening as @{}@{} (replies up to {} characters)", name(), LogSafe.clean(account.acct()),
                    LogSafe.clean(domain), maxChars);
            return account;
        }
    }
}
