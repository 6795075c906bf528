package dev.earshot.app;

import dev.earshot.core.Continuity;
import dev.earshot.core.Conversation;
import dev.earshot.core.Effect;
import dev.earshot.core.Escalation;
import dev.earshot.core.FollowUp;
import dev.earshot.core.HistoryEntry;
import dev.earshot.core.Member;
import dev.earshot.core.Message;
import dev.earshot.core.NudgeRouting;
import dev.earshot.core.OnCallShift;
import dev.earshot.core.PriorityRules;
import dev.earshot.core.Refusal;
import dev.earshot.core.ResponseFigures;
import dev.earshot.core.Spans;
import dev.earshot.core.Target;
import dev.earshot.core.WaitingClock;
import dev.earshot.port.SocialSource;
import dev.earshot.port.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The use cases. Each runs in one store transaction: the rule from core, one conditional write,
 * an audit line and the outbox rows it causes, all committed together or not at all.
 */
public final class Inbox {
    private static final Logger log = LoggerFactory.getLogger(Inbox.class);
    /** Conditional writes lost to a concurrent writer are retried this often before giving up. */
    private static final int WRITE_ATTEMPTS = 8;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm z", Locale.ENGLISH);

    private final Store store;
    private final Sources sources;
    private final PriorityRules priority;
    private final Function<Message, String> channelFor;
    private final Clock clock;
    private final Telemetry telemetry;
    private final FollowThrough followThrough;
    private final OnCall onCall;

    /** Without follow-through: no paging, no hand-over of returning customers. */
    public Inbox(Store store, Sources sources, PriorityRules priority, Function<Message, String> channelFor,
                 Clock clock, Telemetry telemetry) {
        this(store, sources, priority, channelFor, clock, telemetry, FollowThrough.none());
    }

    public Inbox(Store store, Sources sources, PriorityRules priority, Function<Message, String> channelFor,
                 Clock clock, Telemetry telemetry, FollowThrough followThrough) {
        this.telemetry = telemetry;
        this.store = store;
        this.sources = sources;
        this.priority = priority;
        this.channelFor = channelFor;
        this.clock = clock;
        this.followThrough = followThrough;
        this.onCall = new OnCall(store, followThrough, clock);
    }

    /** Who is on call, and putting someone on call by hand. */
    public OnCall onCall() {
        return onCall;
    }

    /** What one ingest did. */
    public record Ingested(int opened, int joined, int duplicates, int answeredOutside) {
        public Ingested(int opened, int joined, int duplicates) {
            this(opened, joined, duplicates, 0);
        }
    }

    /**
     * Stores what a source fetched and its new cursor in one transaction: duplicates dropped, each
     * message joined to its author's open conversation in the same thread or opening a new one.
     */
    public Ingested ingest(SocialSource from, SocialSource.Fetch fetch) {
        String source = from.name();
        Instant now = clock.instant();
        List<Message> ordered = fetch.messages().stream()
                .sorted(Comparator.comparing(Message::createdAt)).toList();
        Ingested result = store.write(tx -> {
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
                    openConversation(tx, m, now);
                    opened++;
                }
            }
            int outside = 0;
            for (SocialSource.BrandReply r : fetch.brandReplies()) {
                outside += answeredOutside(tx, from, r, now) ? 1 : 0;
            }
            for (SocialSource.Gap gap : fetch.gaps()) {
                gapNotice(tx, from, gap, ordered, now);
            }
            if (fetch.nextCursor() != null) {
                tx.saveCursor(source, fetch.nextCursor(), now);
            }
            return new Ingested(opened, joined, duplicates, outside);
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
        return result;
    }

    private void openConversation(Store.Tx tx, Message m, Instant now) {
        Conversation c = tx.insertConversation(Conversation.open(m, channelFor.apply(m), priority.score(m)));
        tx.addCustomerMessage(c.id(), m, now);
        tx.record(new HistoryEntry(c.id(), now, HistoryEntry.EARSHOT, "received",
                m.kind().name().toLowerCase() + " from @" + m.author().handle()));
        tx.enqueue(new Effect.PostCard(c.id()), Target.chatOf(c), now);
        Conversation owned = continueWithEarlierOwner(tx, c, m, now);
        if (followThrough.pages(c.priority())) {
            page(tx, owned, now);
        }
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
        tx.enqueue(new Effect.ThreadPost(c.id(), "↩️ @" + c.authorHandle() + " is back; earlier: " + e.ref()
                + " (" + e.state().name().toLowerCase() + "). It stays with its owner: it is yours.",
                List.of(owner)), Target.chatOf(c), now);
        tx.enqueue(new Effect.ThreadPost(e.id(), "↪️ @" + e.authorHandle() + " wrote again in a new conversation: "
                + c.ref() + ", which went to @" + owner + "."), Target.chatOf(e), now);
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
        tx.enqueue(new Effect.ThreadPost(c.id(), "🚨 " + c.priority().label() + " " + c.priority().score()
                + ": this one should not wait." + (c.owner() == null ? " Who takes it? claim " + c.id() : ""), who),
                Target.chatOf(c), now);
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
        String owner = c.owner() == null ? "" : " (owner: @" + c.owner() + ")";
        tx.enqueue(new Effect.ThreadPost(c.id(), "💬 @" + m.author().handle() + " wrote again" + owner
                + ": " + m.text()), Target.chatOf(c), now);
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
        String text = "⚠️ " + from.name() + ": " + gap.why() + " Messages from " + minute(gap.from()) + " to "
                + minute(gap.to()) + " UTC may be missing here; look on " + from.platform().displayName()
                + " directly.";
        tx.enqueue(new Effect.ChannelPost(0, text, List.of()), Target.chat(channel), now);
    }

    private static String minute(Instant at) {
        return MINUTE.format(at);
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
        tx.enqueue(new Effect.ThreadPost(c.id(), "✅ Answered from " + c.platform().displayName()
                + " directly: " + r.text()), Target.chatOf(c), now);
        tx.enqueue(new Effect.UpdateCard(c.id()), Target.chatOf(c), now);
        return true;
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
                cv -> cv.assign(actor.name(), assignee.name()), (tx, cv) -> {
                    if (!assignee.name().equals(actor.name())) {
                        tx.enqueue(new Effect.Notice(id, assignee.name(), "@" + actor.name() + " assigned "
                                + cv.ref() + " to you."), Target.chatOf(cv), clock.instant());
                    }
                });
        log.info("{} assigned to @{} by @{}", c.ref(), assignee.name(), actor.name());
        return c;
    }

    /** Checks the reply against the platform's limit, then queues it for the customer. */
    public Conversation reply(Member actor, long id, String text) {
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            throw new Refusal("The reply is empty. " + CommandParser.usageOf("reply"));
        }
        Conversation current = read(id);
        SocialSource source = sources.get(current.account()).orElseThrow(() -> new Refusal(
                current.ref() + " came from " + current.account() + ", which is no longer configured;"
                        + " it cannot be answered from here."));
        int length = source.replyLength(body);
        if (length > source.maxReplyLength()) {
            throw new Refusal("That reply is " + length + " characters long; " + current.platform().displayName()
                    + " allows " + source.maxReplyLength() + ". Shorten it by "
                    + (length - source.maxReplyLength()) + ". Nothing was sent.");
        }
        Conversation c = change(id, actor, "reply", body, cv -> cv.reply(actor.name(), actor.admin()),
                (tx, cv) -> {
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
            throw new Refusal(CommandParser.usageOf("note"));
        }
        store.write(tx -> {
            Conversation c = tx.conversation(id).orElseThrow(() -> unknown(id));
            Instant now = clock.instant();
            tx.record(new HistoryEntry(id, now, actor.name(), "note", body));
            tx.enqueue(new Effect.ThreadPost(id, "📝 @" + actor.name() + ": " + body), Target.chatOf(c), now);
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
                tx.enqueue(new Effect.ThreadPost(c.id(), "⏰ The snooze on " + c.ref() + " ended."),
                        Target.chatOf(fresh), now);
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
            Conversation c = tx.conversation(id).orElseThrow(() -> unknown(id));
            FollowUp f = tx.addFollowUp(FollowUp.schedule(c, actor.name(), in, note, now));
            String when = WHEN.format(f.dueAt().atZone(followThrough.zone()));
            tx.record(new HistoryEntry(id, now, actor.name(), "followup",
                    when + (f.note().isEmpty() ? "" : ": " + f.note())));
            tx.enqueue(new Effect.ThreadPost(id, "📌 @" + actor.name() + " set a follow-up for " + when
                    + (f.note().isEmpty() ? "." : ": " + f.note())), Target.chatOf(c), now);
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
            String why = note == null || note.isBlank() ? "." : ": " + note.strip();
            tx.enqueue(new Effect.ThreadPost(id, "🧭 @" + actor.name() + " brings you in on " + cv.ref() + why,
                    List.of(expert.name())), Target.chatOf(cv), clock.instant());
        });
        log.info("{} escalated to @{} by @{}", c.ref(), expert.name(), actor.name());
        return c;
    }

    /**
     * What a reply form shows before anything is typed: the customer's latest message and the most
     * the platform takes. The limit is checked again, the same way, when the reply is sent.
     */
    public record ReplyContext(Conversation conversation, Message latest, int maxLength) {
    }

    public ReplyContext replyContext(long id) {
        ConversationView v = show(id);
        Conversation c = v.conversation();
        SocialSource source = sources.get(c.account()).orElseThrow(() -> new Refusal(
                c.ref() + " came from " + c.account() + ", which is no longer configured;"
                        + " it cannot be answered from here."));
        return new ReplyContext(c, v.latest(), source.maxReplyLength());
    }

    /**
     * Notes in the audit log that someone who may not act tried to ({@code who} is their chat
     * identity, not a member). {@code conversationId} is 0 when the request named none.
     */
    public void refused(long conversationId, String who, String action, String why) {
        store.write(tx -> {
            tx.record(new HistoryEntry(conversationId, clock.instant(), who, "refused", action + ": " + why));
            return null;
        });
        log.info("{} refused for {}: {}", action, who, why);
    }

    public ConversationView show(long id) {
        return store.read(tx -> view(tx, id));
    }

    /** Waiting conversations with their first message, most urgent first, then oldest. */
    public List<ConversationView> queue(int limit) {
        return store.read(tx -> tx.queue(limit).stream().map(c -> view(tx, c.id())).toList());
    }

    /** The store the use cases run on, for the other use cases of this package (the digests). */
    Store store() {
        return store;
    }

    /** The follow-through settings, for the other use cases of this package (the digests' SLA clock). */
    FollowThrough followThrough() {
        return followThrough;
    }

    public ResponseFigures figures(Instant from, Instant to) {
        return store.read(tx -> tx.figures(from, to));
    }

    static ConversationView view(Store.Tx tx, long id) {
        Conversation c = tx.conversation(id).orElseThrow(() -> unknown(id));
        return new ConversationView(c, tx.customerMessages(id), tx.history(id), tx.lastBrandReply(id).orElse(null));
    }

    private Conversation read(long id) {
        return store.read(tx -> tx.conversation(id)).orElseThrow(() -> unknown(id));
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
                Conversation current = tx.conversation(id).orElseThrow(() -> unknown(id));
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
        throw new Refusal("#" + id + " is changing a lot right now; try again in a moment.");
    }

    @FunctionalInterface
    private interface Effects {
        void add(Store.Tx tx, Conversation changed);
    }

    private static Message lastOf(List<Message> messages) {
        return messages.get(messages.size() - 1);
    }

    static Refusal unknown(long id) {
        return new Refusal("There is no #" + id + ". Try: /earshot queue");
    }
}
