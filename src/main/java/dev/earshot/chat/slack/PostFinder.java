package dev.earshot.chat.slack;

import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.model.Message;
import dev.earshot.core.ChatRef;
import dev.earshot.port.DeliveryException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Finds a post again by its mark (recipe step 2: exactly once). After a crash between sending and
 * recording, the dispatcher asks whether a row's post reached Slack before any resend: the
 * channel's last {@link #LOOKBACK} of history is searched for the key in message metadata or in a
 * report file's name, a card's thread for the key of a thread post. Reads at most
 * {@link #MAX_PAGES} pages.
 */
final class PostFinder {
    /** How far back a post whose outcome is unknown is looked for. */
    static final Duration LOOKBACK = Duration.ofHours(24);
    private static final int PAGE = 200;
    private static final int MAX_PAGES = 5;

    private final SlackWebApi api;

    PostFinder(SlackWebApi api) {
        this.api = api;
    }

    Optional<ChatRef> findPosted(String channel, String key) throws DeliveryException {
        String oldest = ts(api.clock().instant().minus(LOOKBACK).getEpochSecond());
        String cursor = null;
        String marker = PostMarks.inFileName(key);
        for (int page = 0; page < MAX_PAGES; page++) {
            String from = cursor;
            ConversationsHistoryResponse r = api.call("conversations.history", c -> c.conversationsHistory(q -> q
                    .channel(channel).oldest(oldest).limit(PAGE).includeAllMetadata(true).cursor(from)));
            for (Message m : r.getMessages() == null ? List.<Message>of() : r.getMessages()) {
                if (m.getMetadata() != null) {
                    Optional<Long> row = PostMarks.holds(m.getMetadata().getEventType(),
                            m.getMetadata().getEventPayload(), key);
                    if (row.isPresent()) {
                        return Optional.of(new SlackRef(channel, m.getTs(), row.get()).toChatRef());
                    }
                }
                if (m.getFiles() != null && m.getFiles().stream().anyMatch(f -> f.getName() != null
                        && f.getName().contains(marker))) {
                    return Optional.of(new SlackRef(channel, m.getTs()).toChatRef());
                }
            }
            cursor = r.getResponseMetadata() == null ? null : r.getResponseMetadata().getNextCursor();
            if (cursor == null || cursor.isBlank()) {
                break;
            }
        }
        return Optional.empty();
    }

    boolean hasThreadPost(ChatRef card, String key) throws DeliveryException {
        SlackRef at = SlackRef.of(card);
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            String from = cursor;
            var r = api.call("conversations.replies", c -> c.conversationsReplies(q -> q.channel(at.channel())
                    .ts(at.ts()).limit(PAGE).includeAllMetadata(true).cursor(from)));
            for (Message m : r.getMessages() == null ? List.<Message>of() : r.getMessages()) {
                if (m.getMetadata() != null && PostMarks.holds(m.getMetadata().getEventType(),
                        m.getMetadata().getEventPayload(), key).filter(row -> row == 0).isPresent()) {
                    return true;
                }
            }
            cursor = r.getResponseMetadata() == null ? null : r.getResponseMetadata().getNextCursor();
            if (cursor == null || cursor.isBlank()) {
                break;
            }
        }
        return false;
    }

    private static String ts(long epochSecond) {
        return epochSecond + ".000000";
    }
}
