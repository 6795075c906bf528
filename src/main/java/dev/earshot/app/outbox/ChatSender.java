package dev.earshot.app.outbox;

import dev.earshot.core.Card;
import dev.earshot.core.ChatRef;
import dev.earshot.core.Conversation;
import dev.earshot.core.Effect;
import dev.earshot.core.Member;
import dev.earshot.core.Target;
import dev.earshot.core.Team;
import dev.earshot.port.ChartRenderer;
import dev.earshot.port.ChatPlatform;
import dev.earshot.port.DeliveryException;
import dev.earshot.port.Store.OutboxRow;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a chat channel's rows: cards, their updates and thread posts, channel posts, reports and
 * notices. A row that may have reached the chat (marked sending) is looked for by its key before
 * it is sent again; notices are the exception, a repeat to one person being harmless.
 */
final class ChatSender {
    private static final Logger log = LoggerFactory.getLogger(ChatSender.class);

    private final ChatPlatform chat;
    private final Rows rows;
    private final Cards cards;
    private final Team team;
    private final Clock clock;
    private final Dispatcher.CrashPoints crashPoints;
    private final ChartRenderer charts;

    ChatSender(ChatPlatform chat, Rows rows, Cards cards, Team team, Clock clock, Dispatcher.CrashPoints crashPoints,
               ChartRenderer charts) {
        this.chat = chat;
        this.rows = rows;
        this.cards = cards;
        this.team = team;
        this.clock = clock;
        this.crashPoints = crashPoints;
        this.charts = charts;
    }

    Outcome send(OutboxRow row, List<OutboxRow> batch, Gate gate) throws DeliveryException {
        Effect effect = row.effect();
        if (effect instanceof Effect.PostCard p) {
            return postCard(row, p, gate);
        } else if (effect instanceof Effect.UpdateCard u) {
            return updateCard(row, u, batch);
        } else if (effect instanceof Effect.ThreadPost t) {
            return threadPost(row, t, gate);
        } else if (effect instanceof Effect.Notice n) {
            return notice(row, n);
        } else if (effect instanceof Effect.ChannelPost p) {
            return channelPost(row, p, gate);
        } else if (effect instanceof Effect.Report r) {
            return report(row, r, gate);
        }
        throw new DeliveryException(DeliveryException.Kind.REJECTED, effect.getClass().getSimpleName()
                + " cannot be sent to a chat channel");
    }

    /** Two transactions: one marks the row sending and draws the card, one stores where it landed. */
    private Outcome postCard(OutboxRow row, Effect.PostCard p, Gate gate) throws DeliveryException {
        String channel = channelOf(row);
        Optional<ChatRef> ref = row.sending() ? chat.findPosted(channel, row.key()) : Optional.empty();
        if (ref.isEmpty()) {
            Optional<Card> card = rows.writing(tx -> {
                Conversation c = Cards.conversation(tx, p.conversationId());
                if (c.chatRef() != null) {
                    tx.markDone(row.id(), clock.instant()); // posted already (by an earlier row)
                    return Optional.<Card>empty();
                }
                rows.sending(tx, row, clock.instant());
                return Optional.of(cards.draw(tx, c));
            });
            if (card.isEmpty()) {
                return Outcome.DONE;
            }
            crashPoints.reached("card:before-send");
            ref = Optional.of(chat.postCard(channel, card.get(), row.key()));
            posted(gate);
            crashPoints.reached("card:after-send");
        }
        ChatRef posted = ref.get();
        rows.write(tx -> {
            tx.setChatRef(p.conversationId(), posted);
            tx.markDone(row.id(), clock.instant());
        });
        log.info("#{} posted to {}", p.conversationId(), row.target());
        return Outcome.DONE;
    }

    private Outcome updateCard(OutboxRow row, Effect.UpdateCard u, List<OutboxRow> batch) throws DeliveryException {
        boolean newerInBatch = batch.stream().anyMatch(o -> o.id() > row.id() && o.effect().equals(u));
        if (newerInBatch) {
            return rows.done(row); // a newer update in this batch draws the same state: one redraw is enough
        }
        Optional<Drawn> drawn = rows.read(tx -> {
            Conversation c = Cards.conversation(tx, u.conversationId());
            // Not posted yet: the card will be drawn from the latest state when it is.
            return c.chatRef() == null ? Optional.<Drawn>empty() : Optional.of(new Drawn(c.chatRef(), cards.draw(tx, c)));
        });
        if (drawn.isPresent()) {
            chat.updateCard(drawn.get().ref(), drawn.get().card());
        }
        return rows.done(row);
    }

    private record Drawn(ChatRef ref, Card card) {
    }

    private Outcome threadPost(OutboxRow row, Effect.ThreadPost t, Gate gate) throws DeliveryException {
        Conversation c = rows.read(tx -> Cards.conversation(tx, t.conversationId()));
        if (c.chatRef() == null) {
            if (rows.read(tx -> tx.cardPending(c.id()))) {
                return Outcome.HOLD_CONVERSATION; // its card goes first
            }
            rows.write(tx -> tx.markFailed(row.id(), clock.instant(), "the card was never posted"));
            return Outcome.DONE;
        }
        if (!(row.sending() && chat.hasThreadPost(c.chatRef(), row.key()))) {
            rows.sending(row);
            crashPoints.reached("thread:before-send");
            chat.postInThread(c.chatRef(), t.text(), members(t.mention()), row.key());
            posted(gate);
            crashPoints.reached("thread:after-send");
        }
        return rows.done(row);
    }

    private Outcome channelPost(OutboxRow row, Effect.ChannelPost p, Gate gate) throws DeliveryException {
        String channel = channelOf(row);
        if (!(row.sending() && chat.findPosted(channel, row.key()).isPresent())) {
            rows.sending(row);
            chat.postInChannel(channel, p.text(), members(p.mention()), row.key());
            posted(gate);
        }
        return rows.done(row);
    }

    /**
     * A report (the digest) with its chart. A row left sending by a crash is looked for first: if
     * the chat has it, it is done; if not, it is posted. A chart that cannot be drawn does not hold
     * the report back: it goes out as text.
     */
    private Outcome report(OutboxRow row, Effect.Report r, Gate gate) throws DeliveryException {
        String channel = channelOf(row);
        if (row.sending() && chat.findPosted(channel, row.key()).isPresent()) {
            return rows.done(row);
        }
        Optional<ChatPlatform.Image> chart = chart(r);
        rows.sending(row);
        crashPoints.reached("report:before-send");
        if (chart.isPresent()) {
            chat.postReport(channel, r.text(), chart.get(), row.key());
        } else {
            chat.postReportText(channel, r.text(), row.key());
        }
        posted(gate);
        crashPoints.reached("report:after-send");
        log.info("{} posted to {}", r.name(), row.target());
        return rows.done(row);
    }

    private Optional<ChatPlatform.Image> chart(Effect.Report r) {
        try {
            return charts.trendChart(r.name(), r.trend());
        } catch (RuntimeException e) {
            log.warn("the chart of {} could not be drawn; posting the text alone", r.name(), e);
            return Optional.empty();
        }
    }

    private Outcome notice(OutboxRow row, Effect.Notice n) throws DeliveryException {
        Optional<Member> member = team.byName(n.member());
        if (member.isPresent()) {
            // Notices are not marked: a duplicate after a crash is a harmless repeat to one person.
            chat.notice(channelOf(row), member.get(), n.text());
        }
        return rows.done(row);
    }

    private List<Member> members(List<String> names) {
        return names.stream().map(team::byName).flatMap(Optional::stream).toList();
    }

    private void posted(Gate gate) {
        gate.posted(clock.instant(), chat.postInterval());
    }

    static String channelOf(OutboxRow row) {
        return ((Target.Chat) row.target()).channel();
    }
}
