package dev.earshot.app;

import dev.earshot.core.Conversation;
import dev.earshot.core.Effect;
import dev.earshot.core.Escalation;
import dev.earshot.core.FollowUp;
import dev.earshot.core.HistoryEntry;
import dev.earshot.core.Member;
import dev.earshot.core.Message;
import dev.earshot.core.Refusal;
import dev.earshot.core.ReplyDraft;
import dev.earshot.core.Spans;
import dev.earshot.core.Target;
import dev.earshot.core.WaitingClock;
import dev.earshot.port.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What teammates do to a conversation: claim, release, assign, reply, note, dismiss, snooze,
 * resolve, follow up, escalate. Each runs in one store transaction: the rule from core, one
 * conditional write, an audit line and the outbox rows it causes, all committed together or not
 * at all. What the sources feed is {@link Ingest}'s; what teammates look up is {@link Queries}'.
 */
public final class Inbox {
    private static final Logger log = LoggerFactory.getLogger(Inbox.class);
    /** Conditional writes lost to a concurrent writer are retried this often before giving up. */
    private static final int WRITE_ATTEMPTS = 8;

    private final Store store;
    private final Sources sources;
    private final Clock clock;
    private final ZoneId zone;

    /** @param zone the team's time zone, the one follow-ups are said in */
    Inbox(Store store, Sources sources, Clock clock, ZoneId zone) {
        this.store = store;
        this.sources = sources;
        this.clock = clock;
        this.zone = zone;
    }

    public Conversation claim(Member actor, long id) {
        Conversation c = change(id, actor, "claim", "", cv -> cv.claim(actor.name()));
        log.info("{} claimed by @{}", c.ref(), actor.name());
        return c;
    }

    public Conversation release(Member actor, long id) {
        return change(id, actor, "release", "", cv -> cv.release(actor.name(), actor.admin()));
    }

    public Conversation assign(Member actor, long id, Member assignee) {
        Conversation c = change(id, actor, "assign", "to @" + assignee.name(),
                cv -> cv.assign(actor.name(), actor.admin(), assignee.name()), (tx, cv) -> {
                    if (!assignee.name().equals(actor.name())) {
                        tx.enqueue(new Effect.Notice(id, assignee.name(), ChannelWords.assignedToYou(actor.name(), cv)),
                                Target.chatOf(cv), clock.instant());
                    }
                });
        log.info("{} assigned to @{} by @{}", c.ref(), assignee.name(), actor.name());
        return c;
    }

    /** Checks the reply against the platform's limit, then queues it for the customer. */
    public Conversation reply(Member actor, long id, String text) {
        return reply(actor, ReplyCheck.of(store, sources, id, text), 0);
    }

    /**
     * Sends the reply a preview showed: only its author may, and only once. The draft is settled in
     * the transaction that queues the reply, so a second Send (or a Send after Cancel) sends nothing.
     */
    public Conversation sendDraft(Member actor, long draftId) {
        ReplyDraft draft = ownDraft(actor, draftId);
        return reply(actor, ReplyCheck.of(store, sources, draft.conversationId(), draft.text()), draftId);
    }

    /** Drops a preview's reply: nothing is sent. Returns the draft as it was. */
    public ReplyDraft cancelDraft(Member actor, long draftId) {
        ReplyDraft draft = ownDraft(actor, draftId);
        store.write(tx -> {
            if (!tx.settleReplyDraft(draftId, ReplyDraft.State.CANCELLED)) {
                throw new Refusal(ReplyWords.draftSettled(tx.replyDraft(draftId).orElse(draft)));
            }
            return null;
        });
        log.info("#{} reply by @{} cancelled before it was sent", draft.conversationId(), actor.name());
        return draft;
    }

    private ReplyDraft ownDraft(Member actor, long draftId) {
        ReplyDraft draft = store.read(tx -> tx.replyDraft(draftId)).orElseThrow(() -> new Refusal(ReplyWords.noSuchDraft()));
        if (!draft.member().equals(actor.name())) {
            throw new Refusal(ReplyWords.notYourDraft(draft));
        }
        if (draft.state() != ReplyDraft.State.PENDING) {
            throw new Refusal(ReplyWords.draftSettled(draft));
        }
        return draft;
    }

    private Conversation reply(Member actor, ReplyCheck check, long draftId) {
        String body = check.body();
        Conversation c = change(check.conversation().id(), actor, "reply", body,
                cv -> cv.reply(actor.name(), actor.admin()), (tx, cv) -> {
                    if (draftId > 0 && !tx.settleReplyDraft(draftId, ReplyDraft.State.SENT)) {
                        throw new Refusal(ReplyWords.draftSettled(tx.replyDraft(draftId).orElseThrow()));
                    }
                    Message to = lastOf(tx.customerMessages(cv.id()));
                    tx.enqueue(new Effect.CustomerReply(cv.id(), to.externalId(), body, actor.name()),
                            Target.source(cv.account()), clock.instant());
                });
        log.info("{} reply by @{} queued for {}", c.ref(), actor.name(), c.account());
        return c;
    }

    public void note(Member actor, long id, String text) {
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            throw new Refusal(Words.usage("note"));
        }
        store.write(tx -> {
            Conversation c = tx.conversation(id).orElseThrow(() -> Queries.unknown(id));
            Instant now = clock.instant();
            tx.record(new HistoryEntry(id, now, actor.name(), "note", body));
            tx.enqueue(new Effect.ThreadPost(id, ChannelWords.note(actor.name(), body)), Target.chatOf(c), now);
            return c;
        });
    }

    public Conversation dismiss(Member actor, long id, String reason) {
        Conversation c = change(id, actor, "dismiss", reason, cv -> cv.dismiss(actor.name(), actor.admin(), reason));
        log.info("{} dismissed by @{}", c.ref(), actor.name());
        return c;
    }

    public Conversation snooze(Member actor, long id, Duration span) {
        Instant now = clock.instant();
        return change(id, actor, "snooze", "for " + Spans.format(span),
                cv -> cv.snooze(actor.name(), actor.admin(), now.plus(span), now));
    }

    public Conversation resolve(Member actor, long id) {
        Conversation c = change(id, actor, "resolve", "", cv -> cv.resolve(actor.name(), actor.admin()));
        log.info("{} resolved by @{}", c.ref(), actor.name());
        return c;
    }

    /** The teammate answered on the site itself: the answer time is now, as for a reply. */
    public Conversation answeredThere(Member actor, long id) {
        Conversation current = store.read(tx -> tx.conversation(id)).orElseThrow(() -> Queries.unknown(id));
        if (current.platform().repliesThroughEarshot()) {
            throw new Refusal(Words.replyFromHere(current));
        }
        Instant now = clock.instant();
        Conversation c = change(id, actor, "answered-there", "",
                cv -> cv.answeredThere(actor.name(), actor.admin(), now));
        log.info("{} answered on the site, said @{}", c.ref(), actor.name());
        return c;
    }

    /** Puts conversations whose snooze ran out back in front of the team; returns how many. */
    public int wakeSnoozed() {
        Instant now = clock.instant();
        List<Conversation> due = store.read(tx -> tx.snoozesEndingBy(now));
        int woken = 0;
        for (Conversation c : due) {
            boolean changed = store.write(tx -> {
                Conversation fresh = tx.conversation(c.id()).orElseThrow();
                Conversation next = fresh.wake(now);
                if (next.equals(fresh) || !tx.update(next)) {
                    return false;
                }
                tx.record(new HistoryEntry(c.id(), now, HistoryEntry.EARSHOT, WaitingClock.WOKE, "snooze ended"));
                tx.enqueue(new Effect.UpdateCard(c.id()), Target.chatOf(fresh), now);
                tx.enqueue(new Effect.ThreadPost(c.id(), ChannelWords.snoozeEnded(c)), Target.chatOf(fresh), now);
                return true;
            });
            woken += changed ? 1 : 0;
        }
        return woken;
    }

    /** Sets a follow-up: when it is due, the owner (or {@code actor}) is reminded in the thread. */
    public FollowUp followUp(Member actor, long id, Duration in, String note) {
        Instant now = clock.instant();
        FollowUp stored = store.write(tx -> {
            Conversation c = tx.conversation(id).orElseThrow(() -> Queries.unknown(id));
            FollowUp f = tx.addFollowUp(FollowUp.schedule(c, actor.name(), in, note, now));
            String when = ChannelWords.followUpWhen(f, zone);
            tx.record(new HistoryEntry(id, now, actor.name(), "followup",
                    when + (f.note().isEmpty() ? "" : ": " + f.note())));
            tx.enqueue(new Effect.ThreadPost(id, ChannelWords.followUpPost(actor.name(), f, zone)), Target.chatOf(c), now);
            return f;
        });
        log.info("#{} follow-up by @{} due {}", id, actor.name(), stored.dueAt());
        return stored;
    }

    /** Brings {@code expert} into a conversation: history, card and a mention in the thread. */
    public Conversation escalate(Member actor, long id, Member expert, String note) {
        String detail = new Escalation(id, actor.name(), expert.name(), note).detail();
        Conversation c = change(id, actor, Escalation.ACTION, detail, cv -> {
            Escalation.of(cv, actor.name(), expert.name(), note);
            return cv;
        }, (tx, cv) -> {
            tx.enqueue(new Effect.ThreadPost(id, ChannelWords.escalated(actor.name(), cv, note), List.of(expert.name())),
                    Target.chatOf(cv), clock.instant());
        });
        log.info("{} escalated to @{} by @{}", c.ref(), expert.name(), actor.name());
        return c;
    }

    /**
     * Notes in the audit log that someone who may not act tried to ({@code who} is their chat
     * identity, not a member). {@code conversationId} is 0 when the request named none.
     */
    void refused(long conversationId, String who, String action, String why) {
        store.write(tx -> {
            tx.record(new HistoryEntry(conversationId, clock.instant(), who, "refused", action + ": " + why));
            return null;
        });
        log.info("{} refused for {}: {}", action, who, why);
    }

    private Conversation change(long id, Member actor, String action, String detail, UnaryOperator<Conversation> rule) {
        return change(id, actor, action, detail, rule, (tx, c) -> { });
    }

    /**
     * Applies a core rule with one conditional write. A writer that got there first makes the
     * write miss; the rule then runs again on the fresh state and refuses or agrees.
     */
    private Conversation change(long id, Member actor, String action, String detail,
                                UnaryOperator<Conversation> rule, Effects more) {
        for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
            Optional<Conversation> done = store.write(tx -> {
                Conversation current = tx.conversation(id).orElseThrow(() -> Queries.unknown(id));
                Conversation next = rule.apply(current);
                if (!tx.update(next)) {
                    return Optional.empty();
                }
                Instant now = clock.instant();
                tx.record(new HistoryEntry(id, now, actor.name(), action, detail));
                tx.enqueue(new Effect.UpdateCard(id), Target.chatOf(current), now);
                more.add(tx, next);
                return Optional.of(next);
            });
            if (done.isPresent()) {
                return done.get();
            }
        }
        throw new Refusal(Words.changingALot(id));
    }

    @FunctionalInterface
    private interface Effects {
        void add(Store.Tx tx, Conversation changed);
    }

    private static Message lastOf(List<Message> messages) {
        return messages.get(messages.size() - 1);
    }
}
