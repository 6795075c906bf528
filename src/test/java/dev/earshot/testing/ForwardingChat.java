package dev.earshot.testing;

import dev.earshot.core.Card;
import dev.earshot.core.ChatRef;
import dev.earshot.core.Member;
import dev.earshot.port.ChatPlatform;
import dev.earshot.port.DeliveryException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Hands every call to a {@link RecordingChat}; a test overrides only the calls it watches or bends. */
public abstract class ForwardingChat implements ChatPlatform {
    /** The chat that records everything; tests read it directly. */
    public final RecordingChat inner;

    protected ForwardingChat(RecordingChat inner) {
        this.inner = inner;
    }

    @Override
    public ChatRef postCard(String channel, Card card, String key) throws DeliveryException {
        return inner.postCard(channel, card, key);
    }

    @Override
    public void updateCard(ChatRef ref, Card card) throws DeliveryException {
        inner.updateCard(ref, card);
    }

    @Override
    public void postInThread(ChatRef card, String text, List<Member> mention, String key) throws DeliveryException {
        inner.postInThread(card, text, mention, key);
    }

    @Override
    public ChatRef postInChannel(String channel, String text, List<Member> mention, String key)
            throws DeliveryException {
        return inner.postInChannel(channel, text, mention, key);
    }

    @Override
    public ChatRef postReport(String channel, String text, Image image, String key) throws DeliveryException {
        return inner.postReport(channel, text, image, key);
    }

    @Override
    public void notice(String channel, Member member, String text) throws DeliveryException {
        inner.notice(channel, member, text);
    }

    @Override
    public Optional<ChatRef> findPosted(String channel, String key) throws DeliveryException {
        return inner.findPosted(channel, key);
    }

    @Override
    public boolean hasThreadPost(ChatRef card, String key) throws DeliveryException {
        return inner.hasThreadPost(card, key);
    }

    @Override
    public Duration postInterval() {
        return inner.postInterval();
    }
}
