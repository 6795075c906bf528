package dev.earshot.app.outbox;

import dev.earshot.core.Target;
import dev.earshot.port.Store.OutboxRow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lane per target, and the threads they run on. Each round reads the due rows once (at most
 * {@value #PER_TARGET} of each target) and gives every idle lane its own; a lane still busy with
 * an earlier turn (a slow or stalled call) is skipped until it finishes, so it never holds another
 * target. At most {@value #THREADS} turns run at once (a few chat channels and a few sources); a
 * lane that finds no thread free simply waits for the next round.
 *
 * <p>A lane is taken before the rows are read, so a turn never gets rows that an earlier turn of
 * the same lane settled meanwhile.
 */
final class Lanes {
    private static final Logger log = LoggerFactory.getLogger(Lanes.class);
    /** Rows of one target read per round: enough for a grouped post and what follows it. */
    static final int PER_TARGET = 200;
    static final int THREADS = 8;

    private final Map<Target, Lane> lanes = new ConcurrentHashMap<>();
    private final Rows rows;
    private final Function<Target, Lane> newLane;
    private final ThreadPoolExecutor threads;
    private volatile boolean stopping;

    Lanes(Rows rows, Function<Target, Lane> newLane) {
        this.rows = rows;
        this.newLane = newLane;
        AtomicInteger count = new AtomicInteger();
        this.threads = new ThreadPoolExecutor(0, THREADS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "earshot-lane-" + count.incrementAndGet());
            t.setDaemon(true); // a call stalled past the stop's bound must not keep the process alive
            return t;
        });
    }

    /** Runs one round in the caller's thread, lane after lane; returns how many rows were settled. */
    int runHere() {
        int settled = 0;
        for (Map.Entry<Lane, List<OutboxRow>> turn : takeDue().entrySet()) {
            try {
                settled += turn.getKey().turn(turn.getValue());
            } finally {
                turn.getKey().leave();
            }
        }
        return settled;
    }

    /** Starts one round on the lanes' threads and returns at once; returns the turns started. */
    List<Future<?>> start() {
        List<Future<?>> started = new ArrayList<>();
        if (stopping) {
            return started;
        }
        for (Map.Entry<Lane, List<OutboxRow>> turn : takeDue().entrySet()) {
            Lane lane = turn.getKey();
            try {
                started.add(threads.submit(() -> {
                    try {
                        lane.turn(turn.getValue());
                    } catch (RuntimeException | Error e) {
                        // The rows stay in the store (a crash mid-send leaves them sending): the next round retries.
                        if (stopping) {
                            log.info("a call left running at the stop ended ({}); its row is settled at the next start",
                                    e.toString());
                        } else {
                            log.error("a turn of the outbox failed; its rows stay for the next round", e);
                        }
                    } finally {
                        lane.leave();
                    }
                }));
            } catch (RejectedExecutionException e) {
                lane.leave(); // every thread is busy (or stopping): the next round takes it
            }
        }
        return started;
    }

    /**
     * Takes every idle lane, then reads the due rows; returns the taken lanes that have rows, each
     * with its own, and gives back the others. Rounds are taken one at a time.
     */
    private synchronized Map<Lane, List<OutboxRow>> takeDue() {
        List<Lane> taken = new ArrayList<>();
        lanes.values().forEach(lane -> {
            if (lane.enter()) {
                taken.add(lane);
            }
        });
        Map<Lane, List<OutboxRow>> turns = new LinkedHashMap<>();
        try {
            for (OutboxRow row : rows.claim(PER_TARGET)) {
                Lane lane = lanes.get(row.target());
                if (lane == null) {
                    lane = newLane.apply(row.target());
                    lane.enter();
                    lanes.put(row.target(), lane);
                    taken.add(lane);
                }
                if (taken.contains(lane)) {
                    turns.computeIfAbsent(lane, l -> new ArrayList<>()).add(row);
                }
            }
        } finally {
            taken.stream().filter(lane -> !turns.containsKey(lane)).forEach(Lane::leave);
        }
        return turns;
    }

    /**
     * Up to {@code most} rounds on the lanes' threads, each waiting for the turns it started, until
     * one starts none or {@code bound} has passed. A turn still running then goes on by itself.
     */
    void rounds(int most, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        for (int round = 0; round < most; round++) {
            List<Future<?>> started = start();
            if (started.isEmpty() || !awaitAll(started, deadline)) {
                return;
            }
        }
    }

    /**
     * Graceful stop: a few last rounds while time allows (a delivered reply queues its thread post
     * and card update), then no new turns; turns still running get what is left of {@code bound}
     * and are then interrupted. A row whose call never finished stays sending, and is looked up at
     * the next start before anything is sent again.
     */
    void stop(Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        rounds(3, bound);
        stopping = true;
        threads.shutdown();
        try {
            if (!threads.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                log.warn("{} outbox calls still running at the stop; their rows are settled at the next start",
                        threads.getActiveCount());
                threads.shutdownNow();
            }
        } catch (InterruptedException e) {
            threads.shutdownNow();
            Thread.currentThread().interrupt();
        }
        try {
            rows.release();
        } catch (RuntimeException e) {
            log.warn("the outbox's leases could not be given up ({}); they expire by themselves", e.getMessage());
        }
    }

    private static boolean awaitAll(List<Future<?>> turns, long deadline) {
        try {
            for (Future<?> turn : turns) {
                turn.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return true; // the turn logged its own failure
        }
    }
}
