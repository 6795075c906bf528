package dev.earshot.chat.slack;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The mark on every message Earshot posts: Slack message metadata
 * {@code {"event_type":"earshot_post","event_payload":{"key":…}}}, so that after a crash a post
 * whose outcome is unknown can be found again by its outbox key. A grouped message also lists
 * its lines as {@code "group":"12:key12,13:key13"}. A file (a report's image) carries no
 * metadata, so its mark goes into the file's name instead ({@link #inFileName}).
 */
final class PostMarks {
    static final String EVENT_TYPE = "earshot_post";

    private PostMarks() {
    }

    static String single(String key) {
        return mark(key).toString();
    }

    static String group(List<Long> conversationIds, List<String> keys) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            lines.append(i == 0 ? "" : ",").append(conversationIds.get(i)).append(':').append(keys.get(i));
        }
        ObjectNode mark = mark(keys.get(0));
        ((ObjectNode) mark.get("event_payload")).put("group", lines.toString());
        return mark.toString();
    }

    private static ObjectNode mark(String key) {
        ObjectNode mark = JsonNodeFactory.instance.objectNode().put("event_type", EVENT_TYPE);
        mark.putObject("event_payload").put("key", key);
        return mark;
    }

    /**
     * Whether a message with this metadata holds {@code key}: empty if not, 0 for the message
     * itself, the conversation id for a line of a grouped message.
     */
    static Optional<Long> holds(String eventType, Map<String, Object> payload, String key) {
        if (!EVENT_TYPE.equals(eventType) || payload == null) {
            return Optional.empty();
        }
        if (key.equals(String.valueOf(payload.get("key"))) && payload.get("group") == null) {
            return Optional.of(0L);
        }
        Object group = payload.get("group");
        if (group != null) {
            for (String line : group.toString().split(",")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(colon + 1).equals(key)) {
                    return Optional.of(Long.parseLong(line.substring(0, colon)));
                }
            }
        }
        return Optional.empty();
    }

    /** The mark a report's file name carries: {@code earshot-<key>}, cleaned to letters, digits and dashes. */
    static String inFileName(String key) {
        return "earshot-" + key.replaceAll("[^A-Za-z0-9-]", "");
    }
}
