package dev.earshot.source.reddit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.earshot.core.Message;
import dev.earshot.port.DeliveryException;
import dev.earshot.port.DeliveryException.Kind;
import dev.earshot.port.SocialSource.SentReply;
import dev.earshot.source.text.LogSafe;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replies as the brand ({@code POST /api/comment}, threaded under the customer's comment or post),
 * and finds a reply again. Reddit keeps no idempotency key, so a reply whose outcome is unknown is
 * looked up among the brand's own newest comments ({@code /user/<name>/comments}) for one answering
 * the customer's thing; replies this process sent under other keys are left out, so that two
 * replies to one comment are told apart. The Markdown goes as the teammate typed it.
 */
final class RedditReplies {
    private static final Logger log = LoggerFactory.getLogger(RedditReplies.class);
    private static final int REMEMBERED = 1_000;
    /** The look-up reads at most this many pages of the brand's comments. */
    static final int FIND_PAGES = 10;
    private static final Pattern WAIT = Pattern.compile("(\\d{1,4})\\s*(second|minute|hour)", Pattern.CASE_INSENSITIVE);

    private final String name;
    private final String username;
    private final RedditApi api;
    private final Map<String, SentReply> sentByKey = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, SentReply> eldest) {
                    return size() > REMEMBERED;
                }
            });

    RedditReplies(String name, String username, RedditApi api) {
        this.name = name;
        this.username = username;
        this.api = api;
    }

    SentReply send(Message to, String text, String key) throws DeliveryException {
        SentReply known = sentByKey.get(key);
        if (known != null) {
            return known; // sent under this key already: never twice
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("api_type", "json");
        form.put("thing_id", to.externalId());
        form.put("text", text);
        JsonNode json = api.post("/api/comment", form).path("json");
        JsonNode errors = json.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            throw refusal(errors.get(0));
        }
        JsonNode things = json.path("data").path("things");
        if (!things.isArray() || things.isEmpty()) {
            // Reddit took it but shows nothing (a quarantined subreddit does this): look, never send again.
            return find(to, key).orElseThrow(() -> new DeliveryException(Kind.UNCONFIRMED, "Reddit accepted the reply"
                    + " to " + to.externalId() + " but did not show it", null, null));
        }
        JsonNode c = things.get(0).path("data");
        SentReply sent = new SentReply(RedditThings.name(c), RedditThings.permalink(c), RedditThings.created(c));
        sentByKey.put(key, sent);
        return sent;
    }

    /** With a key: the reply sent under it, or one not known to answer another key. With no key: any. */
    Optional<SentReply> find(Message to, String key) throws DeliveryException {
        SentReply known = key == null ? null : sentByKey.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        List<String> others = sentByKey.values().stream().map(SentReply::externalId).toList();
        Instant since = to.createdAt();
        String after = null;
        for (int page = 0; page < FIND_PAGES; page++) {
            JsonNode listing = api.get("/user/" + username + "/comments",
                    Map.of("sort", "new", "limit", Integer.toString(RedditListings.PAGE), "after", after == null ? "" : after));
            for (JsonNode c : RedditThings.children(listing)) {
                if (RedditThings.created(c).isBefore(since)) {
                    return Optional.empty();
                }
                if (to.externalId().equals(RedditThings.parent(c)) && !others.contains(RedditThings.name(c))) {
                    SentReply found = new SentReply(RedditThings.name(c), RedditThings.permalink(c), RedditThings.created(c));
                    if (key != null) {
                        sentByKey.put(key, found);
                    }
                    log.info("{}: the reply to {} was already there as {}", name, LogSafe.clean(to.externalId()),
                            LogSafe.clean(found.externalId()));
                    return Optional.of(found);
                }
            }
            after = RedditThings.after(listing);
            if (after == null) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Reddit's refusals come as 200 with {@code [code, words, field]}; its own rate limit names the wait. */
    private static DeliveryException refusal(JsonNode error) {
        String code = error.path(0).asText("");
        String words = LogSafe.clean(error.path(1).asText(""));
        String what = "Reddit refused the reply: " + code + (words.isEmpty() ? "" : " (" + words + ")");
        if (code.equals("RATELIMIT")) {
            Matcher m = WAIT.matcher(words);
            Duration wait = Duration.ofMinutes(1);
            if (m.find()) {
                long n = Long.parseLong(m.group(1));
                String unit = m.group(2).toLowerCase(java.util.Locale.ROOT);
                wait = unit.startsWith("second") ? Duration.ofSeconds(n) : unit.startsWith("minute")
                        ? Duration.ofMinutes(n) : Duration.ofHours(n);
            }
            return DeliveryException.rateLimited(what, wait);
        }
        if (code.equals("USER_REQUIRED")) {
            return new DeliveryException(Kind.BROKEN, what);
        }
        return new DeliveryException(Kind.REJECTED, what);
    }
}
