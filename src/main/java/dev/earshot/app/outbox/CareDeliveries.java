package dev.earshot.app.outbox;

import dev.earshot.app.CareHistory;
import dev.earshot.app.CareWords;
import dev.earshot.core.Conversation;
import dev.earshot.core.Effect;
import dev.earshot.core.HistoryEntry;
import dev.earshot.core.Target;
import dev.earshot.port.SocialSource;
import dev.earshot.port.Store;
import dev.earshot.port.Store.OutboxRow;
import java.time.Instant;

/**
 * Social care's endings of a delivery, each inside the transaction that settles its row: the
 * after-hours acknowledgement delivered (stored so that it is never ingested, but no first
 * response: the SLA clock keeps running), dropped because a teammate got there first, and the
 * replies held by a spent posting limit marked for their cards.
 */
final class CareDeliveries {
    private CareDeliveries() {
    }

    static void acknowledged(Store.Tx tx, OutboxRow row, Conversation c, Effect.CustomerReply r,
                             SocialSource.SentReply reply, Instant now) {
        if (!tx.messageExists(c.platform(), c.account(), reply.externalId())) {
            tx.addBrandReply(c.id(), c.platform(), c.account(), reply.externalId(), r.text(), reply.at());
        }
        tx.record(new HistoryEntry(c.id(), now, HistoryEntry.EARSHOT, CareHistory.ACKNOWLEDGED, r.text()));
        tx.enqueue(new Effect.ThreadPost(c.id(), CareWords.acknowledgedPost(r.text())), Target.chatOf(c), now);
        tx.enqueue(new Effect.UpdateCard(c.id()), Target.chatOf(c), now);
        tx.markDone(row.id(), now);
    }

    static void dropped(Store.Tx tx, OutboxRow row, Conversation c, Instant now) {
        tx.record(new HistoryEntry(c.id(), now, HistoryEntry.EARSHOT, CareHistory.ACK_DROPPED, ""));
        tx.enqueue(new Effect.ThreadPost(c.id(), CareWords.acknowledgementDropped()), Target.chatOf(c), now);
        tx.markDone(row.id(), now);
    }

    /** Every conversation with a reply waiting for {@code target} hears, on its card, until when. */
    static void held(Store.Tx tx, Target target, Instant until, Instant now) {
        for (long id : tx.care().waitingReplies(target.encoded())) {
            Conversation c = Cards.conversation(tx, id);
            tx.record(new HistoryEntry(id, now, HistoryEntry.EARSHOT, CareHistory.REPLY_HELD, until.toString()));
            tx.enqueue(new Effect.UpdateCard(id), Target.chatOf(c), now);
        }
    }
}
