package dev.earshot.app;

import dev.earshot.core.AfterHoursAck;
import dev.earshot.core.BusinessHours;
import dev.earshot.core.Conversation;
import dev.earshot.core.Effect;
import dev.earshot.core.HistoryEntry;
import dev.earshot.core.Message;
import dev.earshot.core.Target;
import dev.earshot.port.SocialSource;
import dev.earshot.port.Store;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues the after-hours acknowledgement for a new conversation, in the ingest's transaction: the
 * rule is core's ({@link AfterHoursAck}); once per customer per closed period is a claim in the
 * store ({@code scheduled_runs}), committed with the outbox row; the row goes the way of every
 * reply (the source's lane, the "may have landed" look-up), so it reaches the customer once.
 */
final class AfterHours {
    private static final Logger log = LoggerFactory.getLogger(AfterHours.class);

    private final AfterHoursAck rule;
    private final BusinessHours hours;
    private final Sources sources;

    AfterHours(AfterHoursAck rule, BusinessHours hours, Sources sources) {
        this.rule = rule;
        this.hours = hours;
        this.sources = sources;
    }

    /** For a conversation just opened by {@code first}; nothing when it has an owner already. */
    void acknowledge(Store.Tx tx, Conversation c, Message first, Instant now) {
        if (c.owner() != null) {
            return;
        }
        Optional<Instant> opens = rule.period(hours, first, now);
        Optional<SocialSource> source = sources.get(c.account());
        if (opens.isEmpty() || source.isEmpty()) {
            return;
        }
        String text = rule.text(first.author(), opens.get(), hours.zone());
        if (source.get().replyLength(c, text) > source.get().maxReplyLength()) {
            log.warn("{}: the after-hours acknowledgement is longer than {} allows; not sent", c.ref(),
                    c.platform().displayName());
            return;
        }
        String customer = c.platform().id() + ":" + c.account() + ":" + c.authorHandle().toLowerCase(Locale.ROOT);
        if (!tx.claimRun("after-hours:" + customer, opens.get().toString(), now)) {
            return; // this customer was acknowledged in this closed period already
        }
        tx.enqueue(new Effect.CustomerReply(c.id(), first.externalId(), text, HistoryEntry.EARSHOT, true),
                Target.source(c.account()), now);
        log.info("{} after-hours acknowledgement queued for {}", c.ref(), c.account());
    }
}
