package dev.earshot.testing;

import dev.earshot.core.Card;
import dev.earshot.core.ChatRef;
import dev.earshot.core.Member;
import dev.earshot.port.ChatPlatform;
import dev.earshot.port.DeliveryException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A hand-written fake chat that remembers everything it was sent, as a chat would, across
 * dispatcher restarts. {@link #failNext} makes the next calls fail the way a platform fails.
 */
public final class RecordingChat implements ChatPlatform {
    public record Post(String channel, ChatRef ref, Card card, String key) {
    }

    public record ThreadLine(ChatRef card, String text, String key) {
    }

    public record ChannelLine(String channel, ChatRef ref, String text, String key) {
    }

    public record Report(String channel, ChatRef ref, String text, Image image, String key) {
    }

    public final List<Post> cards = new ArrayList<>();
    public final List<Post> updates = new ArrayList<>();
    public final List<ThreadLine> thread = new ArrayList<>();
    public final List<String> notices = new ArrayList<>();
    public final List<ChannelLine> channelPosts = new ArrayList<>();
    public final List<Report> reports = new ArrayList<>();
    /** Every member mentioned, in order. */
    public final List<String> mentions = new ArrayList<>();
    private final List<DeliveryException> failures = new ArrayList<>();
    private final Duration postInterval;
    public int calls;

    public RecordingChat() {
        this(Duration.ZERO);
    }

    public RecordingChat(Duration postInterval) {
        this.postInterval = postInterval;
    }

    /** The next calls (one per exception) fail with these. */
    public synchronized void failNext(DeliveryException... exceptions) {
        failures.addAll(List.of(exceptions));
    }

    /** The next card is posted, then this is thrown, as when the answer is lost on the way back. */
    public volatile DeliveryException lostAnswer;

    /** Every call fails with this until it is set back to null: an outage. */
    public volatile DeliveryException outage;

    private void maybeFail() throws DeliveryException {
        calls++;
        if (outage != null) {
            throw outage;
        }
        if (!failures.isEmpty()) {
            throw failures.remove(0);
        }
    }

    @Override
    public synchronized ChatRef postCard(String channel, Card card, String key) throws DeliveryException {
        maybeFail();
        ChatRef ref = new ChatRef("fake:" + channel + ":" + (cards.size() + 1));
        cards.add(new Post(channel, ref, card, key));
        if (lostAnswer != null) {
            DeliveryException lost = lostAnswer;
            lostAnswer = null;
            throw lost;
        }
        return ref;
    }

    @Override
    public synchronized void updateCard(ChatRef ref, Card card) throws DeliveryException {
        maybeFail();
        updates.add(new Post(null, ref, card, null));
    }

    @Override
    public synchronized void postInThread(ChatRef card, String text, List<Member> mention, String key)
            throws DeliveryException {
        maybeFail();
        thread.add(new ThreadLine(card, text, key));
        mention.forEach(m -> mentions.add(m.name()));
    }

    @Override
    public synchronized ChatRef postInChannel(String channel, String text, List<Member> mention, String key)
            throws DeliveryException {
        maybeFail();
        ChatRef ref = new ChatRef("fake:" + channel + ":post:" + (channelPosts.size() + 1));
        channelPosts.add(new ChannelLine(channel, ref, text, key));
        mention.forEach(m -> mentions.add(m.name()));
        return ref;
    }

    @Override
    public synchronized ChatRef postReport(String channel, String text, Image image, String key)
            throws DeliveryException {
        maybeFail();
        ChatRef ref = new ChatRef("fake:" + channel + ":report:" + (reports.size() + 1));
        reports.add(new Report(channel, ref, text, image, key));
        return ref;
    }

    @Override
    public synchronized void notice(String channel, Member member, String text) throws DeliveryException {
        maybeFail();
        notices.add("@" + member.name() + ": " + text);
    }

    @Override
    public synchronized Optional<ChatRef> findPosted(String channel, String key) {
        return cards.stream().filter(p -> p.key().equals(key)).map(Post::ref).findFirst()
                .or(() -> channelPosts.stream().filter(p -> p.key().equals(key)).map(ChannelLine::ref).findFirst())
                .or(() -> reports.stream().filter(p -> p.key().equals(key)).map(Report::ref).findFirst());
    }

    @Override
    public synchronized boolean hasThreadPost(ChatRef card, String key) {
        return thread.stream().anyMatch(t -> t.key().equals(key));
    }

    @Override
    public Duration postInterval() {
        return postInterval;
    }

    /** The latest card drawn for a conversation, posted or updated. */
    public synchronized Card latest(long conversationId) {
        Map<Long, Card> byId = new LinkedHashMap<>();
        cards.forEach(p -> byId.put(p.card().conversationId(), p.card()));
        updates.forEach(p -> byId.put(p.card().conversationId(), p.card()));
        return byId.get(conversationId);
    }
}
