package dev.earshot.app.outbox;

import dev.earshot.app.Backoff;
import dev.earshot.app.HealthBoard;
import dev.earshot.app.Sources;
import dev.earshot.app.Telemetry;
import dev.earshot.core.Target;
import dev.earshot.core.Team;
import dev.earshot.port.ChartRenderer;
import dev.earshot.port.ChatPlatform;
import dev.earshot.port.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

/**
 * Drains the outbox: sends each row to its chat channel or source, marks it done only after the
 * platform accepted it, and stores what the platform gave back (the card's reference, the reply's
 * id). A row whose outcome is unknown after a crash is settled (found or not) before it is sent
 * again. Each target has its own {@link Lane}, so a stalled call holds only its own target; within
 * a lane order is kept, posts are paced, failures back off, and a target that needs a human is
 * paused while everything waits for it in the store.
 *
 * <p>Production runs {@link #tick()} on a timer: it starts the turns on the lanes' threads and
 * returns at once. {@link #drainOnce()} runs one round in the caller's thread, for tests and tools.
 */
public final class Dispatcher {
    /**
     * Suffix of the health component for sending replies through a source, kept apart from the
     * poller's {@code source:<name>}: reading can work while replying does not (a token without
     * write scope), and the two must not clear each other's state.
     */
    public static final String REPLIES = "/replies";

    /** Named places where a test can stop the dispatcher as a crash would. */
    @FunctionalInterface
    public interface CrashPoints {
        CrashPoints NONE = point -> { };

        void reached(String point);
    }

    /**
     * Under what name this instance claims outbox rows, and for how long a claim lasts unrenewed:
     * another instance takes the rows over after that (several instances on one PostgreSQL).
     */
    public record Lease(String holder, Duration term) {
        /** One process alone on its store: every claim is its own, and one name across restarts. */
        public static final Lease ALONE = new Lease("earshot", Duration.ofSeconds(20));
    }

    private final Lanes lanes;

    /** Reports go out as text only: no chart is drawn. */
    public Dispatcher(Store store, ChatPlatform chat, Sources sources, Team team, HealthBoard health,
                      Clock clock, ZoneId zone, Backoff backoff, CrashPoints crashPoints, Telemetry telemetry) {
        this(store, chat, sources, team, health, clock, zone, backoff, crashPoints, telemetry, ChartRenderer.NONE);
    }

    /** @param charts draws the trend chart attached to a report (the digest) */
    public Dispatcher(Store store, ChatPlatform chat, Sources sources, Team team, HealthBoard health,
                      Clock clock, ZoneId zone, Backoff backoff, CrashPoints crashPoints, Telemetry telemetry,
                      ChartRenderer charts) {
        this(store, chat, sources, team, health, clock, zone, backoff, crashPoints, telemetry, charts, Lease.ALONE);
    }

    /** @param lease this instance's name and its claims' term */
    public Dispatcher(Store store, ChatPlatform chat, Sources sources, Team team, HealthBoard health,
                      Clock clock, ZoneId zone, Backoff backoff, CrashPoints crashPoints, Telemetry telemetry,
                      ChartRenderer charts, Lease lease) {
        Rows rows = new Rows(store, clock, lease.holder(), lease.term());
        Cards cards = new Cards(clock, zone);
        Deliveries deliveries = new Deliveries(rows, clock);
        Unconfirmed unconfirmed = new Unconfirmed(rows, clock);
        Failures failures = new Failures(rows, backoff, health, deliveries, unconfirmed, telemetry, clock);
        Lane.Senders senders = new Lane.Senders(
                new ChatSender(chat, rows, cards, team, clock, crashPoints, charts),
                new ReplySender(sources, rows, deliveries, unconfirmed, crashPoints),
                new GroupedPosts(chat, rows, cards, failures, telemetry, clock, crashPoints),
                failures, health, telemetry, clock);
        int groupLimit = chat.maxCardsPerPost();
        this.lanes = new Lanes(rows, target -> new Lane(target,
                new Gate(target instanceof Target.Chat ? groupLimit : 1), senders));
    }

    /** Sends what is due now, in the caller's thread; returns how many rows were settled. */
    public int drainOnce() {
        return lanes.runHere();
    }

    /** Starts sending what is due now, each target on its own lane; returns at once. */
    public void tick() {
        lanes.start();
    }

    /**
     * Sends what the outbox holds now on the lanes, a few rounds at most (a delivered reply queues
     * its thread post), waiting at most {@code bound}: a stalled target cannot hold the caller.
     */
    public void drain(Duration bound) {
        lanes.rounds(5, bound);
    }

    /**
     * Graceful stop within {@code bound}: a few last rounds while time allows, then no new sends;
     * a call still running when the bound passes is left, its row settled at the next start.
     */
    public void stop(Duration bound) {
        lanes.stop(bound);
    }

    /** The health component of a target: a chat channel, or a source's replies (see {@link #REPLIES}). */
    public static String component(Target target) {
        return target instanceof Target.Source ? target.encoded() + REPLIES : target.encoded();
    }
}
