package dev.earshot.port;

import dev.earshot.core.Card;
import dev.earshot.core.ChatRef;
import dev.earshot.core.Member;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A team chat (Slack, Discord, the terminal) as the dispatcher sees it: it posts and redraws
 * cards and writes in their threads. Incoming clicks and commands go the other way, from the
 * adapter to the application's command handler.
 */
public interface ChatPlatform {

    /** Posts a card; the key is marked on the message so that {@link #findPosted} can find it again. */
    ChatRef postCard(String channel, Card card, String key) throws DeliveryException;

    /**
     * Posts several new cards of one channel as ONE message, for a burst (grouping is what lets 500
     * mentions show within a minute when the chat allows one post a second). Returns one reference
     * per card, in the order given; each must work later for {@link #updateCard} and
     * {@link #postInThread}, and {@link #findPosted} must find each card by its own key.
     *
     * <p>The default posts the cards one by one, so a chat that does not group (the shell, and
     * any chat whose {@link #maxCardsPerPost()} stays 1) keeps working unchanged.
     */
    default List<ChatRef> postCards(String channel, List<Card> cards, List<String> keys) throws DeliveryException {
        if (cards.size() != keys.size()) {
            throw new IllegalArgumentException("one key per card: " + cards.size() + " cards, " + keys.size() + " keys");
        }
        List<ChatRef> refs = new ArrayList<>(cards.size());
        for (int i = 0; i < cards.size(); i++) {
            refs.add(postCard(channel, cards.get(i), keys.get(i)));
        }
        return refs;
    }

    /** The most cards {@link #postCards} puts in one message; 1 (the default) means this chat never groups. */
    default int maxCardsPerPost() {
        return 1;
    }

    /** Redraws a posted card in place. */
    void updateCard(ChatRef ref, Card card) throws DeliveryException;

    /**
     * Posts a line in the card's thread, marked with the key. {@code text} is plain and untrusted:
     * the adapter escapes all of it. Only {@code mention} members are pinged, as the chat's own mentions.
     */
    void postInThread(ChatRef card, String text, List<Member> mention, String key) throws DeliveryException;

    /** Posts a message in the channel, outside any thread, marked with the key; same rules as a thread post. */
    ChatRef postInChannel(String channel, String text, List<Member> mention, String key) throws DeliveryException;

    /**
     * Posts a report (the digest): plain text with an image attached (Slack: files.getUploadURLExternal
     * then files.completeUploadExternal; the shell saves the file and prints its path). The text is a
     * title line, then parts aligned for a fixed-width font; the adapter escapes all of it and may
     * show those parts as a code block. Nobody is pinged.
     */
    ChatRef postReport(String channel, String text, Image image, String key) throws DeliveryException;

    /** A report whose image could not be made, laid out as {@link #postReport} lays out its text. */
    default ChatRef postReportText(String channel, String text, String key) throws DeliveryException {
        return postInChannel(channel, text, List.of(), key);
    }

    /** Tells one member something only they see. */
    void notice(String channel, Member member, String text) throws DeliveryException;

    /** The card, channel post or report posted in the channel with this key, if an earlier attempt got through. */
    Optional<ChatRef> findPosted(String channel, String key) throws DeliveryException;

    /** Whether a thread post with this key got through before a crash. */
    boolean hasThreadPost(ChatRef card, String key) throws DeliveryException;

    /** The least time between two posts in one channel (Slack: about one a second). */
    default Duration postInterval() {
        return Duration.ZERO;
    }

    /** A picture to attach to a report. */
    record Image(String fileName, String title, byte[] png) {
    }
}
