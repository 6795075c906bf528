package dev.earshot.source.x;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One page of an X API v2 timeline as documented: {@code data} (posts), {@code includes.users}
 * (expanded authors) and {@code meta.next_token}. Only the fields Earshot asks for are read.
 */
record XPage(List<Post> posts, Map<String, User> users, String nextToken) {

    /** A post. Ids stay text: they are 64-bit and X writes them as strings. */
    record Post(String id, String text, String authorId, Instant createdAt, String conversationId,
                String inReplyToUserId, String repliedTo, String quoted, boolean retweet) {
    }

    record User(String id, String username, String name, long followers) {
    }

    static XPage parse(JsonNode body) {
        List<Post> posts = new ArrayList<>();
        for (JsonNode d : body.path("data")) {
            posts.add(post(d));
        }
        Map<String, User> users = new LinkedHashMap<>();
        for (JsonNode u : body.path("includes").path("users")) {
            User user = user(u);
            users.put(user.id(), user);
        }
        String next = body.path("meta").path("next_token").asText(null);
        return new XPage(posts, users, next == null || next.isBlank() ? null : next);
    }

    static Post post(JsonNode d) {
        String repliedTo = null;
        String quoted = null;
        boolean retweet = false;
        for (JsonNode ref : d.path("referenced_tweets")) {
            switch (ref.path("type").asText("")) {
                case "replied_to" -> repliedTo = ref.path("id").asText(null);
                case "quoted" -> quoted = ref.path("id").asText(null);
                case "retweeted" -> retweet = true;
                default -> { }
            }
        }
        return new Post(d.path("id").asText(), unescape(d.path("text").asText("")), d.path("author_id").asText(null),
                instant(d.path("created_at").asText(null)), d.path("conversation_id").asText(null),
                d.path("in_reply_to_user_id").asText(null), repliedTo, quoted, retweet);
    }

    static User user(JsonNode u) {
        return new User(u.path("id").asText(), u.path("username").asText(null), u.path("name").asText(null),
                u.path("public_metrics").path("followers_count").asLong(-1));
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** X escapes {@code &}, {@code <} and {@code >} in post text as HTML entities. */
    static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
