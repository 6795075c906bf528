package dev.earshot.app.outbox;

import dev.earshot.app.Telemetry;
import dev.earshot.core.Card;
import dev.earshot.core.ChatRef;
import dev.earshot.core.Conversation;
import dev.earshot.core.Effect;
import dev.earshot.port.ChatPlatform;
import dev.earshot.port.DeliveryException;
import dev.earshot.port.Store.OutboxRow;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bursts of new cards as one post. A chat allows about one post a second per channel, so 500 new
 * conversations posted one by one would take eight minutes to show. When more than
 * {@value #GROUP_ABOVE} new cards wait for one channel in a turn, and the chat can group
 * ({@link ChatPlatform#maxCardsPerPost()} above 1), up to that many are sent as ONE post through
 * {@link ChatPlatform#postCards}: one message listing them (the Slack adapter draws a line and a
 * Claim button each). Every listed conversation gets its own chat reference into that message,
 * stored as for a single card, so its later redraws and thread posts work as usual; the adapter
 * alone knows what such a reference means.
 *
 * <p>The grouped rows are marked sending (and their cards drawn) in one transaction before the
 * post and done with their references in one transaction after it, so a crash in between is
 * settled row by row through {@link ChatPlatform#findPosted}, which finds each card by its own key
 * inside the grouped message. A chat that refuses a grouped post as malformed makes the group size
 * for that channel halve (down to 1: no grouping), and the rows go back to waiting; nothing is lost.
 */
final class GroupedPosts {
    private static final Logger log = LoggerFactory.getLogger(GroupedPosts.class);
    /** More new cards than this waiting for one channel in one turn are posted as one grouped message. */
    static final int GROUP_ABOVE = 5;

    private final ChatPlatform chat;
    private final Rows rows;
    private final Cards cards;
    private final Failures failures;
    private final Telemetry telemetry;
    private final Clock clock;
    private final Dispatcher.CrashPoints crashPoints;

    GroupedPosts(ChatPlatform chat, Rows rows, Cards cards, Failures failures, Telemetry telemetry, Clock clock,
                 Dispatcher.CrashPoints crashPoints) {
        this.chat = chat;
        this.rows = rows;
        this.cards = cards;
        this.failures = failures;
        this.telemetry = telemetry;
        this.clock = clock;
        this.crashPoints = crashPoints;
    }

    /**
     * The new cards to post together with {@code first}, {@code first} included, or just
     * {@code first} when there are not enough of them or the chat does not group. Rows whose outcome
     * is unknown (sending) are left out: each is settled on its own first.
     */
    List<OutboxRow> burst(OutboxRow first, List<OutboxRow> batch, Set<Long> heldConversations, Set<Long> grouped,
                          Gate gate) {
        int limit = gate.groupLimit();
        if (limit <= 1 || !groupable(first)) {
            return List.of(first);
        }
        List<OutboxRow> waiting = batch.stream()
                .filter(r -> r.id() >= first.id() && groupable(r) && !grouped.contains(r.id())
                        && !heldConversations.contains(r.effect().conversationId()))
                .toList();
        if (waiting.size() <= GROUP_ABOVE) {
            return List.of(first);
        }
        return waiting.subList(0, Math.min(limit, waiting.size()));
    }

    private static boolean groupable(OutboxRow row) {
        return row.effect() instanceof Effect.PostCard && !row.sending();
    }

    /**
     * Posts a burst as one message. Returns null when its cards could not be drawn, so that the
     * caller sends them one by one instead: one bad card must not stop the others.
     */
    Outcome post(List<OutboxRow> burst, Gate gate) {
        String channel = ChatSender.channelOf(burst.get(0));
        List<OutboxRow> todo = new ArrayList<>();
        List<Card> drawn = new ArrayList<>();
        try {
            Instant started = clock.instant();
            rows.write(tx -> {
                todo.clear(); // PostgreSQL may run the transaction again after a serialization failure
                drawn.clear();
                for (OutboxRow row : burst) {
                    Conversation c = Cards.conversation(tx, row.effect().conversationId());
                    if (c.chatRef() != null) {
                        tx.markDone(row.id(), started); // posted already (by an earlier row)
                    } else {
                        drawn.add(cards.draw(tx, c));
                        rows.sending(tx, row, started);
                        todo.add(row);
                    }
                }
            });
        } catch (LeaseLost e) {
            throw e;
        } catch (RuntimeException e) {
            log.warn("a grouped post to {} could not be prepared; sending its cards one by one",
                    burst.get(0).target(), e);
            return null;
        }
        if (todo.isEmpty()) {
            return Outcome.DONE;
        }
        try {
            crashPoints.reached("group:before-send");
            List<ChatRef> refs = chat.postCards(channel, drawn, todo.stream().map(OutboxRow::key).toList());
            gate.posted(clock.instant(), chat.postInterval());
            crashPoints.reached("group:after-send");
            if (refs.size() != todo.size()) {
                throw new IllegalStateException("the chat returned " + refs.size() + " references for "
                        + todo.size() + " cards");
            }
            Instant now = clock.instant();
            rows.write(tx -> {
                for (int i = 0; i < todo.size(); i++) {
                    tx.setChatRef(todo.get(i).effect().conversationId(), refs.get(i));
                    tx.markDone(todo.get(i).id(), now);
                }
            });
            todo.forEach(r -> telemetry.count(Failures.name(r), r.target().encoded()));
            log.info("{} new conversations posted to {} as one grouped message (#{} to #{})", todo.size(),
                    todo.get(0).target(), todo.get(0).effect().conversationId(),
                    todo.get(todo.size() - 1).effect().conversationId());
            return Outcome.DONE;
        } catch (DeliveryException e) {
            return failed(todo, e, gate);
        } catch (RuntimeException e) {
            log.warn("grouped post to {} failed unexpectedly; will retry", todo.get(0).target(), e);
            return failed(todo, new DeliveryException(DeliveryException.Kind.TRANSIENT, e.toString(), null, e), gate);
        }
    }

    /**
     * The chat did not take the grouped post. The first row takes the failure as a single card would
     * (back-off, Retry-After, pause and health); the others go back to waiting behind it. A post the
     * chat refused as malformed shrinks the group size for this channel instead of failing the cards.
     */
    private Outcome failed(List<OutboxRow> todo, DeliveryException e, Gate gate) {
        Instant now = clock.instant();
        if (e.kind() == DeliveryException.Kind.REJECTED) {
            int smaller = gate.shrinkGroups();
            rows.write(tx -> todo.forEach(r -> tx.markRetry(r.id(), now, e.getMessage())));
            log.warn("{} refused a grouped post of {} cards ({}); grouping at most {} from now on",
                    todo.get(0).target(), todo.size(), e.getMessage(), smaller);
            return Outcome.HOLD_TARGET;
        }
        Outcome outcome = failures.failed(todo.get(0), e, gate);
        Instant next = gate.heldUntil(now);
        rows.write(tx -> todo.subList(1, todo.size()).forEach(r -> {
            tx.markRetry(r.id(), next, e.getMessage());
            if (e.kind() == DeliveryException.Kind.TRANSIENT) {
                tx.markSending(r.id(), now); // the grouped post may have landed: look before posting again
            }
        }));
        return outcome;
    }
}
