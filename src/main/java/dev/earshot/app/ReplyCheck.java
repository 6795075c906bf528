package dev.earshot.app;

import dev.earshot.core.Conversation;
import dev.earshot.core.Message;
import dev.earshot.core.Refusal;
import dev.earshot.port.SocialSource;
import dev.earshot.port.Store;
import java.util.List;

/**
 * What a reply will be once posted, checked before anything is queued or shown: not empty, on a
 * platform Earshot answers on (not a feed), a source still configured, and within the platform's
 * limit as the platform counts it (with the {@code @handle} some platforms put first). One rule for
 * the reply, its preview and its form.
 *
 * @param body the teammate's text, stripped
 * @param asPosted what the customer will read
 * @param under the customer's message it is threaded under (their latest)
 */
record ReplyCheck(Conversation conversation, String body, String asPosted, int length, int maxLength, Message under) {

    static ReplyCheck of(Store store, Sources sources, long id, String text) {
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            throw new Refusal(Words.replyEmpty());
        }
        ConversationView v = store.read(tx -> Queries.view(tx, id));
        Conversation c = v.conversation();
        if (!c.platform().repliesThroughEarshot()) {
            throw new Refusal(Words.answerOnTheSite(c));
        }
        SocialSource source = sources.get(c.account()).orElseThrow(() -> new Refusal(Words.sourceGone(c)));
        int length = source.replyLength(c, body);
        if (length > source.maxReplyLength()) {
            throw new Refusal(Words.replyTooLong(c, length, source.maxReplyLength()));
        }
        return new ReplyCheck(c, body, source.replyAsPosted(c, body), length, source.maxReplyLength(), last(v.messages()));
    }

    private static Message last(List<Message> messages) {
        return messages.get(messages.size() - 1);
    }
}
