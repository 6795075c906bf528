package dev.earshot.app.outbox;

import dev.earshot.app.CareHistory;
import dev.earshot.app.ChannelWords;
import dev.earshot.core.Conversation;
import dev.earshot.core.Effect;
import dev.earshot.core.HistoryEntry;
import dev.earshot.core.Target;
import dev.earshot.port.SocialSource;
import dev.earshot.port.Store.OutboxRow;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The use cases a delivery ends in, each one transaction: a reply reached the customer, or a
 * platform refused a row for good. The row is settled in the same transaction as what it changes,
 * so a crash repeats or loses neither.
 */
final class Deliveries {
    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

    private final Rows rows;
    private final Clock clock;

    Deliveries(Rows rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    /**
     * The customer has the reply: store it with the platform's id (so it is never ingested as a
     * customer message), set the first-response time, tell the thread and redraw the card.
     */
    void replied(OutboxRow row, Conversation c, Effect.CustomerReply r, SocialSource.SentReply reply) {
        if (r.acknowledgement()) {
            acknowledged(row, c, r, reply);
            return;
        }
        rows.write(tx -> {
            Instant now = clock.instant();
            if (!tx.messageExists(c.platform(), c.account(), reply.externalId())) {
                tx.addBrandReply(c.id(), c.platform(), c.account(), reply.externalId(), r.text(), reply.at());
            }
            Conversation fresh = Cards.conversation(tx, c.id());
            tx.update(fresh.answeredAt(reply.at()));
            tx.record(new HistoryEntry(c.id(), now, r.member(), "replied", r.text()));
            tx.enqueue(new Effect.ThreadPost(c.id(), ChannelWords.replied(r.member(), r.text())), Target.chatOf(c), now);
            tx.enqueue(new Effect.UpdateCard(c.id()), Target.chatOf(c), now);
            tx.markDone(row.id(), now);
        });
        log.info("{} reply by @{} delivered on {} as {}", c.ref(), r.member(), c.account(), reply.externalId());
    }

    /** The after-hours acknowledgement reached the customer: stored (never ingested), told, drawn; no first response. */
    private void acknowledged(OutboxRow row, Conversation c, Effect.CustomerReply r, SocialSource.SentReply reply) {
        rows.write(tx -> CareDeliveries.acknowledged(tx, row, c, r, reply, clock.instant()));
        log.info("{} after-hours acknowledgement delivered on {} as {}", c.ref(), c.account(), reply.externalId());
    }

    /** A teammate took the conversation before the acknowledgement went out: it is not sent. */
    void acknowledgementDropped(OutboxRow row, Conversation c) {
        rows.write(tx -> CareDeliveries.dropped(tx, row, c, clock.instant()));
        log.info("{} after-hours acknowledgement not sent: the team has it already", c.ref());
    }

    /** A reply's platform spent its posting limit: the cards of the replies waiting for it say so. */
    void repliesHeld(OutboxRow row, Instant until) {
        rows.write(tx -> CareDeliveries.held(tx, row.target(), until, clock.instant()));
    }

    /**
     * The platform will never take this row: give up on it and make sure the team knows. A card
     * that cannot be shown is announced in its channel; a refused reply puts the customer back in
     * the queue and tells its author.
     */
    void refused(OutboxRow row, String reason) {
        Instant now = clock.instant();
        log.error("{} for #{} was refused by {}: {}", row.effect().getClass().getSimpleName(),
                row.effect().conversationId(), row.target(), reason);
        rows.write(tx -> {
            tx.markFailed(row.id(), now, reason);
            if (row.effect() instanceof Effect.PostCard p) {
                Conversation c = Cards.conversation(tx, p.conversationId());
                tx.record(new HistoryEntry(c.id(), now, HistoryEntry.EARSHOT, "card-failed", reason));
                tx.enqueue(new Effect.ChannelPost(c.id(), ChannelWords.cardFailed(c, reason), List.of()), row.target(),
                        now);
            }
            if (row.effect() instanceof Effect.CustomerReply r && r.acknowledgement()) {
                tx.record(new HistoryEntry(r.conversationId(), now, HistoryEntry.EARSHOT, CareHistory.ACK_FAILED, reason));
            } else if (row.effect() instanceof Effect.CustomerReply r) {
                Conversation c = Cards.conversation(tx, r.conversationId());
                tx.update(c.replyFailed());
                tx.record(new HistoryEntry(c.id(), now, HistoryEntry.EARSHOT, "reply-failed", reason));
                String text = ChannelWords.replyFailed(r.member(), reason);
                tx.enqueue(new Effect.ThreadPost(c.id(), text), Target.chatOf(c), now);
                tx.enqueue(new Effect.Notice(c.id(), r.member(), text), Target.chatOf(c), now);
                tx.enqueue(new Effect.UpdateCard(c.id()), Target.chatOf(c), now);
            }
        });
    }
}
