package dev.earshot.app;

import dev.earshot.core.Conversation;
import dev.earshot.core.Message;
import dev.earshot.core.MessageKind;
import dev.earshot.core.Refusal;
import dev.earshot.port.SocialSource;
import dev.earshot.port.Store;
import java.util.List;

/**
 * What teammates look up, changing nothing: the queue, one conversation with its history, and
 * what a reply form shows before anything is typed. Reads only; the use cases that write are in
 * {@link Inbox} and {@link Ingest}.
 */
public final class Queries {
    private final Store store;
    private final Sources sources;

    Queries(Store store, Sources sources) {
        this.store = store;
        this.sources = sources;
    }

    /**
     * What a reply form shows before anything is typed: the customer's latest message (the reply is
     * threaded under it), the most the platform takes, and what the platform puts before the text
     * as the customer will see it. The limit is checked again, the same way, when the reply is sent.
     *
     * @param prefix what every reply here starts with ({@code @jane@mastodon.social}); empty for none
     * @param prefixLength how much of {@code maxLength} the prefix takes, as the platform counts
     */
    public record ReplyContext(Conversation conversation, Message latest, int maxLength, String prefix,
                               int prefixLength) {
        /** A direct message: the reply goes into the customer's DMs. */
        public boolean direct() {
            return latest.kind() == MessageKind.DM;
        }
    }

    public ReplyContext replyContext(long id) {
        ConversationView v = show(id);
        Conversation c = v.conversation();
        if (!c.platform().repliesThroughEarshot()) {
            throw new Refusal(Words.answerOnTheSite(c));
        }
        SocialSource source = sources.get(c.account()).orElseThrow(() -> new Refusal(Words.sourceGone(c)));
        String prefix = source.replyAsPosted(c, "").strip();
        int prefixLength = prefix.isEmpty() ? 0 : source.replyLength(c, "");
        return new ReplyContext(c, v.latest(), source.maxReplyLength(), prefix, prefixLength);
    }

    public ConversationView show(long id) {
        return store.read(tx -> view(tx, id));
    }

    /** Waiting conversations with their first message, most urgent first, then oldest. */
    public List<ConversationView> queue(int limit) {
        return store.read(tx -> tx.queue(limit).stream().map(c -> view(tx, c.id())).toList());
    }

    /** One conversation with everything said and done in it, inside a transaction the caller has. */
    public static ConversationView view(Store.Tx tx, long id) {
        Conversation c = tx.conversation(id).orElseThrow(() -> unknown(id));
        return new ConversationView(c, tx.customerMessages(id), tx.history(id), tx.lastBrandReply(id).orElse(null));
    }

    /** The refusal for an id that names no conversation. */
    public static Refusal unknown(long id) {
        return new Refusal(Words.noSuchConversation(id));
    }
}
