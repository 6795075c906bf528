package dev.earshot.chat.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.google.gson.Gson;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.files.FilesCompleteUploadExternalResponse;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import com.slack.api.model.File;
import com.slack.api.model.Message;
import com.slack.api.util.json.GsonFactory;
import dev.earshot.core.Card;
import dev.earshot.core.ChatRef;
import dev.earshot.core.Member;
import dev.earshot.port.ChatPlatform;
import dev.earshot.port.DeliveryException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chat port over Slack's Web API. Every message it posts is marked with its outbox key (see
 * {@link PostMarks}) and posted with {@code unfurl_links} and {@code unfurl_media} off and
 * {@code link_names} off: a customer's link is never fetched, and only our own {@code <@U…>}
 * mentions ping. Slack's answers become {@link DeliveryException}s through {@link SlackErrors}.
 */
public final class SlackChat implements ChatPlatform {
    private static final Logger log = LoggerFactory.getLogger(SlackChat.class);
    /** Slack allows about one post a second per channel. */
    static final Duration POST_INTERVAL = Duration.ofSeconds(1);
    /** How far back a post whose outcome is unknown is looked for. */
    static final Duration LOOKBACK = Duration.ofHours(24);
    private static final int PAGE = 200;
    private static final int MAX_PAGES = 5;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Gson GSON = GsonFactory.createSnakeCase();

    private final MethodsClient methods;
    private final Clock clock;

    /** Who the bot is, from {@code auth.test}. */
    public record Identity(String teamId, String botUserId, String team) {
    }

    public SlackChat(MethodsClient methods, Clock clock) {
        this.methods = methods;
        this.clock = clock;
    }

    /** The chat for a config: the bot token against the configured Web API base. */
    public static SlackChat of(dev.earshot.config.SlackChatConfig config, Clock clock) {
        return new SlackChat(SlackClients.slack(config.apiUrl()).methods(config.botToken().reveal()), clock);
    }

    /** Asks Slack who the bot token belongs to; the team id decides who may act (no Slack Connect guests). */
    public Identity identify() throws DeliveryException {
        AuthTestResponse r = call("auth.test", () -> methods.authTest(q -> q));
        return new Identity(r.getTeamId(), r.getUserId(), r.getTeam());
    }

    @Override
    public ChatRef postCard(String channel, Card card, String key) throws DeliveryException {
        ChatPostMessageResponse r = call("chat.postMessage", () -> methods.chatPostMessage(q -> q
                .channel(channel).text(CardBlocks.fallback(card)).blocksAsString(CardBlocks.card(card).toString())
                .metadataAsString(PostMarks.single(key)).unfurlLinks(false).unfurlMedia(false).linkNames(false)));
        return new SlackRef(channelOf(r, channel), r.getTs()).toChatRef();
    }

    @Override
    public List<ChatRef> postCards(String channel, List<Card> cards, List<String> keys) throws DeliveryException {
        if (cards.size() == 1) {
            return List.of(postCard(channel, cards.get(0), keys.get(0)));
        }
        List<Long> ids = cards.stream().map(Card::conversationId).toList();
        ChatPostMessageResponse r = call("chat.postMessage", () -> methods.chatPostMessage(q -> q
                .channel(channel).text(CardBlocks.groupFallback(cards)).blocksAsString(CardBlocks.group(cards).toString())
                .metadataAsString(PostMarks.group(ids, keys)).unfurlLinks(false).unfurlMedia(false).linkNames(false)));
        String posted = channelOf(r, channel);
        return ids.stream().map(id -> new SlackRef(posted, r.getTs(), id).toChatRef()).toList();
    }

    @Override
    public int maxCardsPerPost() {
        return CardBlocks.ROWS_MAX;
    }

    @Override
    public void updateCard(ChatRef ref, Card card) throws DeliveryException {
        SlackRef at = SlackRef.of(ref);
        if (!at.grouped()) {
            call("chat.update", () -> methods.chatUpdate(q -> q.channel(at.channel()).ts(at.ts())
                    .parse("none").linkNames(false)
                    .text(CardBlocks.fallback(card)).blocksAsString(CardBlocks.card(card).toString())));
            return;
        }
        // A line of a grouped message: read the message, redraw this line, write it back. The
        // dispatcher sends one row at a time, so two lines never race each other here.
        Message message = message(at).orElseThrow(() -> new DeliveryException(DeliveryException.Kind.REJECTED,
                "conversations.history: the grouped message " + at.ts() + " is gone"));
        ArrayNode blocks = blocksOf(message);
        boolean found = false;
        for (int i = 0; i < blocks.size(); i++) {
            if (CardBlocks.rowBlockId(card.conversationId()).equals(blocks.get(i).path("block_id").asText())) {
                blocks.set(i, CardBlocks.row(card));
                found = true;
            }
        }
        if (!found) {
            throw new DeliveryException(DeliveryException.Kind.REJECTED, "chat.update: #" + card.conversationId()
                    + " has no line in the grouped message " + at.ts());
        }
        String text = message.getText();
        // chat.update parses text as a client would unless told not to: no mention may come alive.
        call("chat.update", () -> methods.chatUpdate(q -> q.channel(at.channel()).ts(at.ts()).text(text)
                .parse("none").linkNames(false).blocksAsString(blocks.toString())));
    }

    @Override
    public void postInThread(ChatRef card, String text, List<Member> mention, String key) throws DeliveryException {
        SlackRef at = SlackRef.of(card);
        String line = SlackText.mentions(mention) + (at.grouped() ? "*#" + at.row() + "* · " : "")
                + SlackText.escape(text);
        call("chat.postMessage", () -> methods.chatPostMessage(q -> q.channel(at.channel()).threadTs(at.ts())
                .text(line).metadataAsString(PostMarks.single(key)).unfurlLinks(false).unfurlMedia(false)
                .linkNames(false)));
    }

    @Override
    public ChatRef postInChannel(String channel, String text, List<Member> mention, String key)
            throws DeliveryException {
        String line = SlackText.mentions(mention) + SlackText.escape(text);
        ChatPostMessageResponse r = call("chat.postMessage", () -> methods.chatPostMessage(q -> q.channel(channel)
                .text(line).metadataAsString(PostMarks.single(key)).unfurlLinks(false).unfurlMedia(false)
                .linkNames(false)));
        return new SlackRef(channelOf(r, channel), r.getTs()).toChatRef();
    }

    /** A report without its image: the same layout as {@link #postReport}'s comment, as a channel message. */
    @Override
    public ChatRef postReportText(String channel, String text, String key) throws DeliveryException {
        ChatPostMessageResponse r = call("chat.postMessage", () -> methods.chatPostMessage(q -> q.channel(channel)
                .text(SlackText.report(text)).metadataAsString(PostMarks.single(key)).unfurlLinks(false)
                .unfurlMedia(false).linkNames(false)));
        return new SlackRef(channelOf(r, channel), r.getTs()).toChatRef();
    }

    /**
     * Uploads the image (files.getUploadURLExternal, the upload itself, files.completeUploadExternal)
     * and shares it in the channel with the text as its comment (title in bold, the tables as a
     * code block: {@link SlackText#report}). A file carries no message metadata,
     * so the key goes into the file's name, where {@link #findPosted} looks for it.
     */
    @Override
    public ChatRef postReport(String channel, String text, Image image, String key) throws DeliveryException {
        String fileName = reportFileName(image.fileName(), key);
        FilesGetUploadURLExternalResponse url = call("files.getUploadURLExternal", () -> methods
                .filesGetUploadURLExternal(q -> q.filename(fileName).length(image.png().length)));
        upload(url.getUploadUrl(), image.png());
        FilesCompleteUploadExternalResponse done = call("files.completeUploadExternal", () -> methods
                .filesCompleteUploadExternal(q -> q.channelId(channel).initialComment(SlackText.report(text))
                        .files(List.of(FilesCompleteUploadExternalRequest.FileDetails.builder()
                                .id(url.getFileId()).title(image.title()).build()))));
        return shareTs(done, channel).map(ts -> new SlackRef(channel, ts).toChatRef())
                .orElseGet(() -> new ChatRef("slack:" + channel + ":file-" + url.getFileId()));
    }

    @Override
    public void notice(String channel, Member member, String text) throws DeliveryException {
        String user = member.chatIds().get("slack");
        if (user == null) {
            log.warn("@{} has no Slack user id in the config; a notice for them was not shown", member.name());
            return;
        }
        call("chat.postEphemeral", () -> methods.chatPostEphemeral(q -> q.channel(channel).user(user)
                .text(SlackText.escape(text)).linkNames(false)));
    }

    @Override
    public Optional<ChatRef> findPosted(String channel, String key) throws DeliveryException {
        String oldest = ts(clock.instant().minus(LOOKBACK).getEpochSecond());
        String cursor = null;
        String marker = keyMarker(key);
        for (int page = 0; page < MAX_PAGES; page++) {
            String from = cursor;
            ConversationsHistoryResponse r = call("conversations.history", () -> methods.conversationsHistory(q -> q
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

    @Override
    public boolean hasThreadPost(ChatRef card, String key) throws DeliveryException {
        SlackRef at = SlackRef.of(card);
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            String from = cursor;
            var r = call("conversations.replies", () -> methods.conversationsReplies(q -> q.channel(at.channel())
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

    @Override
    public Duration postInterval() {
        return POST_INTERVAL;
    }

    private Optional<Message> message(SlackRef at) throws DeliveryException {
        ConversationsHistoryResponse r = call("conversations.history", () -> methods.conversationsHistory(q -> q
                .channel(at.channel()).latest(at.ts()).oldest(at.ts()).inclusive(true).limit(1)
                .includeAllMetadata(true)));
        return r.getMessages() == null ? Optional.empty()
                : r.getMessages().stream().filter(m -> at.ts().equals(m.getTs())).findFirst();
    }

    private static ArrayNode blocksOf(Message message) throws DeliveryException {
        try {
            JsonNode blocks = JSON.readTree(GSON.toJson(message.getBlocks()));
            if (blocks instanceof ArrayNode array) {
                return array;
            }
        } catch (JsonProcessingException e) {
            // falls through
        }
        throw new DeliveryException(DeliveryException.Kind.REJECTED, "conversations.history: unreadable blocks in "
                + message.getTs());
    }

    private void upload(String url, byte[] png) throws DeliveryException {
        Request request = new Request.Builder().url(url).post(RequestBody.create(png)).build();
        try (Response response = methods.getSlackHttpClient().getOkHttpClient().newCall(request).execute()) {
            if (response.code() == 429) {
                throw new DeliveryException(DeliveryException.Kind.RATE_LIMITED, "file upload: HTTP 429",
                        SlackErrors.retryAfter(response.header("Retry-After"), clock), null);
            }
            if (response.code() != 200) {
                throw new DeliveryException(DeliveryException.Kind.TRANSIENT, "file upload: HTTP " + response.code());
            }
        } catch (IOException e) {
            throw SlackErrors.fromNetwork("file upload", e);
        }
    }

    private static Optional<String> shareTs(FilesCompleteUploadExternalResponse done, String channel) {
        if (done.getFiles() == null || done.getFiles().isEmpty() || done.getFiles().get(0).getShares() == null) {
            return Optional.empty();
        }
        File.Shares shares = done.getFiles().get(0).getShares();
        List<File.ShareDetail> details = new ArrayList<>();
        if (shares.getPublicChannels() != null && shares.getPublicChannels().get(channel) != null) {
            details.addAll(shares.getPublicChannels().get(channel));
        }
        if (shares.getPrivateChannels() != null && shares.getPrivateChannels().get(channel) != null) {
            details.addAll(shares.getPrivateChannels().get(channel));
        }
        return details.stream().map(File.ShareDetail::getTs).filter(ts -> ts != null).findFirst();
    }

    /** {@code trend.png} with key {@code 3f9a…} becomes {@code trend-earshot-3f9a….png}. */
    static String reportFileName(String fileName, String key) {
        int dot = fileName.lastIndexOf('.');
        String base = dot > 0 ? fileName.substring(0, dot) : fileName;
        String extension = dot > 0 ? fileName.substring(dot) : "";
        return base + "-" + keyMarker(key) + extension;
    }

    private static String keyMarker(String key) {
        return "earshot-" + key.replaceAll("[^A-Za-z0-9-]", "");
    }

    private static String channelOf(ChatPostMessageResponse r, String asked) {
        return r.getChannel() == null || r.getChannel().isBlank() ? asked : r.getChannel();
    }

    private static String ts(long epochSecond) {
        return epochSecond + ".000000";
    }

    @FunctionalInterface
    private interface SlackCall<T> {
        T run() throws IOException, SlackApiException;
    }

    private <T extends SlackApiTextResponse> T call(String method, SlackCall<T> call) throws DeliveryException {
        T response;
        try {
            response = call.run();
        } catch (SlackApiException e) {
            throw SlackErrors.fromHttp(method, e, clock);
        } catch (IOException e) {
            throw SlackErrors.fromNetwork(method, e);
        }
        if (response == null) {
            throw new DeliveryException(DeliveryException.Kind.TRANSIENT, method + ": no answer");
        }
        if (!response.isOk()) {
            throw SlackErrors.refused(method, response.getError(), response.getNeeded());
        }
        return response;
    }
}
