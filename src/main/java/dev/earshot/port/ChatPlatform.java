package dev.earshot.port;

import dev.earshot.core.Card;
import dev.earshot.core.ChatRef;
import dev.earshot.core.Member;
import java.time.Duration;
import java.util.Optional;

/**
 * A team chat (Slack, Discord, the terminal) as the dispatcher sees it: it posts and redraws
 * cards and writes in their threads. Incoming clicks and commands go the other way, from the
 * adapter to the application's command handler.
 */
public interface ChatPlatform {

    /** Posts a card; the key is marked on the message so that {@link #findCard} can find it again. */
    ChatRef postCard(String channel, Card card, String key) throws DeliveryException;

    /** Redraws a posted card in place. */
    void updateCard(ChatRef ref, Card card) throws DeliveryException;

    /** Posts a line in the card's thread, marked with the key. */
    void postInThread(ChatRef card, String text, String key) throws DeliveryException;

    /** Tells one member something only they see. */
    void notice(String channel, Member member, String text) throws DeliveryException;

    /** The card posted with this key, if an earlier attempt got through before a crash. */
    Optional<ChatRef> findCard(String channel, String key) throws DeliveryException;

    /** Whether a thread post with this key got through before a crash. */
    boolean hasThreadPost(ChatRef card, String key) throws DeliveryException;

    /** The least time between two posts in one channel (Slack: about one a second). */
    default Duration postInterval() {
        return Duration.ZERO;
    }
}
