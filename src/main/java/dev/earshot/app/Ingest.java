package dev.earshot.app;

import dev.earshot.core.BillableReads;
import dev.earshot.core.Continuity;
import dev.earshot.core.Conversation;
import dev.earshot.core.ConversationSummary;
import dev.earshot.core.Effect;
import dev.earshot.core.HistoryEntry;
import dev.earshot.core.Message;
import dev.earshot.core.NudgeRouting;
import dev.earshot.core.OnCallShift;
import dev.earshot.core.PriorityRules;
import dev.earshot.core.Target;
import dev.earshot.core.WaitingClock;
import dev.earshot.port.SocialSource;
import dev.earshot.port.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the sources feed: each fetch goes into the store in one transaction, duplicates dropped,
 * each message joined to its author's open conversation in the same thread or opening a new one,
 * with the outbox rows that show it to the team. What teammates then do is {@link Inbox}'s.
 */
public final class Ingest {
    private static final Logger log = LoggerFactory.getLogger(Ingest.class);

    private final Store store;
    private final PriorityRules priority;
    private final Function<Message, String> channelFor;
    private final Clock clock;
    private final Telemetry telemetry;
    private final FollowThrough followThrough;
    private final OnCall onCall;
    private final Care care;

    /** Social care's part of an ingest: the after-hours acknowledgement, the read counts, the spike check. */
    record Care(AfterHours afterHours, ReadBudgets budgets, Spikes spikes) {
    }

    Ingest(Store store, PriorityRules priority, Function<Message, String> channelFor, Clock clock,
           Telemetry telemetry, FollowThrough followThrough, OnCall onCall, Care care) {
        this.care = care;
        this.store = store;
        this.priority = priority;
        this.channelFor = channelFor;
        this.clock = clock;
        this.telemetry = telemetry;
        this.followThrough = followThrough;
        this.onCall = onCall;
    }

    /** What one ingest did. */
    public record Result(int opened, int joined, int duplicates, int answeredOutside) {
        public Result(int opened, int joined, int duplicates) {
            this(opened, joined, duplicates, 0);
        }
    }

    /**
     * Stores what a source fetched and its new cursor in one transaction: duplicates dropped, each
     * message joined to its author's open conversation in the same thread or opening a new one.
     */
    public Result ingest(SocialSource from, SocialSource.Fetch fetch) {
        String source = from.name();
        Instant now = clock.instant();
        List<Message> ordered = fetch.messages().stream()
                .sorted(Comparator.comparing(Message::createdAt)).toList();
        BillableReads reads = from.takeReads();
        List<ConversationSummary> fresh = new ArrayList<>();
        Result result = store.write(tx -> {
            fresh.clear(); // a retried transaction starts again
            int opened = 0;
            int joined = 0;
            int duplicates = 0;
            for (Message m : ordered) {
                if (tx.messageExists(m.platform(), m.account(), m.externalId())) {
                    duplicates++;
                    continue;
                }
                Optional<Conversation> open = tx.openConversation(m.platform(), m.account(),
                        m.author().handle(), m.threadKey());
                if (open.isPresent()) {
                    join(tx, open.get(), m, now);
                    joined++;
                } else {
                    fresh.add(openConversation(tx, m, now));
                    opened++;
                }
            }
            int outside = 0;
            for (SocialSource.BrandReply r : fetch.brandReplies()) {
                tx.addBrandPost(from.platform(), source, r.externalId(), r.at() == null ? now : r.at(), true);
                outside += answeredOutside(tx, from, r, now) ? 1 : 0;
            }
            for (SocialSource.Broadcast b : fetch.broadcasts()) {
                tx.addBrandPost(from.platform(), source, b.externalId(), b.at() == null ? now : b.at(), false);
            }
            for (SocialSource.Gap gap : fetch.gaps()) {
                gapNotice(tx, from, gap, ordered, now);
            }
            if (fetch.nextCursor() != null) {
                tx.saveCursor(source, fetch.nextCursor(), now);
            }
            care.budgets().record(tx, source, reads, now);
            return new Result(opened, joined, duplicates, outside);
        });
        for (int i = 0; i < result.opened(); i++) {
            telemetry.count("received", source);
        }
        for (int i = 0; i < result.joined(); i++) {
            telemetry.count("follow_up", source);
        }
        if (result.opened() + result.joined() > 0) {
            log.info("received from {}: {} new conversations, {} follow-ups, {} duplicates dropped",
                    source, result.opened(), result.joined(), result.duplicates());
        }
        if (result.answeredOutside() > 0) {
            log.info("{}: {} conversations answered from the platform's own app", source, result.answeredOutside());
        }
        care.budgets().apply(from);
        if (result.opened() > 0) {
            care.spikes().opened(fresh);
        }
        return result;
    }

    /** Opens a conversation for {@code m}; returns it as the spike check counts it. */
    private ConversationSummary openConversation(Store.Tx tx, Message m, Instant now) {
        Conversation c = tx.insertConversation(Conversation.open(m, channelFor.apply(m), priority.score(m)));
        tx.addCustomerMessage(c.id(), m, now);
        tx.record(new HistoryEntry(c.id(), now, HistoryEntry.EARSHOT, "received",
                m.kind().name().toLowerCase() + " from @" + m.author().handle()));
        tx.enqueue(new Effect.PostCard(c.id()), Target.chatOf(c), now);
        Conversation owned = continueWithEarlierOwner(tx, c, m, now);
        care.afterHours().acknowledge(tx, owned, m, now);
        if (followThrough.pages(c.priority())) {
            page(tx, owned, now);
        }
        return new ConversationSummary(c.id(), c.platform(), c.account(), c.authorHandle(), m.author().followers(),
                m.text(), m.url(), c.openedAt(), null, c.state(), c.owner(), c.priority(), null);
    }

    /** One owner from start to end: a returning customer goes to the owner of their last conversation. */
    private Conversation continueWithEarlierOwner(Store.Tx tx, Conversation c, Message m, Instant now) {
        Continuity continuity = followThrough.continuity();
        if (!continuity.isOn()) {
            return c;
        }
        Optional<Conversation> earlier = tx.latestOwnedConversation(m.platform(), m.author().handle(),
                m.createdAt().minus(continuity.window()));
        Optional<Continuity.Link> link = continuity.link(c, earlier, followThrough::onTeam);
        if (link.isEmpty()) {
            return c;
        }
        Conversation e = link.get().earlier();
        String owner = link.get().owner();
        Conversation claimed = Continuity.continueWith(c, link.get());
        if (!tx.update(claimed)) {
            throw new IllegalStateException("conversation " + c.ref() + " changed inside its own transaction");
        }
        tx.record(new HistoryEntry(c.id(), now, HistoryEntry.EARSHOT, WaitingClock.CONTINUED,
                "earlier: " + e.ref() + ", owner @" + owner));
        tx.enqueue(new Effect.ThreadPost(c.id(), ChannelWords.backWithOwner(c, e), List.of(owner)),
                Target.chatOf(c), now);
        tx.enqueue(new Effect.ThreadPost(e.id(), ChannelWords.wroteInANewConversation(e, c, owner)),
                Target.chatOf(e), now);
        log.info("{} continues {}: @{} keeps @{}", c.ref(), e.ref(), owner, c.authorHandle());
        return tx.conversation(c.id()).orElseThrow();
    }

    /** A new conversation above the paging threshold: the on-call teammate is mentioned at once. */
    private void page(Store.Tx tx, Conversation c, Instant now) {
        List<String> who = NudgeRouting.page(onCall.now(tx, now).map(OnCallShift::member), followThrough.managerName());
        if (who.isEmpty() || !tx.recordNudge(c.id(), "page", now)) {
            return;
        }
        tx.record(new HistoryEntry(c.id(), now, HistoryEntry.EARSHOT, "paged", "@" + String.join(", @", who)));
        tx.enqueue(new Effect.ThreadPost(c.id(), ChannelWords.page(c), who), Target.chatOf(c), now);
    }

    private void join(Store.Tx tx, Conversation c, Message m, Instant now) {
        tx.addCustomerMessage(c.id(), m, now);
        Conversation next = c.customerWroteAgain(m.createdAt());
        if (!next.equals(c) && !tx.update(next)) {
            throw new IllegalStateException("conversation " + c.ref() + " changed inside its own transaction");
        }
        tx.record(new HistoryEntry(c.id(), now, HistoryEntry.EARSHOT, "follow-up", m.text()));
        if (!c.state().isWaiting() && next.state().isWaiting()) {
            // A new wait starts: its SLA clock and nudges count from here.
            tx.record(new HistoryEntry(c.id(), now, HistoryEntry.EARSHOT, WaitingClock.WAITING_AGAIN, ""));
        }
        tx.enqueue(new Effect.ThreadPost(c.id(), ChannelWords.wroteAgain(c, m)), Target.chatOf(c), now);
        tx.enqueue(new Effect.UpdateCard(c.id()), Target.chatOf(c), now);
    }

    /**
     * Tells the team, once, that some messages of a window may be missing. The notice goes where
     * the newest message of the same fetch goes: a gap only comes with many messages.
     */
    private void gapNotice(Store.Tx tx, SocialSource from, SocialSource.Gap gap, List<Message> fetched, Instant now) {
        if (fetched.isEmpty()) {
            log.warn("{}: {} (no channel to tell: the fetch brought no message)", from.name(), gap.why());
            return;
        }
        String channel = channelFor.apply(fetched.get(fetched.size() - 1));
        String text = ChannelWords.gap(from.name(), gap.why(), gap.from(), gap.to(), from.platform().displayName());
        tx.enqueue(new Effect.ChannelPost(0, text, List.of()), Target.chat(channel), now);
    }

    /**
     * The brand answered a customer outside Earshot. Our own replies are already stored (echo) and
     * one still on its way is the dispatcher's to record; anything else marks the conversation answered.
     */
    private boolean answeredOutside(Store.Tx tx, SocialSource from, SocialSource.BrandReply r, Instant now) {
        if (tx.messageExists(from.platform(), from.name(), r.externalId())) {
            return false;
        }
        Optional<Conversation> found = tx.conversationOfMessage(from.platform(), from.name(), r.inReplyTo());
        if (found.isEmpty() || tx.replyPending(found.get().id())) {
            // One of ours on its way (or sent, not yet recorded) is the dispatcher's to record.
            return false;
        }
        Conversation c = found.get();
        tx.addBrandReply(c.id(), from.platform(), from.name(), r.externalId(), r.text(), r.at());
        Conversation next = c.answeredOutside(r.at());
        if (!next.equals(c) && !tx.update(next)) {
            throw new IllegalStateException("conversation " + c.ref() + " changed inside its own transaction");
        }
        tx.record(new HistoryEntry(c.id(), now, HistoryEntry.EARSHOT, "answered-outside", r.text()));
        tx.enqueue(new Effect.ThreadPost(c.id(), ChannelWords.answeredOutside(c, r.text())), Target.chatOf(c), now);
        tx.enqueue(new Effect.UpdateCard(c.id()), Target.chatOf(c), now);
        return true;
    }
}
