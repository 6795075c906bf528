package dev.earshot.source.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.earshot.core.Author;
import dev.earshot.core.Message;
import dev.earshot.core.MessageKind;
import dev.earshot.core.Platform;
import dev.earshot.port.DeliveryException;
import dev.earshot.port.SocialSource.BrandReply;
import dev.earshot.port.SocialSource.SentReply;
import dev.earshot.source.http.JsonFields;
import dev.earshot.source.http.HttpReply;
import dev.earshot.source.http.JsonHttp;
import dev.earshot.source.text.Clip;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bluesky direct messages, through the PDS with {@code atproto-proxy} naming the chat service:
 * {@code chat.bsky.convo.listConvos} and {@code getMessages} to read, {@code sendMessage} to
 * answer. The app password must have "Allow access to your direct messages" ticked.
 *
 * <p>{@code sendMessage} has no idempotency key. A reply whose outcome is unknown is settled by
 * reading the conversation's recent messages for the brand's message with our text, sent at or
 * after the first attempt.
 */
final class BlueskyDms {
    static final String PROXY = "did:web:api.bsky.chat#bsky_chat";
    static final String THREAD_PREFIX = "convo:";
    static final int CONVOS_PAGE = 100;
    static final int CONVO_PAGES = 5;
    static final int MESSAGES_PAGE = 100;

    private final String source;
    private final JsonHttp http;
    private final BlueskySession session;
    private final Clock clock;
    /** What each idempotency key sent in this run, and when first: to recognise our own message. */
    private final Map<String, Attempt> attempted = Collections.synchronizedMap(new LinkedHashMap<>());

    private record Attempt(String text, Instant firstAt) {
    }

    /** What one read found, oldest first; {@code newest} is the newest {@code sentAt} seen, or null. */
    record Read(List<Message> messages, List<BrandReply> brandReplies, Instant newest) {
    }

    BlueskyDms(String source, JsonHttp http, BlueskySession session, Clock clock) {
        this.source = source;
        this.http = http;
        this.session = session;
        this.clock = clock;
    }

    static boolean isDm(Message m) {
        return m.threadKey() != null && m.threadKey().startsWith(THREAD_PREFIX);
    }

    /**
     * Messages sent at or after {@code since} (the newest one seen before, read again and dropped
     * by the store as a duplicate), in conversations whose last message is that new.
     */
    Read since(Instant since, int max, String brand, Map<String, Long> followers) throws DeliveryException {
        List<JsonNode> convos = new ArrayList<>();
        String page = null;
        for (int pages = 0; pages < CONVO_PAGES; pages++) {
            String cursor = page;
            JsonNode body = read(token -> http.get("/xrpc/chat.bsky.convo.listConvos").bearer(token)
                    .header("atproto-proxy", PROXY).query("limit", Integer.toString(CONVOS_PAGE))
                    .query("cursor", cursor).send());
            boolean older = false;
            for (JsonNode c : body.path("convos")) {
                Instant last = JsonFields.instant(c.path("lastMessage"), "sentAt").orElse(null);
                if (last == null || last.isBefore(since)) {
                    older = true; // listConvos is newest first
                    continue;
                }
                convos.add(c);
            }
            page = JsonFields.text(body, "cursor");
            if (older || page == null || page.isEmpty()) {
                break;
            }
        }
        List<Message> messages = new ArrayList<>();
        List<BrandReply> brandReplies = new ArrayList<>();
        Instant newest = null;
        for (JsonNode convo : convos) {
            String convoId = convo.path("id").asText();
            Map<String, JsonNode> members = new HashMap<>();
            convo.path("members").forEach(m -> members.put(m.path("did").asText(), m));
            List<JsonNode> fresh = new ArrayList<>();
            JsonNode body = read(token -> http.get("/xrpc/chat.bsky.convo.getMessages").bearer(token)
                    .header("atproto-proxy", PROXY).query("convoId", convoId)
                    .query("limit", Integer.toString(MESSAGES_PAGE)).send());
            for (JsonNode m : body.path("messages")) {
                Instant at = JsonFields.instant(m, "sentAt").orElse(Instant.EPOCH);
                if (!at.isBefore(since) && m.hasNonNull("text")) {
                    fresh.add(m);
                }
            }
            fresh.sort(Comparator.comparing(m -> JsonFields.instant(m, "sentAt").orElse(Instant.EPOCH)));
            String lastCustomer = null;
            for (JsonNode m : fresh) {
                Instant at = JsonFields.instant(m, "sentAt").orElse(Instant.EPOCH);
                newest = newest == null || at.isAfter(newest) ? at : newest;
                String sender = m.path("sender").path("did").asText();
                String id = m.path("id").asText();
                if (brand.equals(sender)) {
                    if (lastCustomer != null) {
                        brandReplies.add(new BrandReply(id, lastCustomer, m.path("text").asText(""), at));
                    }
                    continue;
                }
                if (messages.size() >= max) {
                    continue;
                }
                lastCustomer = id;
                JsonNode who = members.getOrDefault(sender, JsonNodeFactory.instance.objectNode());
                String handle = who.path("handle").asText(sender);
                Author author = new Author(Platform.BLUESKY, handle, JsonFields.text(who, "displayName"),
                        followers.getOrDefault(sender, -1L), "https://bsky.app/profile/" + handle, sender);
                messages.add(new Message(Platform.BLUESKY, source, id, author, Clip.text(m.path("text").asText("")),
                        "https://bsky.app/messages/" + convoId, at, MessageKind.DM, null, THREAD_PREFIX + convoId));
            }
        }
        messages.sort(Comparator.comparing(Message::createdAt));
        return new Read(messages, brandReplies, newest);
    }

    /** Sends {@code text} into the customer's conversation; a retry first looks whether the first attempt got through. */
    SentReply send(Message to, String text, String idempotencyKey, String brand) throws DeliveryException {
        String convoId = to.threadKey().substring(THREAD_PREFIX.length());
        Attempt earlier = attempted.putIfAbsent(idempotencyKey, new Attempt(text, clock.instant()));
        if (earlier != null) {
            Optional<SentReply> found = find(to, idempotencyKey, brand);
            if (found.isPresent()) {
                return found.get();
            }
        }
        ObjectNode input = JsonNodeFactory.instance.objectNode();
        input.put("convoId", convoId);
        input.putObject("message").put("text", text);
        HttpReply sent = session.send(token -> http.post("/xrpc/chat.bsky.convo.sendMessage").bearer(token)
                .header("atproto-proxy", PROXY).json(input).send());
        JsonNode view = sent.orThrow();
        return new SentReply(view.path("id").asText(), "https://bsky.app/messages/" + convoId,
                JsonFields.instant(view, "sentAt").orElse(clock.instant()));
    }

    /**
     * The brand's message in the conversation answering {@code to}: with a key this run
     * remembers, one with that text sent at or after the first attempt; otherwise (a null key, or
     * after a restart) any message by the brand after the customer's, which errs towards never
     * answering twice.
     */
    Optional<SentReply> find(Message to, String idempotencyKey, String brand) throws DeliveryException {
        String convoId = to.threadKey().substring(THREAD_PREFIX.length());
        Attempt attempt = idempotencyKey == null ? null : attempted.get(idempotencyKey);
        JsonNode body = read(token -> http.get("/xrpc/chat.bsky.convo.getMessages").bearer(token)
                .header("atproto-proxy", PROXY).query("convoId", convoId).query("limit", "50").send());
        for (JsonNode m : body.path("messages")) {
            Instant at = JsonFields.instant(m, "sentAt").orElse(Instant.EPOCH);
            if (!brand.equals(m.path("sender").path("did").asText()) || at.isBefore(to.createdAt())) {
                continue;
            }
            if (attempt != null && (!attempt.text().equals(m.path("text").asText())
                    || at.isBefore(attempt.firstAt().minusSeconds(5)))) {
                continue;
            }
            return Optional.of(new SentReply(m.path("id").asText(), "https://bsky.app/messages/" + convoId, at));
        }
        return Optional.empty();
    }

    /** A refused DM read says what to tick: the likeliest cause is an app password without DM access. */
    private JsonNode read(BlueskySession.Call call) throws DeliveryException {
        HttpReply reply = session.send(call);
        if (reply.ok()) {
            return reply.body();
        }
        if (reply.status() == 400 || reply.status() == 401 || reply.status() == 403) {
            throw new DeliveryException(DeliveryException.Kind.BROKEN, "Bluesky refused to read direct messages ("
                    + reply.status() + " " + reply.errorText() + "); the app password needs \"Allow access to your"
                    + " direct messages\", or set directMessages: false");
        }
        throw reply.failure();
    }
}
