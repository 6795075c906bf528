package dev.earshot.app.outbox;

import dev.earshot.app.ConversationView;
import dev.earshot.core.Card;
import dev.earshot.core.Conversation;
import dev.earshot.port.Store;
import java.time.Clock;
import java.time.ZoneId;

/** Draws a card from stored state at send time, so that it is never stale. */
final class Cards {
    private final Clock clock;
    private final ZoneId zone;

    Cards(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    Card draw(Store.Tx tx, Conversation c) {
        return new ConversationView(c, tx.customerMessages(c.id()), tx.history(c.id()),
                tx.lastBrandReply(c.id()).orElse(null)).card(clock.instant(), zone);
    }

    /** The conversation a row is about; a row for a conversation that is gone is a bug, not an outside failure. */
    static Conversation conversation(Store.Tx tx, long id) {
        return tx.conversation(id).orElseThrow(() -> new IllegalStateException("there is no conversation #" + id));
    }
}
