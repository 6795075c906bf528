package dev.earshot.source.feed;

import com.rometools.rome.feed.synd.SyndEntry;
import dev.earshot.config.FeedSourceConfig;
import dev.earshot.core.Message;
import dev.earshot.core.Platform;
import dev.earshot.port.DeliveryException;
import dev.earshot.port.DeliveryException.Kind;
import dev.earshot.port.SocialSource;
import dev.earshot.source.http.HttpLimits;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An RSS or Atom feed as a read-only source. A poll reads the feed (conditionally: a 304 costs
 * nothing) unless the feed asked to be left alone for longer than {@code pollEvery}; every entry
 * whose key the cursor has not seen is a new customer message. On first start only the backfill
 * window is read, at most {@code backfillMax} entries. When none of the entries was seen before,
 * the feed may have moved on by more than it shows: the team is told of the gap once.
 */
public final class FeedSource implements SocialSource {
    private static final Logger log = LoggerFactory.getLogger(FeedSource.class);

    private final FeedSourceConfig config;
    private final Clock clock;
    private final FeedReader reader;
    private final FeedEntries entries;
    /** A 429's wait: nothing is asked of the feed before it ends. */
    private volatile Instant blockedUntil = Instant.MIN;

    public FeedSource(FeedSourceConfig config, HttpClient client, Clock clock) {
        this(config, client, clock, HttpLimits.DEFAULT);
    }

    FeedSource(FeedSourceConfig config, HttpClient client, Clock clock, HttpLimits bounds) {
        this.config = config;
        this.clock = clock;
        this.reader = new FeedReader(config.url(), client, bounds);
        this.entries = new FeedEntries(config.name(), config.ownAuthors());
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public Platform platform() {
        return Platform.FEED;
    }

    @Override
    public Fetch fetchSince(Optional<String> stored) throws DeliveryException {
        Instant now = clock.instant();
        if (now.isBefore(blockedUntil)) {
            throw DeliveryException.rateLimited("feed " + name() + " asked to wait until " + blockedUntil
                    + "; not calling it", Duration.between(now, blockedUntil));
        }
        FeedCursor cursor = FeedCursor.parse(stored);
        if (cursor.notBefore() != null && now.isBefore(cursor.notBefore())) {
            return new Fetch(List.of(), cursor.format()); // the feed's max-age or ttl is longer than pollEvery
        }
        FeedReader.Read read;
        try {
            read = reader.read(cursor, now);
        } catch (DeliveryException e) {
            if (e.kind() == Kind.RATE_LIMITED && e.retryAfter().isPresent()) {
                blockedUntil = now.plus(e.retryAfter().get());
            }
            throw e;
        }
        Instant notBefore = read.hint().compareTo(config.pollEvery()) > 0 ? now.plus(read.hint()) : null;
        if (read.notModified()) {
            return new Fetch(List.of(), new FeedCursor(read.etag(), read.lastModified(), notBefore, cursor.at(),
                    cursor.seen()).format());
        }
        Map<String, FeedEntries.Mapped> all = new LinkedHashMap<>();
        List<String> brand = new ArrayList<>();
        for (SyndEntry e : read.feed().getEntries()) {
            FeedEntries.Mapped m = entries.map(e, now);
            if (entries.byBrand(e)) {
                brand.add(seenKey(m.key()));
            } else {
                all.putIfAbsent(seenKey(m.key()), m);
            }
        }
        Set<String> seen = cursor.seenSet();
        List<Message> fresh = cursor.firstStart() ? backfill(all, now)
                : all.entrySet().stream().filter(e -> !seen.contains(e.getKey())).map(e -> e.getValue().message())
                        .toList();
        List<Gap> gaps = new ArrayList<>();
        if (!cursor.firstStart() && !seen.isEmpty() && !all.isEmpty() && all.keySet().stream().noneMatch(seen::contains)) {
            Instant oldest = all.values().stream().map(FeedEntries.Mapped::at).filter(Objects::nonNull)
                    .min(Comparator.naturalOrder()).orElse(now);
            gaps.add(new Gap(cursor.at(), oldest.isBefore(cursor.at()) ? cursor.at() : oldest, "the feed holds only its"
                    + " newest " + all.size() + " entries and none of them was seen before; entries in between may be"
                    + " missing: look on the site"));
        }
        Set<String> keep = new LinkedHashSet<>(all.keySet());
        keep.addAll(brand);
        keep.addAll(cursor.seen());
        List<Message> sorted = fresh.stream().sorted(Comparator.comparing(Message::createdAt)).toList();
        if (!sorted.isEmpty()) {
            log.info("{}: {} new entries in the feed", name(), sorted.size());
        }
        return new Fetch(sorted, List.of(), new FeedCursor(read.etag(), read.lastModified(), notBefore, now,
                List.copyOf(keep)).format(), gaps);
    }

    /** First start: the newest entries within the window, at most {@code backfillMax}. */
    private List<Message> backfill(Map<String, FeedEntries.Mapped> all, Instant now) {
        Instant from = now.minus(config.backfill());
        List<Message> within = all.values().stream().filter(m -> m.at() == null || !m.at().isBefore(from))
                .map(FeedEntries.Mapped::message).sorted(Comparator.comparing(Message::createdAt).reversed())
                .limit(config.backfillMax()).toList();
        log.info("{}: first start, {} of the feed's {} entries are from the last {} (at most {})", name(),
                within.size(), all.size(), config.backfill(), config.backfillMax());
        return within;
    }

    /** What the cursor keeps of a key: its hash, short whatever the key. */
    private static String seenKey(String key) {
        return FeedEntries.hash(key);
    }

    /** A feed has no way to answer: the team answers on the site and presses "Answered there". */
    @Override
    public SentReply reply(Message to, String text, String idempotencyKey) throws DeliveryException {
        throw new DeliveryException(Kind.REJECTED, "a feed cannot be answered through Earshot: answer on the site ("
                + to.url() + ") and mark it Answered there");
    }

    @Override
    public Optional<SentReply> findReply(Message to, String idempotencyKey) {
        return Optional.empty();
    }

    @Override
    public int maxReplyLength() {
        return 0;
    }
}
