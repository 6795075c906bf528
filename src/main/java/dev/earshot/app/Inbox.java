package dev.earshot.app;

import dev.earshot.core.Conversation;
import dev.earshot.core.Effect;
import dev.earshot.core.HistoryEntry;
import dev.earshot.core.Member;
import dev.earshot.core.Message;
import dev.earshot.core.PriorityRules;
import dev.earshot.core.Refusal;
import dev.earshot.core.ResponseFigures;
import dev.earshot.core.Spans;
import dev.earshot.port.SocialSource;
import dev.earshot.port.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
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

    private final Store store;
    private final Sources sources;
    private final PriorityRules priority;
    private final Function<Message, String> channelFor;
    private final Clock clock;
    private final Telemetry telemetry;

    public Inbox(Store store, Sources sources, PriorityRules priority, Function<Message, String> channelFor,
                 Clock clock, Telemetry telemetry) {
        this.telemetry = telemetry;
        this.store = store;
        this.sources = sources;
        this.priority = priority;
        this.channelFor = channelFor;
        this.clock = clock;
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
        tx.enqueue(new Effect.PostCard(c.id()), chatTarget(c), now);
    }

    private void join(Store.Tx tx, Conversation c, Message m, Instant now) {
        tx.addCustomerMessage(c.id(), m, now);
        Conversation next = c.customerWroteAgain(m.createdAt());
        if (!next.equals(c) && !tx.update(next)) {
            throw new IllegalStateException("conversation " + c.ref() + " changed inside its own transaction");
        }
        tx.record(new HistoryEntry(c.id(), now, HistoryEntry.EARSHOT, "follow-up", m.text()));
        String owner = c.owner() == null ? "" : " (owner: @" + c.owner() + ")";
        tx.enqueue(new Effect.ThreadPost(c.id(), "💬 @" + m.author().handle() + " wrote again" + owner
                + ": " + m.text()), chatTarget(c), now);
        tx.enqueue(new Effect.UpdateCard(c.id()), chatTarget(c), now);
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
        if (found.isEmpty() || (found.get().state() == dev.earshot.core.State.REPLIED
                && found.get().firstReplyAt() == null)) {
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
                + " directly: " + r.text()), chatTarget(c), now);
        tx.enqueue(new Effect.UpdateCard(c.id()), chatTarget(c), now);
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
                cv -> cv.assign(actor.name(), assignee.name()));
        if (!assignee.name().equals(actor.name())) {
            store.write(tx -> tx.enqueue(new Effect.Notice(id, assignee.name(),
                    "@" + actor.name() + " assigned " + c.ref() + " to you."), chatTarget(c), clock.instant()));
        }
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
                            sourceTarget(cv.account()), clock.instant());
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
            tx.enqueue(new Effect.ThreadPost(id, "📝 @" + actor.name() + ": " + body), chatTarget(c), now);
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
                tx.record(new HistoryEntry(c.id(), now, HistoryEntry.EARSHOT, "woke", "snooze ended"));
                tx.enqueue(new Effect.UpdateCard(c.id()), chatTarget(fresh), now);
                tx.enqueue(new Effect.ThreadPost(c.id(), "⏰ The snooze on " + c.ref() + " ended."),
                        chatTarget(fresh), now);
                return true;
            });
            woken += changed ? 1 : 0;
        }
        return woken;
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
                tx.enqueue(new Effect.UpdateCard(id), chatTarget(current), now);
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

    /** Outbox target for a conversation's chat channel. */
    public static String chatTarget(Conversation c) {
        return "chat:" + c.channel();
    }

    public static String sourceTarget(String sourceName) {
        return "source:" + sourceName;
    }
}
