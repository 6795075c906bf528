package dev.earshot.app;

import dev.earshot.core.Conversation;
import dev.earshot.core.Message;
import dev.earshot.core.MessageKind;

/**
 * A reply as the customer will see it, shown before it is sent: the text with the {@code @handle}
 * some platforms put first, its length as the platform counts it, and the message it goes under.
 * The chat adapters add Send and Cancel for {@link #draftId}; its words are {@link Words#preview}.
 *
 * @param draftId the pending draft that Send sends
 * @param asPosted the customer's to read: escape it
 * @param under the customer's message the reply is threaded under
 */
public record ReplyPreview(long draftId, Conversation conversation, String asPosted, int length, int maxLength,
                           Message under) {

    static ReplyPreview of(long draftId, ReplyCheck check) {
        return new ReplyPreview(draftId, check.conversation(), check.asPosted(), check.length(), check.maxLength(),
                check.under());
    }

    /** A direct message goes into the customer's DMs, not under a public post. */
    public boolean direct() {
        return under.kind() == MessageKind.DM;
    }
}
