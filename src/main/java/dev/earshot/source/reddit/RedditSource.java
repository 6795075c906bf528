package dev.earshot.source.reddit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.earshot.config.RedditSourceConfig;
import dev.earshot.core.Message;
import dev.earshot.core.Platform;
import dev.earshot.port.DeliveryException;
import dev.earshot.port.SocialSource;
import dev.earshot.source.http.HttpLimits;
import dev.earshot.source.http.KeywordSearch;
import dev.earshot.source.reddit.RedditListings.Position;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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
 * The brand's Reddit account. A poll reads the inbox (username mentions, comment and post
 * replies) back to the cursor, one page of the brand's own comments (answers given from Reddit
 * itself, or Earshot's own seen again), and each keyword searched in the configured subreddits.
 * The cursor is {@link KeywordSearch.Cursor}'s: its main part is the inbox and own-comment
 * positions, {@code <inbox>;<own>}; each keyword has its own.
 */
public final class RedditSource implements SocialSource {
    private static final Logger log = LoggerFactory.getLogger(RedditSource.class);
    /** The inbox is read at most this many pages back per poll (Reddit lists about 1,000). */
    static final int PAGES_PER_POLL = 10;
    static final int SEARCH_PAGES_PER_POLL = 3;
    /** What Reddit allows in a comment. */
    public static final int MAX_REPLY = 10_000;

    private final RedditSourceConfig config;
    private final Clock clock;
    private final RedditApi api;
    private final RedditThings things;
    private final RedditReplies replies;

    public RedditSource(RedditSourceConfig config, HttpClient client, Clock clock) {
        this(config, client, clock, HttpLimits.DEFAULT);
    }

    RedditSource(RedditSourceConfig config, HttpClient client, Clock clock, HttpLimits bounds) {
        this.config = config;
        this.clock = clock;
        this.api = new RedditApi(config, client, clock, bounds);
        this.things = new RedditThings(config.name(), config.username());
        this.replies = new RedditReplies(config.name(), config.username(), api);
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public Platform platform() {
        return Platform.REDDIT;
    }

    @Override
    public Fetch fetchSince(Optional<String> stored) throws DeliveryException {
        Instant now = clock.instant();
        Instant floor = now.minus(config.backfill());
        KeywordSearch.Cursor cursor = KeywordSearch.Cursor.parse(stored);
        String[] main = cursor.mainCursor().orElse(";").split(";", -1);
        Position inboxFrom = Position.parse(main[0]);
        Position ownFrom = Position.parse(main.length > 1 ? main[1] : "");

        RedditListings.Read inbox = RedditListings.back(inboxFrom, floor, config.backfillMax(), PAGES_PER_POLL,
                after -> api.get("/message/inbox", Map.of("limit", Integer.toString(RedditListings.PAGE),
                        "after", after == null ? "" : after)));
        List<Message> messages = new ArrayList<>();
        for (JsonNode item : inbox.fresh()) {
            if (!things.byBrand(item)) {
                things.inboxItem(item).ifPresent(messages::add);
            }
        }
        List<Gap> gaps = new ArrayList<>();
        if (inbox.cut()) {
            gaps.add(new Gap(inboxFrom.at(), inbox.oldest(), "Reddit's inbox was read " + PAGES_PER_POLL
                    + " pages back and did not reach the last poll; older messages may be missing"));
        }
        RedditListings.Read own = RedditListings.back(ownFrom, floor, config.backfillMax(), 1,
                after -> api.get("/user/" + config.username() + "/comments", Map.of("sort", "new",
                        "limit", Integer.toString(RedditListings.PAGE), "after", after == null ? "" : after)));
        List<BrandReply> brandReplies = own.fresh().stream().filter(c -> RedditThings.parent(c) != null)
                .map(RedditThings::brandReply).toList();

        Set<String> seen = new HashSet<>();
        messages.forEach(m -> seen.add(m.externalId()));
        Map<String, String> positions = new LinkedHashMap<>();
        for (String keyword : config.keywords()) {
            positions.put(keyword, search(keyword, cursor, floor, seen, messages));
        }
        messages.sort(Comparator.comparing(Message::createdAt));
        if (!messages.isEmpty()) {
            log.info("{}: {} new on Reddit", name(), messages.size());
        }
        String next = inbox.next().format() + ";" + own.next().format();
        return new Fetch(messages, brandReplies, new KeywordSearch.Cursor(next, positions).format(), gaps);
    }

    /** New posts for one keyword in the configured subreddits; returns the keyword's next position. */
    private String search(String keyword, KeywordSearch.Cursor cursor, Instant floor, Set<String> seen,
                          List<Message> into) throws DeliveryException {
        Position from = cursor.position(keyword).map(Position::parse).orElse(null);
        String path = "/r/" + String.join("+", config.subreddits()) + "/search";
        RedditListings.Read read = RedditListings.back(from, floor, config.backfillMax(), SEARCH_PAGES_PER_POLL,
                after -> api.get(path, Map.of("q", KeywordSearch.phrase(keyword), "restrict_sr", "1", "sort", "new",
                        "type", "link", "limit", Integer.toString(RedditListings.PAGE),
                        "after", after == null ? "" : after)));
        for (JsonNode post : read.fresh()) {
            if (!things.byBrand(post) && seen.add(RedditThings.name(post))) {
                into.add(things.keywordPost(post));
            }
        }
        return read.next().format();
    }

    @Override
    public SentReply reply(Message to, String text, String idempotencyKey) throws DeliveryException {
        return replies.send(to, text, idempotencyKey);
    }

    @Override
    public Optional<SentReply> findReply(Message to, String idempotencyKey) throws DeliveryException {
        return replies.find(to, idempotencyKey);
    }

    @Override
    public int maxReplyLength() {
        return MAX_REPLY;
    }
}
