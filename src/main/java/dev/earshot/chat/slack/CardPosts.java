package dev.earshot.chat.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.google.gson.Gson;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.model.Message;
import com.slack.api.util.json.GsonFactory;
import dev.earshot.core.Card;
import dev.earshot.core.ChatRef;
import dev.earshot.port.DeliveryException;
import java.util.List;
import java.util.Optional;

/**
 * Cards in the channel (recipe steps 1 and 2): one card per message, or a burst as one grouped
 * message of lines, drawn by {@link CardBlocks} and marked by {@link PostMarks}. Redrawing a
 * line of a grouped message reads the message back, replaces that line's block and writes it
 * again. Every post and update has link names off and unfurls off, so no customer text pings or
 * fetches anything.
 */
final class CardPosts {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Gson GSON = GsonFactory.createSnakeCase();

    private final SlackWebApi api;

    CardPosts(SlackWebApi api) {
        this.api = api;
    }

    ChatRef postCard(String channel, Card card, String key) throws DeliveryException {
        ChatPostMessageResponse r = api.call("chat.postMessage", m -> m.chatPostMessage(q -> q
                .channel(channel).text(CardBlocks.fallback(card)).blocksAsString(CardBlocks.card(card).toString())
                .metadataAsString(PostMarks.single(key)).unfurlLinks(false).unfurlMedia(false).linkNames(false)));
        return new SlackRef(SlackWebApi.channelOf(r, channel), r.getTs()).toChatRef();
    }

    List<ChatRef> postCards(String channel, List<Card> cards, List<String> keys) throws DeliveryException {
        if (cards.size() == 1) {
            return List.of(postCard(channel, cards.get(0), keys.get(0)));
        }
        List<Long> ids = cards.stream().map(Card::conversationId).toList();
        ChatPostMessageResponse r = api.call("chat.postMessage", m -> m.chatPostMessage(q -> q
                .channel(channel).text(CardBlocks.groupFallback(cards)).blocksAsString(CardBlocks.group(cards).toString())
                .metadataAsString(PostMarks.group(ids, keys)).unfurlLinks(false).unfurlMedia(false).linkNames(false)));
        String posted = SlackWebApi.channelOf(r, channel);
        return ids.stream().map(id -> new SlackRef(posted, r.getTs(), id).toChatRef()).toList();
    }

    void updateCard(ChatRef ref, Card card) throws DeliveryException {
        SlackRef at = SlackRef.of(ref);
        if (!at.grouped()) {
            api.call("chat.update", m -> m.chatUpdate(q -> q.channel(at.channel()).ts(at.ts())
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
        api.call("chat.update", m -> m.chatUpdate(q -> q.channel(at.channel()).ts(at.ts()).text(text)
                .parse("none").linkNames(false).blocksAsString(blocks.toString())));
    }

    private Optional<Message> message(SlackRef at) throws DeliveryException {
        ConversationsHistoryResponse r = api.call("conversations.history", m -> m.conversationsHistory(q -> q
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
}
