package dev.earshot.app.outbox;

import dev.earshot.app.Sources;
import dev.earshot.core.Conversation;
import dev.earshot.core.Effect;
import dev.earshot.core.Message;
import dev.earshot.core.State;
import dev.earshot.port.DeliveryException;
import dev.earshot.port.SocialSource;
import dev.earshot.port.Store.OutboxRow;
import java.util.Optional;

/**
 * Sends a source's rows: the team's replies to customers. A reply that may have reached the
 * platform (marked sending) is looked up by its key ({@link SocialSource#findReply}) before it is
 * sent again, so a customer never gets the same answer twice. One the platform said was probably
 * sent ({@link Unconfirmed}) is only ever looked up.
 */
final class ReplySender {
    private final Sources sources;
    private final Rows rows;
    private final Deliveries deliveries;
    private final Unconfirmed unconfirmed;
    private final Dispatcher.CrashPoints crashPoints;

    ReplySender(Sources sources, Rows rows, Deliveries deliveries, Unconfirmed unconfirmed,
                Dispatcher.CrashPoints crashPoints) {
        this.sources = sources;
        this.rows = rows;
        this.deliveries = deliveries;
        this.unconfirmed = unconfirmed;
        this.crashPoints = crashPoints;
    }

    Outcome send(OutboxRow row) throws DeliveryException {
        if (!(row.effect() instanceof Effect.CustomerReply r)) {
            throw new DeliveryException(DeliveryException.Kind.REJECTED, row.effect().getClass().getSimpleName()
                    + " cannot be sent to a source");
        }
        To to = rows.read(tx -> {
            Conversation c = Cards.conversation(tx, r.conversationId());
            return new To(c, tx.customerMessages(c.id()).stream()
                    .filter(m -> m.externalId().equals(r.inReplyTo())).findFirst());
        });
        Conversation c = to.conversation();
        SocialSource source = sources.get(c.account()).orElseThrow(() -> new DeliveryException(
                DeliveryException.Kind.REJECTED, "source " + c.account() + " is no longer configured"));
        Message message = to.message().orElseThrow(() -> new DeliveryException(DeliveryException.Kind.REJECTED,
                "the customer's message " + r.inReplyTo() + " is not stored"));
        if (r.acknowledgement() && !row.sending() && !awaitsAcknowledgement(c)) {
            deliveries.acknowledgementDropped(row, c);
            return Outcome.DONE;
        }
        Optional<SocialSource.SentReply> sent = row.sending() ? source.findReply(message, row.key()) : Optional.empty();
        if (sent.isEmpty() && row.unconfirmedSince() != null) {
            return unconfirmed.notSeen(row);
        }
        if (sent.isEmpty()) {
            rows.sending(row);
            crashPoints.reached("reply:before-send");
            sent = Optional.of(source.reply(message, r.text(), row.key()));
            crashPoints.reached("reply:after-send");
        }
        deliveries.replied(row, c, r, sent.get());
        return Outcome.DONE;
    }

    /** An after-hours acknowledgement goes only to a conversation nobody on the team has taken or answered. */
    private static boolean awaitsAcknowledgement(Conversation c) {
        return c.state() == State.NEW && c.owner() == null && c.firstReplyAt() == null;
    }

    private record To(Conversation conversation, Optional<Message> message) {
    }
}
