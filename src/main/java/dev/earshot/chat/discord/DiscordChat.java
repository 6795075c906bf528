package dev.earshot.chat.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.earshot.core.Card;
import dev.earshot.core.ChatRef;
import dev.earshot.core.Member;
import dev.earshot.port.ChatPlatform;
import dev.earshot.port.DeliveryException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chat port over Discord's REST API. Cards are embeds with buttons ({@link CardMessages});
 * thread posts, channel posts and reports are text. Every message carries allowed mentions
 * {@code parse: []} (only a nudge lists the user ids Earshot chose), a {@code nonce} from its
 * outbox key with {@code enforce_nonce}, and a mark ({@link PostMarks}) that {@link #findPosted}
 * and {@link #hasThreadPost} look for. Text posts suppress link previews (flag 4): a customer's
 * link is never fetched. A card's thread is started from the card on its first thread post.
 */
public final class DiscordChat implements ChatPlatform {
    private static final Logger log = LoggerFactory.getLogger(DiscordChat.class);
    /** Discord allows about 5 messages per 5 s in a channel. */
    static final Duration POST_INTERVAL = Duration.ofSeconds(1);
    /** A message's content limit. */
    static final int CONTENT_MAX = 2_000;
    private static final int PAGE = 100;
    private static final int MAX_PAGES = 5;
    private static final int SUPPRESS_EMBEDS = 4;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DiscordRest rest;

    DiscordChat(DiscordRest rest) {
        this.rest = rest;
    }

    /** The chat for a bot token against a REST base ({@code https://discord.com/api/v10/} or a fake). */
    public static DiscordChat of(dev.earshot.config.DiscordChatConfig config, HttpClient http) {
        return new DiscordChat(new DiscordRest(http, config.apiUrl(), config.token().reveal()));
    }

    /** Who the bot is ({@code GET users/@me}): its user id, which is also its application's id. */
    public String botUserId() throws DeliveryException {
        return rest.get("users/@me").path("id").asText();
    }

    /** Writes the guild's commands, replacing what was there ({@code PUT …/guilds/{guild}/commands}). */
    void putCommands(String applicationId, String guild, ArrayNode commands) throws DeliveryException {
        rest.put("applications/" + applicationId + "/guilds/" + guild + "/commands", commands);
    }

    @Override
    public ChatRef postCard(String channel, Card card, String key) throws DeliveryException {
        JsonNode posted = rest.post(messages(channel), body(CardMessages.card(card, key), key));
        return new DiscordRef(channelOf(posted, channel), posted.path("id").asText(), card.conversationId(), false)
                .toChatRef();
    }

    @Override
    public List<ChatRef> postCards(String channel, List<Card> cards, List<String> keys) throws DeliveryException {
        if (cards.size() == 1) {
            return List.of(postCard(channel, cards.get(0), keys.get(0)));
        }
        JsonNode posted = rest.post(messages(channel), body(CardMessages.group(cards, keys), keys.get(0)));
        String at = channelOf(posted, channel);
        String id = posted.path("id").asText();
        return cards.stream().map(c -> new DiscordRef(at, id, c.conversationId(), true).toChatRef()).toList();
    }

    @Override
    public int maxCardsPerPost() {
        return CardMessages.GROUP_MAX;
    }

    @Override
    public void updateCard(ChatRef ref, Card card) throws DeliveryException {
        DiscordRef at = DiscordRef.of(ref);
        ObjectNode edit = JSON.createObjectNode();
        if (!at.grouped()) {
            JsonNode drawn = json(CardMessages.card(card, "redraw"));
            ((ObjectNode) drawn.path("embeds").path(0)).putObject("footer").put("text", "Earshot #" + card.conversationId());
            edit.set("embeds", drawn.path("embeds"));
            edit.set("components", drawn.path("components"));
        } else {
            // A line of a grouped message: read it, redraw this line and its button, write it back.
            // The dispatcher sends one row at a time, so two lines never race each other here.
            JsonNode message = rest.get(messages(at.channel()) + "/" + at.message());
            GroupedLines.redraw(message, card, edit);
        }
        edit.putObject("allowed_mentions").putArray("parse");
        rest.patch(messages(at.channel()) + "/" + at.message(), edit);
    }

    @Override
    public void postInThread(ChatRef card, String text, List<Member> mention, String key) throws DeliveryException {
        DiscordRef at = DiscordRef.of(card);
        String line = (at.grouped() ? CardMessages.lineStart(at.conversation()) + " · " : "") + DiscordText.escape(text);
        ObjectNode body = text(line, mention, key);
        try {
            rest.post(messages(at.thread()), body);
        } catch (DiscordErrors.Refused e) {
            if (e.code() != DiscordErrors.UNKNOWN_CHANNEL) {
                throw e;
            }
            startThread(at);
            rest.post(messages(at.thread()), body);
        }
    }

    private void startThread(DiscordRef at) throws DeliveryException {
        ObjectNode thread = JSON.createObjectNode()
                .put("name", at.grouped() ? "Earshot: new conversations" : "Earshot #" + at.conversation())
                .put("auto_archive_duration", 10_080);
        try {
            rest.post(messages(at.channel()) + "/" + at.message() + "/threads", thread);
            log.debug("Discord: thread started on message {}", at.message());
        } catch (DiscordErrors.Refused e) {
            if (e.code() != DiscordErrors.THREAD_ALREADY_CREATED) {
                throw e;
            }
        }
    }

    @Override
    public ChatRef postInChannel(String channel, String text, List<Member> mention, String key)
            throws DeliveryException {
        JsonNode posted = rest.post(messages(channel), text(DiscordText.escape(text), mention, key));
        return new DiscordRef(channelOf(posted, channel), posted.path("id").asText()).toChatRef();
    }

    @Override
    public ChatRef postReportText(String channel, String text, String key) throws DeliveryException {
        JsonNode posted = rest.post(messages(channel), text(report(text, key), List.of(), key));
        return new DiscordRef(channelOf(posted, channel), posted.path("id").asText()).toChatRef();
    }

    /** The text as the message, the PNG attached (Discord shows an attached image inside the message). */
    @Override
    public ChatRef postReport(String channel, String text, Image image, String key) throws DeliveryException {
        ObjectNode payload = text(report(text, key), List.of(), key);
        payload.putArray("attachments").addObject().put("id", 0).put("filename", image.fileName())
                .put("description", DiscordText.oneLine(image.title(), 1_000));
        JsonNode posted = rest.postFile(messages(channel), payload, image.fileName(), image.png());
        return new DiscordRef(channelOf(posted, channel), posted.path("id").asText()).toChatRef();
    }

    /** Discord has no message only one person sees outside an interaction: the notice goes as a DM. */
    @Override
    public void notice(String channel, Member member, String text) throws DeliveryException {
        String user = member.chatIds().get("discord");
        if (user == null) {
            log.warn("@{} has no Discord user id in the config; a notice for them was not shown", member.name());
            return;
        }
        String dm = rest.post("users/@me/channels", JSON.createObjectNode().put("recipient_id", user)).path("id").asText();
        ObjectNode body = JSON.createObjectNode().put("content", DiscordText.cut(DiscordText.escape(text), CONTENT_MAX))
                .put("flags", SUPPRESS_EMBEDS);
        body.putObject("allowed_mentions").putArray("parse");
        rest.post(messages(dm), body);
    }

    @Override
    public Optional<ChatRef> findPosted(String channel, String key) throws DeliveryException {
        String before = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            JsonNode list = rest.get(messages(channel) + "?limit=" + PAGE + (before == null ? "" : "&before=" + before));
            if (!list.isArray() || list.isEmpty()) {
                return Optional.empty();
            }
            for (JsonNode m : list) {
                Optional<ChatRef> found = marked(m, channel, key);
                if (found.isPresent()) {
                    return found;
                }
                before = m.path("id").asText();
            }
            if (list.size() < PAGE) {
                break;
            }
        }
        return Optional.empty();
    }

    private static Optional<ChatRef> marked(JsonNode m, String channel, String key) {
        String id = m.path("id").asText();
        for (JsonNode embed : m.path("embeds")) {
            String footer = embed.path("footer").path("text").asText("");
            Optional<Long> line = PostMarks.holds(footer, key);
            if (line.isPresent()) {
                boolean group = footer.startsWith(CardMessages.GROUP_FOOTER);
                return Optional.of(new DiscordRef(channel, id, line.get(), group).toChatRef());
            }
        }
        return PostMarks.holds(m.path("content").asText(""), key).map(x -> new DiscordRef(channel, id).toChatRef());
    }

    @Override
    public boolean hasThreadPost(ChatRef card, String key) throws DeliveryException {
        DiscordRef at = DiscordRef.of(card);
        String before = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            JsonNode list;
            try {
                list = rest.get(messages(at.thread()) + "?limit=" + PAGE + (before == null ? "" : "&before=" + before));
            } catch (DiscordErrors.Refused e) {
                if (e.code() == DiscordErrors.UNKNOWN_CHANNEL) {
                    return false; // no thread yet, so nothing was posted in it
                }
                throw e;
            }
            for (JsonNode m : list) {
                if (PostMarks.holds(m.path("content").asText(""), key).isPresent()) {
                    return true;
                }
                before = m.path("id").asText();
            }
            if (list.size() < PAGE) {
                break;
            }
        }
        return false;
    }

    @Override
    public Duration postInterval() {
        return POST_INTERVAL;
    }

    /** A text post: mentions first, the escaped text, the mark; previews off; only the chosen users pinged. */
    private static ObjectNode text(String escaped, List<Member> mention, String key) {
        String mark = PostMarks.textLine(key);
        String mentions = DiscordText.mentions(mention);
        String content = mentions + DiscordText.cut(escaped, CONTENT_MAX - mentions.length() - mark.length()) + mark;
        ObjectNode body = JSON.createObjectNode().put("content", content).put("flags", SUPPRESS_EMBEDS)
                .put("nonce", PostMarks.nonce(key)).put("enforce_nonce", true);
        ObjectNode allowed = body.putObject("allowed_mentions");
        allowed.putArray("parse");
        ArrayNode users = allowed.putArray("users");
        DiscordText.userIds(mention).forEach(users::add);
        return body;
    }

    /** A report: the title line in bold, the aligned parts in a code block. */
    static String report(String text, String key) {
        String clean = DiscordText.clean(text).replace("```", "ˋˋˋ");
        int newline = clean.indexOf('\n');
        String title = newline < 0 ? clean : clean.substring(0, newline);
        String rest = newline < 0 ? "" : clean.substring(newline + 1).strip();
        String head = "**" + DiscordText.escape(DiscordText.oneLine(title, 200)) + "**";
        int room = CONTENT_MAX - head.length() - PostMarks.textLine(key).length() - 10;
        return rest.isEmpty() ? head : head + "\n```\n" + DiscordText.cut(rest, room) + "\n```";
    }

    private static ObjectNode body(MessageCreateData data, String key) {
        ObjectNode body = (ObjectNode) json(data);
        body.put("nonce", PostMarks.nonce(key)).put("enforce_nonce", true);
        return body;
    }

    private static JsonNode json(MessageCreateData data) {
        try {
            return JSON.readTree(new String(data.toData().toJson(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("JDA wrote JSON that Jackson cannot read", e);
        }
    }

    private static String messages(String channel) {
        return "channels/" + channel + "/messages";
    }

    private static String channelOf(JsonNode posted, String asked) {
        String at = posted.path("channel_id").asText("");
        return at.matches("\\d{1,20}") ? at : asked;
    }
}
