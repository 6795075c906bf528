package dev.earshot.source.reddit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.earshot.core.Author;
import dev.earshot.core.Message;
import dev.earshot.core.MessageKind;
import dev.earshot.core.Platform;
import dev.earshot.port.SocialSource.BrandReply;
import dev.earshot.source.text.Clip;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reddit's things as Earshot sees them. An inbox item (a comment: {@code t1_…}) is a mention or a
 * reply, threaded by its post ({@code t3_…}, read from its {@code context} path); a post found by
 * a keyword search starts its own thread. Texts are Markdown, kept as written. Things by the brand
 * are never customers'.
 */
final class RedditThings {
    static final String SITE = "https://www.reddit.com";
    private static final Pattern POST = Pattern.compile("/comments/([a-z0-9]{1,16})/", Pattern.CASE_INSENSITIVE);

    private final String account;
    private final String brand;

    RedditThings(String account, String brand) {
        this.account = account;
        this.brand = brand.toLowerCase(Locale.ROOT);
    }

    /** The {@code data} of each child of a listing, in Reddit's order (newest first). */
    static List<JsonNode> children(JsonNode listing) {
        List<JsonNode> out = new ArrayList<>();
        listing.path("data").path("children").forEach(c -> out.add(withKind(c)));
        return out;
    }

    private static JsonNode withKind(JsonNode child) {
        JsonNode data = child.path("data");
        if (data.isObject() && !data.has("name") && data.has("id")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) data).put("name", child.path("kind").asText() + "_"
                    + data.path("id").asText());
        }
        return data;
    }

    static String after(JsonNode listing) {
        JsonNode a = listing.path("data").path("after");
        return a.isTextual() && !a.asText().isBlank() ? a.asText() : null;
    }

    static Instant created(JsonNode thing) {
        return Instant.ofEpochSecond(thing.path("created_utc").asLong(0));
    }

    static String name(JsonNode thing) {
        return thing.path("name").asText("");
    }

    boolean byBrand(JsonNode thing) {
        return thing.path("author").asText("").toLowerCase(Locale.ROOT).equals(brand);
    }

    /** An inbox item, when it is a comment (mention, comment reply, post reply); private messages are not read. */
    Optional<Message> inboxItem(JsonNode item) {
        if (!name(item).startsWith("t1_") || !item.path("was_comment").asBoolean(true)) {
            return Optional.empty();
        }
        String context = item.path("context").asText("");
        Matcher post = POST.matcher(context);
        String thread = post.find() ? "t3_" + post.group(1) : name(item);
        MessageKind kind = "username_mention".equals(item.path("type").asText()) ? MessageKind.MENTION
                : MessageKind.REPLY;
        String url = context.startsWith("/") ? SITE + context : "";
        return Optional.of(new Message(Platform.REDDIT, account, name(item), author(item),
                Clip.text(item.path("body").asText("")), url, created(item), kind, parent(item), thread));
    }

    /** A post a keyword search found. */
    Message keywordPost(JsonNode post) {
        String title = post.path("title").asText("");
        String body = post.path("selftext").asText("");
        String text = body.isBlank() ? title : title + "\n\n" + body;
        String permalink = post.path("permalink").asText("");
        return new Message(Platform.REDDIT, account, name(post), author(post), Clip.text(text),
                permalink.startsWith("/") ? SITE + permalink : "", created(post), MessageKind.KEYWORD, null, name(post));
    }

    /** One of the brand's own comments, as an answer to what it replies to. */
    static BrandReply brandReply(JsonNode comment) {
        return new BrandReply(name(comment), parent(comment), comment.path("body").asText(""), created(comment));
    }

    static String parent(JsonNode thing) {
        JsonNode p = thing.path("parent_id");
        return p.isTextual() && !p.asText().isBlank() ? p.asText() : null;
    }

    static String permalink(JsonNode thing) {
        String p = thing.path("permalink").asText("");
        return p.startsWith("/") ? SITE + p : p;
    }

    private static Author author(JsonNode thing) {
        String name = thing.path("author").asText("");
        if (name.isBlank()) {
            name = "[deleted]";
        }
        String profile = name.startsWith("[") ? "" : SITE + "/user/" + name;
        return new Author(Platform.REDDIT, name, "u/" + name, -1, profile);
    }
}
