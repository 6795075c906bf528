package dev.earshot.source.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.earshot.core.Message;
import dev.earshot.port.DeliveryException;
import dev.earshot.port.SocialSource.SentReply;
import dev.earshot.source.http.HttpReply;
import dev.earshot.source.http.JsonFields;
import dev.earshot.source.http.JsonHttp;
import dev.earshot.source.http.Pager;
import dev.earshot.source.text.LogSafe;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The brand's replies on Mastodon, and the look-up that settles one whose outcome is unknown. Kept
 * together because the look-up must recognise the text this run sent with each idempotency key,
 * and a late retry must look before it sends.
 */
final class MastodonReplies {
    private static final Logger log = LoggerFactory.getLogger(MastodonReplies.class);
    /** Mastodon keeps an {@code Idempotency-Key} for an hour; past this, a retry looks before it sends. */
    static final Duration KEY_KEPT = Duration.ofMinutes(50);

    private final String name;
    private final JsonHttp http;
    private final String token;
    private final Clock clock;
    private final MastodonAccount account;
    private final MastodonThreads threads;
    /** What was sent with each idempotency key in this run, and when: to recognise our own reply. */
    private final Map<String, Attempt> attempted = Collections.synchronizedMap(new LinkedHashMap<>());

    private record Attempt(String status, Instant firstAt) {
    }

    MastodonReplies(String name, JsonHttp http, String token, Clock clock, MastodonAccount account,
            MastodonThreads threads) {
        this.name = name;
        this.http = http;
        this.token = token;
        this.clock = clock;
        this.account = account;
        this.threads = threads;
    }

    /**
     * Replies under the customer's status: their {@code @acct} first, visibility no wider than theirs,
     * and the idempotency key as {@code Idempotency-Key} (Mastodon answers a repeat within an hour
     * with the first status). The whole status, mention included, is checked against the limit first.
     */
    SentReply send(Message to, String text, String idempotencyKey) throws DeliveryException {
        MastodonAccount.Account me = account.get();
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
            Optional<SentReply> found = find(to, idempotencyKey);
            if (found.isPresent()) {
                return found.get();
            }
        }
        JsonNode posted = http.post("/api/v1/statuses").bearer(token).header("Idempotency-Key", idempotencyKey)
                .form(form).fetch();
        String id = posted.path("id").asText();
        threads.remember(id, to.threadKey());
        return new SentReply(id, JsonFields.text(posted, "url"), StatusMapper.createdAt(posted));
    }

    /**
     * The brand's reply to {@code to} among all its statuses posted after {@code to}: paged forward
     * with {@code min_id} from the customer's status until the list is empty, so a reply behind a
     * backlog is found even after the instance forgot the Idempotency-Key. With a key whose text
     * this run remembers, only a status with that text counts (an answer given from the app is not
     * ours); after a restart any reply by the brand counts, which errs towards never answering twice.
     */
    Optional<SentReply> find(Message to, String idempotencyKey) throws DeliveryException {
        MastodonAccount.Account me = account.get();
        Attempt attempt = idempotencyKey == null ? null : attempted.get(idempotencyKey);
        String sent = attempt == null ? null : attempt.status();
        // Each page yields only the replies that count; the first one ends the reading.
        Pager.Read<JsonNode> read = Pager.read(to.externalId(), Integer.MAX_VALUE, MastodonSource.FIND_REPLY_PAGES,
                s -> true, (minId, got) -> {
                    JsonNode list = http.get("/api/v1/accounts/" + me.id() + "/statuses").bearer(token)
                            .query("limit", Integer.toString(MastodonSource.PAGE)).query("exclude_reblogs", "true")
                            .query("min_id", minId).fetch();
                    List<JsonNode> replies = new ArrayList<>();
                    String newest = minId;
                    if (list.isArray()) {
                        for (JsonNode s : list) {
                            newest = StatusIds.max(newest, s.path("id").asText());
                            if (to.externalId().equals(JsonFields.text(s, "in_reply_to_id")) && (sent == null
                                    || MastodonLength.sameText(StatusHtml.text(JsonFields.text(s, "content")), sent))) {
                                replies.add(s);
                            }
                        }
                    }
                    // An instance that does not page forward: nothing more to read.
                    return new Pager.Page<>(replies, newest.equals(minId) ? null : newest);
                });
        if (read.last() != null) {
            JsonNode s = read.last();
            return Optional.of(new SentReply(s.path("id").asText(), JsonFields.text(s, "url"),
                    StatusMapper.createdAt(s)));
        }
        if (read.more()) {
            log.warn("{}: looked through {} of the brand's statuses after {} for a reply and stopped", name,
                    MastodonSource.FIND_REPLY_PAGES * MastodonSource.PAGE, LogSafe.clean(to.externalId()));
        }
        return Optional.empty();
    }

    /** The reply as it is sent: the customer's handle first, unless the text already starts with it. */
    static String mentioning(String acct, String body) {
        return body.startsWith("@" + acct) ? body : "@" + acct + " " + body;
    }
}
