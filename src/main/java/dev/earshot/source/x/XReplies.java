package dev.earshot.source.x;

import dev.earshot.core.Message;
import dev.earshot.port.DeliveryException;
import dev.earshot.port.DeliveryException.Kind;
import dev.earshot.port.SocialSource.SentReply;
import dev.earshot.source.x.XCursor.Bound;
import dev.earshot.source.text.LogSafe;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import dev.earshot.source.http.Pager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replies as the brand, and finds a reply again. X keeps no idempotency key, so the look-up reads
 * the brand's own posts newer than the customer's for one answering it; the ids this process sent
 * under other keys are left out, so that two replies to one post are told apart (until a restart:
 * see docs/X.md).
 */
final class XReplies {
    private static final Logger log = LoggerFactory.getLogger(XReplies.class);
    private static final int REMEMBERED = 1_000;

    private final String name;
    private final XCalls api;
    private final Clock clock;
    private final int pageSize;
    private final Map<String, String> sentByKey = lru();

    XReplies(String name, XCalls api, Clock clock, int pageSize) {
        this.name = name;
        this.api = api;
        this.clock = clock;
        this.pageSize = pageSize;
    }

    SentReply send(XPage.User me, Message to, String text, String key) throws DeliveryException {
        try {
            String id = api.createReply(text, to.externalId());
            remember(key, id);
            return new SentReply(id, postUrl(me, id), clock.instant());
        } catch (XCalls.Duplicate refused) {
            // X keeps no key, but it refuses the same text twice: the first send probably got through.
            Optional<SentReply> earlier = find(me, to, key);
            if (earlier.isPresent()) {
                log.info("{}: X refused a resend as a duplicate; the reply to {} was already there as {}",
                        name, LogSafe.clean(to.externalId()), LogSafe.clean(earlier.get().externalId()));
                return earlier.get();
            }
            // The timeline lags: the outbox keeps looking (in the store, so a restart does not forget).
            throw new DeliveryException(Kind.UNCONFIRMED, "X says this text was posted already, but no reply to "
                    + to.externalId() + " shows on the brand's timeline yet", null, null);
        }
    }

    /**
     * The brand's reply to {@code to}. With a key: the one sent under it, or one not known to answer
     * another key. With no key: any.
     */
    Optional<SentReply> find(XPage.User me, Message to, String key) throws DeliveryException {
        String known = key == null ? null : sentByKey.get(key);
        List<String> others = key == null ? List.of() : otherReplies(key);
        Map<String, String> since = Bound.after(to.externalId()).query();
        Predicate<XPage.Post> ours = p -> to.externalId().equals(p.repliedTo())
                && (p.id().equals(known) || (known == null && !others.contains(p.id())));
        Pager.Read<XPage.Post> read = Pager.read(null, Integer.MAX_VALUE, Integer.MAX_VALUE, ours, (token, got) -> {
            Map<String, String> query = new HashMap<>(since);
            query.put("max_results", Integer.toString(pageSize));
            query.put("tweet.fields", XSource.TWEET_FIELDS);
            query.put("exclude", "retweets");
            if (token != null) {
                query.put("pagination_token", token);
            }
            XPage page = api.posts(me.id(), query);
            return new Pager.Page<>(page.posts(), page.nextToken());
        });
        XPage.Post p = read.last();
        if (p == null) {
            return Optional.empty();
        }
        Instant at = p.createdAt() != null ? p.createdAt() : XCursor.timeOf(p.id());
        remember(key, p.id());
        return Optional.of(new SentReply(p.id(), postUrl(me, p.id()), at));
    }

    static String postUrl(XPage.User me, String id) {
        return "https://x.com/" + me.username() + "/status/" + id;
    }

    private void remember(String key, String id) {
        if (key != null) {
            sentByKey.put(key, id);
        }
    }

    private List<String> otherReplies(String key) {
        synchronized (sentByKey) {
            return sentByKey.entrySet().stream().filter(e -> !e.getKey().equals(key)).map(Map.Entry::getValue).toList();
        }
    }

    private static Map<String, String> lru() {
        return Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > REMEMBERED;
            }
        });
    }
}
