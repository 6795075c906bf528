package dev.earshot.app.outbox;

import dev.earshot.app.ChannelWords;
import dev.earshot.app.ConversationView;
import dev.earshot.core.Conversation;
import dev.earshot.core.Effect;
import dev.earshot.core.HistoryEntry;
import dev.earshot.core.Target;
import dev.earshot.port.Store.OutboxRow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A reply the platform says was probably sent (X refuses the same text twice) but that its timeline
 * does not show yet. The state is kept in the row (so a restart does not forget): it is never sent
 * again, only looked up, first after a minute, then after as long as it has been waiting (at most
 * 30 minutes), for a day. Only the row and its conversation's later rows wait; the rest of the
 * source's rows go on. The team is told once, and once more if it is never seen.
 */
final class Unconfirmed {
    /** How long a platform's timeline may lag behind its write before we stop looking. */
    static final Duration BOUND = Duration.ofHours(24);
    static final Duration FIRST_LOOK = Duration.ofMinutes(1);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(30);

    private static final Logger log = LoggerFactory.getLogger(Unconfirmed.class);

    private final Rows rows;
    private final Clock clock;

    Unconfirmed(Rows rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    /** The platform said "probably sent": keep the row to look it up, and tell the team the first time. */
    Outcome said(OutboxRow row, String reason) {
        Instant now = clock.instant();
        boolean first = row.unconfirmedSince() == null;
        rows.write(tx -> {
            tx.markUnconfirmed(row.id(), now, now.plus(FIRST_LOOK), reason);
            if (first && row.effect() instanceof Effect.CustomerReply r) {
                Conversation c = Cards.conversation(tx, r.conversationId());
                tx.record(new HistoryEntry(c.id(), now, HistoryEntry.EARSHOT, ConversationView.REPLY_UNCONFIRMED, reason));
                tx.enqueue(new Effect.ThreadPost(c.id(), ChannelWords.probablySent(c.platform().displayName())),
                        Target.chatOf(c), now);
                tx.enqueue(new Effect.UpdateCard(c.id()), Target.chatOf(c), now);
            }
        });
        log.warn("{} for #{} probably reached {} but is not visible yet ({}); looking again in {}",
                Failures.name(row), row.effect().conversationId(), row.target(), reason, FIRST_LOOK);
        return Outcome.HOLD_CONVERSATION;
    }

    /** Looked up and not seen: look again later, or after the bound tell the team and stop looking. */
    Outcome notSeen(OutboxRow row) {
        Instant now = clock.instant();
        Duration waited = Duration.between(row.unconfirmedSince(), now);
        if (waited.compareTo(BOUND) < 0) {
            Duration wait = waited.compareTo(FIRST_LOOK) < 0 ? FIRST_LOOK
                    : waited.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : waited;
            rows.write(tx -> tx.postpone(row.id(), now.plus(wait)));
            return Outcome.HOLD_CONVERSATION;
        }
        String reason = "not seen on the timeline within " + BOUND.toHours() + " hours";
        rows.write(tx -> {
            tx.markFailed(row.id(), now, reason);
            if (row.effect() instanceof Effect.CustomerReply r) {
                Conversation c = Cards.conversation(tx, r.conversationId());
                tx.record(new HistoryEntry(c.id(), now, HistoryEntry.EARSHOT, ConversationView.REPLY_UNCONFIRMED_LAPSED, reason));
                tx.enqueue(new Effect.ThreadPost(c.id(), ChannelWords.neverConfirmed(c.platform().displayName())),
                        Target.chatOf(c), now);
                tx.enqueue(new Effect.UpdateCard(c.id()), Target.chatOf(c), now);
            }
        });
        log.error("{} for #{} was never seen on {} ({}); the team is told to check the brand's profile",
                Failures.name(row), row.effect().conversationId(), row.target(), reason);
        return Outcome.DONE;
    }
}
