package dev.earshot.chat.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.auth.AuthTestResponse;
import dev.earshot.core.Card;
import dev.earshot.core.ChatRef;
import dev.earshot.core.Member;
import dev.earshot.port.ChatPlatform;
import dev.earshot.port.DeliveryException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The chat port over Slack's Web API (recipe step 1), in one place so the dispatcher has one
 * object to call; the work is done by one class per kind of post: {@link CardPosts} (cards and
 * grouped lines), {@link TextPosts} (thread, channel, notice), {@link ReportPosts} (reports,
 * with or without an image) and {@link PostFinder} (finding a marked post after a crash). Every
 * message is marked with its outbox key ({@link PostMarks}) and posted with {@code unfurl_links},
 * {@code unfurl_media} and {@code link_names} off: a customer's link is never fetched, and only
 * our own {@code <@U…>} mentions ping. Slack's answers become {@link DeliveryException}s in
 * {@link SlackWebApi}.
 */
public final class SlackChat implements ChatPlatform {
    /** Slack allows about one post a second per channel. */
    static final Duration POST_INTERVAL = Duration.ofSeconds(1);

    private final SlackWebApi api;
    private final CardPosts cards;
    private final TextPosts texts;
    private final ReportPosts reports;
    private final PostFinder finder;

    /** Who the bot is, from {@code auth.test}. */
    public record Identity(String teamId, String botUserId, String team) {
    }

    public SlackChat(MethodsClient methods, Clock clock) {
        this.api = new SlackWebApi(methods, clock);
        this.cards = new CardPosts(api);
        this.texts = new TextPosts(api);
        this.reports = new ReportPosts(api);
        this.finder = new PostFinder(api);
    }

    /** The chat for a config: the bot token against the configured Web API base. */
    public static SlackChat of(dev.earshot.config.SlackChatConfig config, Clock clock) {
        return new SlackChat(SlackClients.slack(config.apiUrl()).methods(config.botToken().reveal()), clock);
    }

    /** Asks Slack who the bot token belongs to; the team id decides who may act (no Slack Connect guests). */
    public Identity identify() throws DeliveryException {
        AuthTestResponse r = api.call("auth.test", m -> m.authTest(q -> q));
        return new Identity(r.getTeamId(), r.getUserId(), r.getTeam());
    }

    @Override
    public ChatRef postCard(String channel, Card card, String key) throws DeliveryException {
        return cards.postCard(channel, card, key);
    }

    @Override
    public List<ChatRef> postCards(String channel, List<Card> cards, List<String> keys) throws DeliveryException {
        return this.cards.postCards(channel, cards, keys);
    }

    @Override
    public int maxCardsPerPost() {
        return CardBlocks.ROWS_MAX;
    }

    @Override
    public void updateCard(ChatRef ref, Card card) throws DeliveryException {
        cards.updateCard(ref, card);
    }

    @Override
    public void postInThread(ChatRef card, String text, List<Member> mention, String key) throws DeliveryException {
        texts.postInThread(card, text, mention, key);
    }

    @Override
    public ChatRef postInChannel(String channel, String text, List<Member> mention, String key)
            throws DeliveryException {
        return texts.postInChannel(channel, text, mention, key);
    }

    @Override
    public void notice(String channel, Member member, String text) throws DeliveryException {
        texts.notice(channel, member, text);
    }

    /** A report without its image: the same layout as {@link #postReport}'s comment, as a channel message. */
    @Override
    public ChatRef postReportText(String channel, String text, String key) throws DeliveryException {
        return reports.postReportText(channel, text, key);
    }

    /** Uploads the image and shares it in the channel with the text as its comment ({@link ReportPosts}). */
    @Override
    public ChatRef postReport(String channel, String text, Image image, String key) throws DeliveryException {
        return reports.postReport(channel, text, image, key);
    }

    @Override
    public Optional<ChatRef> findPosted(String channel, String key) throws DeliveryException {
        return finder.findPosted(channel, key);
    }

    @Override
    public boolean hasThreadPost(ChatRef card, String key) throws DeliveryException {
        return finder.hasThreadPost(card, key);
    }

    @Override
    public Duration postInterval() {
        return POST_INTERVAL;
    }
}
