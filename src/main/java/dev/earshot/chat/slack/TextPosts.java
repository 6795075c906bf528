package dev.earshot.chat.slack;

import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import dev.earshot.core.ChatRef;
import dev.earshot.core.Member;
import dev.earshot.port.DeliveryException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Earshot's own words as text (recipe steps 1 to 3): in a card's thread (a line of a grouped
 * message names its conversation), in the channel, or as a notice to one person. The text is
 * escaped; only the mentions Earshot chose ({@code <@U…>}) ping. Thread and channel posts carry
 * their mark ({@link PostMarks}); a notice needs none.
 */
final class TextPosts {
    private static final Logger log = LoggerFactory.getLogger(TextPosts.class);

    private final SlackWebApi api;

    TextPosts(SlackWebApi api) {
        this.api = api;
    }

    void postInThread(ChatRef card, String text, List<Member> mention, String key) throws DeliveryException {
        SlackRef at = SlackRef.of(card);
        String line = SlackText.mentions(mention) + (at.grouped() ? "*#" + at.row() + "* · " : "")
                + SlackText.escape(text);
        api.call("chat.postMessage", m -> m.chatPostMessage(q -> q.channel(at.channel()).threadTs(at.ts())
                .text(line).metadataAsString(PostMarks.single(key)).unfurlLinks(false).unfurlMedia(false)
                .linkNames(false)));
    }

    ChatRef postInChannel(String channel, String text, List<Member> mention, String key) throws DeliveryException {
        String line = SlackText.mentions(mention) + SlackText.escape(text);
        ChatPostMessageResponse r = api.call("chat.postMessage", m -> m.chatPostMessage(q -> q.channel(channel)
                .text(line).metadataAsString(PostMarks.single(key)).unfurlLinks(false).unfurlMedia(false)
                .linkNames(false)));
        return new SlackRef(SlackWebApi.channelOf(r, channel), r.getTs()).toChatRef();
    }

    void notice(String channel, Member member, String text) throws DeliveryException {
        String user = member.chatIds().get("slack");
        if (user == null) {
            log.warn("@{} has no Slack user id in the config; a notice for them was not shown", member.name());
            return;
        }
        api.call("chat.postEphemeral", m -> m.chatPostEphemeral(q -> q.channel(channel).user(user)
                .text(SlackText.escape(text)).linkNames(false)));
    }
}
