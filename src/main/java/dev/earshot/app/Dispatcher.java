package dev.earshot.app;

import dev.earshot.core.Card;
import dev.earshot.core.ChatRef;
import dev.earshot.core.Conversation;
import dev.earshot.core.Effect;
import dev.earshot.core.HistoryEntry;
import dev.earshot.core.Member;
import dev.earshot.core.Message;
import dev.earshot.core.Team;
import dev.earshot.port.ChartRenderer;
import dev.earshot.port.ChatPlatform;
import dev.earshot.port.DeliveryException;
import dev.earshot.port.SocialSource;
import dev.earshot.port.Store;
import dev.earshot.port.Store.OutboxRow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox: sends each row to its chat or source, marks it done only after the platform
 * accepted it, and stores what the platform gave back (the card's reference, the reply's id).
 * A row whose outcome is unknown after a crash is settled (found or not) before it is sent again.
 * Keeps order per target and per conversation, paces posts per channel, backs off on failure,
 * and pauses a target that needs a human while keeping everything for later.
 *
 * <h2>Bursts</h2>
 * A chat allows about one post a second per channel, so 500 new conversations posted one by one
 * would take eight minutes to show. When more than {@value #GROUP_ABOVE} new cards wait for one
 * channel in a drain, and the chat can group ({@link ChatPlatform#maxCardsPerPost()} above 1),
 * up to that many are sent as ONE post through {@link ChatPlatform#postCards}: one message listing
 * them (the Slack adapter draws a line and a Claim button each). Every listed conversation gets
 * its own chat reference into that message, stored as for a single card, so its later redraws and
 * thread posts work as usual; the adapter alone knows what such a reference means. The grouped
 * rows are marked sending in one transaction before the post and done with their references in
 * one transaction after it, so a crash in between is settled row by row through
 * {@link ChatPlatform#findPosted}, which finds each card by its own key inside the grouped message.
 * A chat that refuses a grouped post as malformed makes the group size for that channel halve
 * (down to 1: no grouping), and the rows go back to waiting; nothing is lost. Chats that do not
 * group (the shell) are untouched: the port's default posts cards one by one.
 */
public final class Dispatcher {
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final int BATCH = 200;
    private static final Duration FIRST_PAUSE = Duration.ofMinutes(1);
    private static final Duration LONGEST_PAUSE = Duration.ofMinutes(30);
    /** More new cards than this waiting for one channel in one drain are posted as one grouped message. */
    static final int GROUP_ABOVE = 5;

    /** Named places where a test can stop the dispatcher as a crash would. */
    @FunctionalInterface
    public interface CrashPoints {
        CrashPoints NONE = point -> { };

        void reached(String point);
    }

    private enum Outcome { DONE, HOLD_CONVERSATION, HOLD_TARGET }

    /**
     * Suffix of the health component for sending replies through a source, kept apart from the
     * poller's {@code source:<name>}: reading can work while replying does not (a token without
     * write scope), and the two must not clear each other's state.
     */
    static final String REPLIES = "/replies";

    private final Store store;
    private final ChatPlatform chat;
    private final Sources sources;
    private final Team team;
    private final HealthBoard health;
    private final Clock clock;
    private final ZoneId zone;
    private final Backoff backoff;
    private final CrashPoints crashPoints;
    private final Telemetry telemetry;
    private final ChartRenderer charts;
    private final Map<String, Instant> targetWait = new HashMap<>();
    private final Map<String, Instant> nextPost = new HashMap<>();
    private final Map<String, Duration> pauses = new HashMap<>();
    /** Per channel target, the most cards one grouped post may hold; shrinks when the chat refuses one. */
    private final Map<String, Integer> groupLimits = new HashMap<>();

    /** Reports go out as text only: no chart is drawn. */
    public Dispatcher(Store store, ChatPlatform chat, Sources sources, Team team, HealthBoard health,
                      Clock clock, ZoneId zone, Backoff backoff, CrashPoints crashPoints, Telemetry telemetry) {
        this(store, chat, sources, team, health, clock, zone, backoff, crashPoints, telemetry, ChartRenderer.NONE);
    }

    /** @param charts draws the trend chart attached to a report (the digest) */
    public Dispatcher(Store store, ChatPlatform chat, Sources sources, Team team, HealthBoard health,
                      Clock clock, ZoneId zone, Backoff backoff, CrashPoints crashPoints, Telemetry telemetry,
                      ChartRenderer charts) {
        this.charts = charts;
        this.telemetry = telemetry;
        this.store = store;
        this.chat = chat;
        this.sources = sources;
        this.team = team;
        this.health = health;
        this.clock = clock;
        this.zone = zone;
        this.backoff = backoff;
        this.crashPoints = crashPoints;
    }

    /** Sends what is due now; returns how many rows were settled. */
    public synchronized int drainOnce() {
        List<OutboxRow> rows = store.read(tx -> tx.dueOutbox(clock.instant(), BATCH));
        Set<String> heldTargets = new HashSet<>();
        Set<String> pacedTargets = new HashSet<>();
        Set<Long> heldConversations = new HashSet<>();
        Set<Long> grouped = new HashSet<>();
        int settled = 0;
        for (OutboxRow row : rows) {
            if (grouped.contains(row.id())) {
                continue;
            }
            String target = row.target();
            long conversation = row.effect().conversationId();
            if (heldTargets.contains(target) || heldConversations.contains(conversation)
                    || (isPost(row) && pacedTargets.contains(target))) {
                continue;
            }
            if (waiting(targetWait, target)) {
                heldTargets.add(target);
                continue;
            }
            if (isPost(row) && waiting(nextPost, target)) {
                pacedTargets.add(target);
                heldConversations.add(conversation);
                continue;
            }
            List<OutboxRow> burst = burst(row, rows, heldConversations, grouped);
            if (burst.size() > 1) {
                burst.forEach(r -> grouped.add(r.id()));
                if (attemptGroup(target, burst) == Outcome.DONE) {
                    settled += burst.size();
                } else {
                    heldTargets.add(target);
                }
                continue;
            }
            switch (attempt(row, rows)) {
                case DONE -> settled++;
                case HOLD_CONVERSATION -> heldConversations.add(conversation);
                case HOLD_TARGET -> {
                    heldTargets.add(target);
                    heldConversations.add(conversation);
                }
            }
        }
        return settled;
    }

    /**
     * The new cards of {@code first}'s channel to post together with it, {@code first} included, or
     * just {@code first} when there are not enough of them or the chat does not group. Rows whose
     * outcome is unknown (sending) are left out: each is settled on its own first.
     */
    private List<OutboxRow> burst(OutboxRow first, List<OutboxRow> batch, Set<Long> heldConversations,
                                  Set<Long> grouped) {
        int limit = groupLimits.computeIfAbsent(first.target(), t -> Math.max(1, chat.maxCardsPerPost()));
        if (limit <= 1 || !groupable(first)) {
            return List.of(first);
        }
        List<OutboxRow> waiting = batch.stream()
                .filter(r -> r.id() >= first.id() && r.target().equals(first.target()) && groupable(r)
                        && !grouped.contains(r.id()) && !heldConversations.contains(r.effect().conversationId()))
                .toList();
        if (waiting.size() <= GROUP_ABOVE) {
            return List.of(first);
        }
        return waiting.subList(0, Math.min(limit, waiting.size()));
    }

    private static boolean groupable(OutboxRow row) {
        return row.effect() instanceof Effect.PostCard && !row.sending();
    }

    /** Posts a burst of new cards as one message; see the class comment. */
    private Outcome attemptGroup(String target, List<OutboxRow> rows) {
        List<OutboxRow> todo = new ArrayList<>();
        List<Card> cards = new ArrayList<>();
        try {
            for (OutboxRow row : rows) {
                Conversation c = conversation(row.effect().conversationId());
                if (c.chatRef() != null) {
                    done(row);
                } else {
                    todo.add(row);
                    cards.add(card(c.id()));
                }
            }
        } catch (RuntimeException e) {
            // A card that cannot be drawn must not stop the others: send them one by one instead.
            log.warn("a grouped post to {} could not be prepared; sending its cards one by one", target, e);
            return attempt(rows.get(0), rows);
        }
        if (todo.isEmpty()) {
            return Outcome.DONE;
        }
        try {
            Instant started = clock.instant();
            write(tx -> todo.forEach(r -> tx.markSending(r.id(), started)));
            crashPoints.reached("group:before-send");
            List<ChatRef> refs = chat.postCards(channelOf(target), cards, todo.stream().map(OutboxRow::key).toList());
            posted(target);
            crashPoints.reached("group:after-send");
            if (refs.size() != todo.size()) {
                throw new IllegalStateException("the chat returned " + refs.size() + " references for "
                        + todo.size() + " cards");
            }
            Instant now = clock.instant();
            write(tx -> {
                for (int i = 0; i < todo.size(); i++) {
                    tx.setChatRef(todo.get(i).effect().conversationId(), refs.get(i));
                    tx.markDone(todo.get(i).id(), now);
                }
            });
            todo.forEach(r -> telemetry.count(name(r), target));
            if (health.ok(component(target), now)) {
                pauses.remove(target);
                log.info("{} works again; sending what waited", target);
            }
            log.info("{} new conversations posted to {} as one grouped message (#{} to #{})", todo.size(), target,
                    todo.get(0).effect().conversationId(), todo.get(todo.size() - 1).effect().conversationId());
            return Outcome.DONE;
        } catch (DeliveryException e) {
            return groupFailed(target, todo, e);
        } catch (RuntimeException e) {
            log.warn("grouped post to {} failed unexpectedly; will retry", target, e);
            return groupFailed(target, todo, new DeliveryException(DeliveryException.Kind.TRANSIENT, e.toString(), null, e));
        }
    }

    /**
     * The chat did not take the grouped post. The first row takes the failure as a single card would
     * (back-off, Retry-After, pause and health); the others go back to waiting behind it. A post the
     * chat refused as malformed shrinks the group size for this channel instead of failing the cards.
     */
    private Outcome groupFailed(String target, List<OutboxRow> rows, DeliveryException e) {
        Instant now = clock.instant();
        if (e.kind() == DeliveryException.Kind.REJECTED) {
            int smaller = Math.max(1, groupLimits.getOrDefault(target, rows.size()) / 2);
            groupLimits.put(target, smaller);
            write(tx -> rows.forEach(r -> tx.markRetry(r.id(), now, e.getMessage())));
            log.warn("{} refused a grouped post of {} cards ({}); grouping at most {} from now on", target,
                    rows.size(), e.getMessage(), smaller);
            return Outcome.HOLD_TARGET;
        }
        Outcome outcome = failed(rows.get(0), e);
        Instant next = targetWait.getOrDefault(target, now);
        write(tx -> rows.subList(1, rows.size()).forEach(r -> {
            tx.markRetry(r.id(), next, e.getMessage());
            if (e.kind() == DeliveryException.Kind.TRANSIENT) {
                tx.markSending(r.id(), now); // the grouped post may have landed: look before posting again
            }
        }));
        return outcome;
    }

    private Outcome attempt(OutboxRow row, List<OutboxRow> batch) {
        try {
            Outcome outcome = send(row, batch);
            if (outcome == Outcome.DONE) {
                telemetry.count(name(row), row.target());
            }
            if (health.ok(component(row.target()), clock.instant())) {
                pauses.remove(row.target());
                log.info("{} works again; sending what waited", row.target());
            }
            return outcome;
        } catch (DeliveryException e) {
            return failed(row, e);
        } catch (RuntimeException e) {
            log.warn("{} for {} failed unexpectedly; will retry", name(row), row.target(), e);
            return failed(row, new DeliveryException(DeliveryException.Kind.TRANSIENT, e.toString(), null, e));
        }
    }

    private Outcome send(OutboxRow row, List<OutboxRow> batch) throws DeliveryException {
        Effect effect = row.effect();
        if (effect instanceof Effect.PostCard p) {
            return postCard(row, p);
        } else if (effect instanceof Effect.UpdateCard u) {
            return updateCard(row, u, batch);
        } else if (effect instanceof Effect.ThreadPost t) {
            return threadPost(row, t);
        } else if (effect instanceof Effect.CustomerReply r) {
            return customerReply(row, r);
        } else if (effect instanceof Effect.Notice n) {
            return notice(row, n);
        } else if (effect instanceof Effect.ChannelPost p) {
            return channelPost(row, p);
        } else if (effect instanceof Effect.Report r) {
            return report(row, r);
        }
        throw new IllegalStateException("unknown effect " + effect);
    }

    private Outcome postCard(OutboxRow row, Effect.PostCard p) throws DeliveryException {
        Conversation c = conversation(p.conversationId());
        if (c.chatRef() != null) {
            return done(row);
        }
        String channel = channelOf(row.target());
        Optional<ChatRef> ref = row.sending() ? chat.findPosted(channel, row.key()) : Optional.empty();
        if (ref.isEmpty()) {
            markSending(row);
            crashPoints.reached("card:before-send");
            ref = Optional.of(chat.postCard(channel, card(c.id()), row.key()));
            posted(row.target());
            crashPoints.reached("card:after-send");
        }
        ChatRef posted = ref.get();
        store.write(tx -> {
            tx.setChatRef(c.id(), posted);
            tx.markDone(row.id(), clock.instant());
            return null;
        });
        log.info("{} posted to {}", c.ref(), row.target());
        return Outcome.DONE;
    }

    private Outcome updateCard(OutboxRow row, Effect.UpdateCard u, List<OutboxRow> batch) throws DeliveryException {
        Conversation c = conversation(u.conversationId());
        boolean newerInBatch = batch.stream().anyMatch(o -> o.id() > row.id() && o.effect().equals(u));
        if (c.chatRef() == null || newerInBatch) {
            // Not posted yet: the card will be drawn from the latest state when it is. A newer
            // update in this batch draws the same state: one redraw is enough.
            return done(row);
        }
        chat.updateCard(c.chatRef(), card(c.id()));
        return done(row);
    }

    private Outcome threadPost(OutboxRow row, Effect.ThreadPost t) throws DeliveryException {
        Conversation c = conversation(t.conversationId());
        if (c.chatRef() == null) {
            if (cardPending(c.id())) {
                return Outcome.HOLD_CONVERSATION;
            }
            store.write(tx -> {
                tx.markFailed(row.id(), clock.instant(), "the card was never posted");
                return null;
            });
            return Outcome.DONE;
        }
        if (!(row.sending() && chat.hasThreadPost(c.chatRef(), row.key()))) {
            markSending(row);
            crashPoints.reached("thread:before-send");
            chat.postInThread(c.chatRef(), t.text(), members(t.mention()), row.key());
            posted(row.target());
            crashPoints.reached("thread:after-send");
        }
        return done(row);
    }

    private Outcome customerReply(OutboxRow row, Effect.CustomerReply r) throws DeliveryException {
        Conversation c = conversation(r.conversationId());
        SocialSource source = sources.get(c.account()).orElseThrow(() -> new DeliveryException(
                DeliveryException.Kind.REJECTED, "source " + c.account() + " is no longer configured"));
        Message to = store.read(tx -> tx.customerMessages(c.id())).stream()
                .filter(m -> m.externalId().equals(r.inReplyTo())).findFirst()
                .orElseThrow(() -> new DeliveryException(DeliveryException.Kind.REJECTED,
                        "the customer's message " + r.inReplyTo() + " is not stored"));
        Optional<SocialSource.SentReply> sent = row.sending() ? source.findReply(to, row.key()) : Optional.empty();
        if (sent.isEmpty()) {
            markSending(row);
            crashPoints.reached("reply:before-send");
            sent = Optional.of(source.reply(to, r.text(), row.key()));
            crashPoints.reached("reply:after-send");
        }
        SocialSource.SentReply reply = sent.get();
        store.write(tx -> {
            Instant now = clock.instant();
            if (!tx.messageExists(c.platform(), c.account(), reply.externalId())) {
                tx.addBrandReply(c.id(), c.platform(), c.account(), reply.externalId(), r.text(), reply.at());
            }
            Conversation fresh = tx.conversation(c.id()).orElseThrow();
            tx.update(fresh.answeredAt(reply.at()));
            tx.record(new HistoryEntry(c.id(), now, r.member(), "replied", r.text()));
            tx.enqueue(new Effect.ThreadPost(c.id(), "↩️ @" + r.member() + " replied to the customer: " + r.text()),
                    Inbox.chatTarget(c), now);
            tx.enqueue(new Effect.UpdateCard(c.id()), Inbox.chatTarget(c), now);
            tx.markDone(row.id(), now);
            return null;
        });
        log.info("{} reply by @{} delivered on {} as {}", c.ref(), r.member(), c.account(), reply.externalId());
        return Outcome.DONE;
    }

    private Outcome channelPost(OutboxRow row, Effect.ChannelPost p) throws DeliveryException {
        String channel = channelOf(row.target());
        if (!(row.sending() && chat.findPosted(channel, row.key()).isPresent())) {
            markSending(row);
            chat.postInChannel(channel, p.text(), members(p.mention()), row.key());
            posted(row.target());
        }
        return done(row);
    }

    /**
     * A report (the digest) with its chart. A row left sending by a crash is looked for first: if
     * the chat has it, it is done; if not, it is posted. A chart that cannot be drawn does not hold
     * the report back: it goes out as text.
     */
    private Outcome report(OutboxRow row, Effect.Report r) throws DeliveryException {
        String channel = channelOf(row.target());
        if (row.sending() && chat.findPosted(channel, row.key()).isPresent()) {
            return done(row);
        }
        Optional<ChatPlatform.Image> chart = chart(r);
        markSending(row);
        crashPoints.reached("report:before-send");
        if (chart.isPresent()) {
            chat.postReport(channel, r.text(), chart.get(), row.key());
        } else {
            chat.postReportText(channel, r.text(), row.key());
        }
        posted(row.target());
        crashPoints.reached("report:after-send");
        log.info("{} posted to {}", r.name(), row.target());
        return done(row);
    }

    private Optional<ChatPlatform.Image> chart(Effect.Report r) {
        try {
            return charts.trendChart(r.name(), r.trend());
        } catch (RuntimeException e) {
            log.warn("the chart of {} could not be drawn; posting the text alone", r.name(), e);
            return Optional.empty();
        }
    }

    private List<Member> members(List<String> names) {
        return names.stream().map(team::byName).flatMap(Optional::stream).toList();
    }

    private Outcome notice(OutboxRow row, Effect.Notice n) throws DeliveryException {
        Optional<Member> member = team.byName(n.member());
        if (member.isPresent()) {
            // Notices are not marked: a duplicate after a crash is a harmless repeat to one person.
            chat.notice(channelOf(row.target()), member.get(), n.text());
        }
        return done(row);
    }

    private Outcome failed(OutboxRow row, DeliveryException e) {
        telemetry.count("failed_" + e.kind().name().toLowerCase(), row.target());
        Instant now = clock.instant();
        String target = row.target();
        switch (e.kind()) {
            case TRANSIENT -> {
                Duration wait = backoff.after(row.attempts());
                retryLater(row, now.plus(wait), e.getMessage(), true);
                log.warn("{} to {} failed ({}); retry {} in {}", name(row), target, e.getMessage(),
                        row.attempts() + 1, wait);
                return Outcome.HOLD_TARGET;
            }
            case RATE_LIMITED -> {
                if (e.retryAfter().isEmpty()) {
                    // No wait given: back off as for any failure, counting the attempt so the waits grow.
                    Duration wait = backoff.after(row.attempts());
                    retryLater(row, now.plus(wait), e.getMessage(), false);
                    log.warn("{} is rate limited without saying for how long; waiting {}", target, wait);
                    return Outcome.HOLD_TARGET;
                }
                Duration wait = e.retryAfter().get();
                hold(target, now.plus(wait));
                write(tx -> tx.postpone(row.id(), now.plus(wait)));
                log.warn("{} is rate limited; waiting {} as asked", target, wait);
                return Outcome.HOLD_TARGET;
            }
            case BROKEN -> {
                Duration pause = pauses.merge(target, FIRST_PAUSE,
                        (before, first) -> before.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0
                                ? LONGEST_PAUSE : before.multipliedBy(2));
                hold(target, now.plus(pause));
                write(tx -> tx.postpone(row.id(), now.plus(pause)));
                if (health.degraded(component(target), e.getMessage(), now)) {
                    log.error("{} needs a human: {}. Nothing is lost; trying again in {}", target,
                            e.getMessage(), pause);
                }
                return Outcome.HOLD_TARGET;
            }
            case REJECTED -> {
                rejected(row, e.getMessage());
                return Outcome.DONE;
            }
            default -> throw new IllegalStateException(e.kind().name());
        }
    }

    /**
     * Back to waiting with one more attempt counted. A row that may have reached the platform (a
     * timeout or a 5xx after the request went out) stays marked sending, so the next attempt, even
     * after a restart, looks for it before sending again; a refusal (429) certainly did not land.
     */
    private void retryLater(OutboxRow row, Instant next, String error, boolean mayHaveLanded) {
        hold(row.target(), next);
        Instant now = clock.instant();
        write(tx -> {
            tx.markRetry(row.id(), next, error);
            if (mayHaveLanded && settledByKey(row.effect())) {
                tx.markSending(row.id(), now);
            }
        });
    }

    /**
     * The whole target waits, not only the failed row: its later rows keep their order behind it,
     * and are moved out of the way in the store so that other targets' rows are read meanwhile.
     */
    private void hold(String target, Instant until) {
        targetWait.put(target, until);
        write(tx -> tx.postponeTarget(target, until));
    }

    /** Effects whose unknown outcome can be looked up by key (the chat's marks, the source's reply). */
    private static boolean settledByKey(Effect effect) {
        return !(effect instanceof Effect.UpdateCard) && !(effect instanceof Effect.Notice);
    }

    /** The platform will never take this row: give up on it and make sure the team knows. */
    private void rejected(OutboxRow row, String reason) {
        Instant now = clock.instant();
        log.error("{} for #{} was refused by {}: {}", name(row), row.effect().conversationId(), row.target(), reason);
        store.write(tx -> {
            tx.markFailed(row.id(), now, reason);
            if (row.effect() instanceof Effect.PostCard p) {
                Conversation c = tx.conversation(p.conversationId()).orElseThrow();
                tx.record(new HistoryEntry(c.id(), now, HistoryEntry.EARSHOT, "card-failed", reason));
                tx.enqueue(new Effect.ChannelPost(c.id(), c.ref() + " from @" + c.authorHandle() + " on "
                        + c.platform().displayName() + " could not be shown as a card (" + reason
                        + "). Type /earshot show " + c.id() + " to see it.", List.of()), row.target(), now);
            }
            if (row.effect() instanceof Effect.CustomerReply r) {
                Conversation c = tx.conversation(r.conversationId()).orElseThrow();
                tx.update(c.replyFailed());
                tx.record(new HistoryEntry(c.id(), now, HistoryEntry.EARSHOT, "reply-failed", reason));
                String text = "⚠️ The reply by @" + r.member() + " could not be sent (" + reason
                        + "). The customer has not been answered.";
                tx.enqueue(new Effect.ThreadPost(c.id(), text), Inbox.chatTarget(c), now);
                tx.enqueue(new Effect.Notice(c.id(), r.member(), text), Inbox.chatTarget(c), now);
                tx.enqueue(new Effect.UpdateCard(c.id()), Inbox.chatTarget(c), now);
            }
            return null;
        });
    }

    private Card card(long conversationId) {
        return store.read(tx -> Queries.view(tx, conversationId)).card(clock.instant(), zone);
    }

    private Conversation conversation(long id) {
        return store.read(tx -> tx.conversation(id)).orElseThrow(() -> Queries.unknown(id));
    }

    private boolean cardPending(long id) {
        return store.read(tx -> tx.cardPending(id));
    }

    private Outcome done(OutboxRow row) {
        write(tx -> tx.markDone(row.id(), clock.instant()));
        return Outcome.DONE;
    }

    private void markSending(OutboxRow row) {
        write(tx -> tx.markSending(row.id(), clock.instant()));
    }

    private void write(java.util.function.Consumer<Store.Tx> work) {
        store.write(tx -> {
            work.accept(tx);
            return null;
        });
    }

    private void posted(String target) {
        Duration interval = chat.postInterval();
        if (!interval.isZero()) {
            nextPost.put(target, clock.instant().plus(interval));
        }
    }

    private boolean waiting(Map<String, Instant> until, String target) {
        Instant at = until.get(target);
        return at != null && at.isAfter(clock.instant());
    }

    private static boolean isPost(OutboxRow row) {
        return row.effect() instanceof Effect.PostCard || row.effect() instanceof Effect.ThreadPost
                || row.effect() instanceof Effect.ChannelPost || row.effect() instanceof Effect.Report;
    }

    /** The health component of a target: a chat channel, or a source's replies (see {@link #REPLIES}). */
    private static String component(String target) {
        return target.startsWith("source:") ? target + REPLIES : target;
    }

    private static String channelOf(String target) {
        return target.substring(target.indexOf(':') + 1);
    }

    private static String name(OutboxRow row) {
        return row.effect().getClass().getSimpleName();
    }
}
