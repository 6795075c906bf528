package dev.earshot.source.x;

import dev.earshot.core.Author;
import dev.earshot.core.Message;
import dev.earshot.core.MessageKind;
import dev.earshot.core.Platform;
import dev.earshot.port.SocialSource.BrandReply;
import dev.earshot.source.text.Clip;
import java.time.Instant;
import java.util.Optional;

/** X's posts to core records: a customer's post to a message, the brand's own reply to an answer. */
final class XMessages {
    private XMessages() {
    }

    static Message toMessage(String account, XPage.Post p, XPage.User author, XPage.User me) {
        String handle = author != null && author.username() != null ? author.username() : "i/user/" + p.authorId();
        Author who = author == null
                ? new Author(Platform.X, handle, null, -1, "https://x.com/" + handle, p.authorId())
                : new Author(Platform.X, handle, author.name(), author.followers(), "https://x.com/" + handle,
                        p.authorId());
        MessageKind kind = me.id().equals(p.inReplyToUserId()) ? MessageKind.REPLY
                : p.quoted() != null ? MessageKind.QUOTE : MessageKind.MENTION;
        Instant at = p.createdAt() != null ? p.createdAt() : XCursor.timeOf(p.id());
        return new Message(Platform.X, account, p.id(), who, Clip.text(p.text()),
                "https://x.com/" + handle + "/status/" + p.id(), at, kind, p.repliedTo(), p.conversationId());
    }

    /** A post by the brand answering someone else; its replies to itself (threads) are broadcasts. */
    static Optional<BrandReply> brandReply(XPage.Post p, String brandId) {
        if (p.repliedTo() == null || p.retweet() || brandId.equals(p.inReplyToUserId())) {
            return Optional.empty();
        }
        Instant at = p.createdAt() != null ? p.createdAt() : XCursor.timeOf(p.id());
        return Optional.of(new BrandReply(p.id(), p.repliedTo(), p.text(), at));
    }
}
