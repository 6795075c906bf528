package dev.earshot.source.x;

import com.fasterxml.jackson.databind.JsonNode;
import dev.earshot.core.Author;
import dev.earshot.core.Message;
import dev.earshot.core.MessageKind;
import dev.earshot.core.Platform;
import dev.earshot.port.DeliveryException;
import dev.earshot.port.SocialSource.BrandReply;
import dev.earshot.port.SocialSource.Gap;
import dev.earshot.port.SocialSource.SentReply;
import dev.earshot.source.text.Clip;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
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
 * X direct messages (opt-in: they need the app's Direct Messages permission, and X bills each
 * event read): {@code GET /2/dm_events} to read, {@code POST /2/dm_conversations/:id/messages} to
 * answer. X has no idempotency key here either: a send whose outcome is unknown is settled by
 * reading the conversation's newest events for the brand's message with our text.
 */
final class XDms {
    private static final Logger log = LoggerFactory.getLogger(XDms.class);
    static final String THREAD_PREFIX = "dm:";
    static final String FIELDS = "id,event_type,text,sender_id,dm_conversation_id,created_at";
    static final int PAGES_PER_POLL = 5;

    private final String source;
    private final XCalls api;
    private final Clock clock;
    private final int pageSize;
    private final Map<String, Attempt> attempted = Collections.synchronizedMap(new LinkedHashMap<>());

    private record Attempt(String text, Instant firstAt) {
    }

    record Event(String id, String text, String senderId, String conversationId, Instant createdAt) {
    }

    /**
     * What one read found, oldest first; {@code newestId} is the newest event id seen, or null;
     * {@code gap} the stretch left unread when the page cap ended the read, or null.
     */
    record Read(List<Message> messages, List<BrandReply> brandReplies, String newestId, Gap gap) {
    }

    XDms(String source, XCalls api, Clock clock, int pageSize) {
        this.source = source;
        this.api = api;
        this.clock = clock;
        this.pageSize = pageSize;
    }

    static boolean isDm(Message m) {
        return m.threadKey() != null && m.threadKey().startsWith(THREAD_PREFIX);
    }

    /** Events newer than {@code afterId}; on first start (null) those since {@code from}, at most {@code max}. */
    Read since(String afterId, Instant from, int max, XPage.User me) throws DeliveryException {
        Map<String, XPage.User> users = new HashMap<>();
        boolean first = afterId == null;
        Predicate<Event> old = e -> first ? e.createdAt().isBefore(from) : XCursor.compareIds(e.id(), afterId) <= 0;
        int size = Math.max(1, Math.min(100, pageSize));
        Pager.Read<Event> read = Pager.read(null, first ? max : Integer.MAX_VALUE, PAGES_PER_POLL, old, (token, got) -> {
            Map<String, String> query = new HashMap<>();
            query.put("event_types", "MessageCreate");
            query.put("dm_event.fields", FIELDS);
            query.put("expansions", "sender_id");
            query.put("user.fields", XSource.USER_FIELDS);
            query.put("max_results", Integer.toString(size));
            if (token != null) {
                query.put("pagination_token", token);
            }
            JsonNode body = api.dmEvents(query);
            for (JsonNode u : body.path("includes").path("users")) {
                XPage.User user = XPage.user(u);
                users.put(user.id(), user);
            }
            List<Event> page = new ArrayList<>();
            body.path("data").forEach(d -> page.add(event(d)));
            return new Pager.Page<>(page, body.path("meta").path("next_token").asText(null));
        });
        // Even an event too old to ingest moves the position: it is never read (nor billed) again.
        String newest = afterId;
        for (Event e : read.items()) {
            newest = newest == null || XCursor.compareIds(e.id(), newest) > 0 ? e.id() : newest;
        }
        List<Event> events = new ArrayList<>(read.items().stream().filter(old.negate()).toList());
        events.sort(Comparator.comparing(Event::id, XCursor::compareIds));
        Gap gap = null;
        // On first start, reading at most max is the bounded backfill, not a gap.
        if (read.more() && !(first && read.items().size() >= max)) {
            Instant since = first ? from : XCursor.timeOf(afterId);
            Instant oldest = events.isEmpty() ? clock.instant() : events.get(0).createdAt();
            String why = "more than " + PAGES_PER_POLL * size
                    + " direct messages arrived since the last poll; the oldest of them were not read.";
            log.warn("{}: {} Direct messages from {} to {} may be missing.", source, why, since, oldest);
            gap = new Gap(since, oldest, why);
        }
        List<Message> messages = new ArrayList<>();
        List<BrandReply> brandReplies = new ArrayList<>();
        Map<String, String> lastCustomer = new HashMap<>();
        for (Event e : events) {
            if (me.id().equals(e.senderId())) {
                String answered = lastCustomer.get(e.conversationId());
                if (answered != null) {
                    brandReplies.add(new BrandReply(e.id(), answered, e.text(), e.createdAt()));
                }
                continue;
            }
            lastCustomer.put(e.conversationId(), e.id());
            XPage.User u = users.get(e.senderId());
            String handle = u != null && u.username() != null ? u.username() : "i/user/" + e.senderId();
            Author author = new Author(Platform.X, handle, u == null ? null : u.name(), u == null ? -1 : u.followers(),
                    "https://x.com/" + handle, e.senderId());
            messages.add(new Message(Platform.X, source, e.id(), author, Clip.text(e.text()),
                    "https://x.com/messages/" + e.conversationId(), e.createdAt(), MessageKind.DM, null,
                    THREAD_PREFIX + e.conversationId()));
        }
        return new Read(messages, brandReplies, newest, gap);
    }

    SentReply send(Message to, String text, String idempotencyKey, XPage.User me) throws DeliveryException {
        String conversation = to.threadKey().substring(THREAD_PREFIX.length());
        Attempt earlier = attempted.putIfAbsent(idempotencyKey, new Attempt(text, clock.instant()));
        if (earlier != null) {
            Optional<SentReply> found = find(to, idempotencyKey, me);
            if (found.isPresent()) {
                return found.get();
            }
        }
        String id = api.sendDm(conversation, text);
        return new SentReply(id, "https://x.com/messages/" + conversation, clock.instant());
    }

    /**
     * The brand's message answering {@code to}: with a key this run remembers, one with that text
     * sent since the first attempt; otherwise any message by the brand after the customer's.
     */
    Optional<SentReply> find(Message to, String idempotencyKey, XPage.User me) throws DeliveryException {
        String conversation = to.threadKey().substring(THREAD_PREFIX.length());
        Attempt attempt = idempotencyKey == null ? null : attempted.get(idempotencyKey);
        JsonNode body = api.dmConversation(conversation, Map.of("event_types", "MessageCreate",
                "dm_event.fields", FIELDS, "max_results", "50"));
        for (JsonNode d : body.path("data")) {
            Event e = event(d);
            if (!me.id().equals(e.senderId()) || XCursor.compareIds(e.id(), to.externalId()) <= 0) {
                continue;
            }
            if (attempt != null && (!attempt.text().equals(e.text())
                    || e.createdAt().isBefore(attempt.firstAt().minusSeconds(5)))) {
                continue;
            }
            return Optional.of(new SentReply(e.id(), "https://x.com/messages/" + conversation, e.createdAt()));
        }
        return Optional.empty();
    }

    private static Event event(JsonNode d) {
        String id = d.path("id").asText();
        Instant at;
        try {
            at = Instant.parse(d.path("created_at").asText());
        } catch (DateTimeParseException e) {
            at = XCursor.timeOf(id);
        }
        return new Event(id, XPage.unescape(d.path("text").asText("")), d.path("sender_id").asText(null),
                d.path("dm_conversation_id").asText(), at);
    }
}
