package dev.earshot.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Earshot's periodic jobs, of two kinds:
 * <ul>
 * <li><b>this instance's own</b> ({@link #every}): the polls of its sources and the outbox round.
 *     Every instance runs them, in memory; what each turn may touch is settled in the store.
 * <li><b>the team's</b> ({@link #teamEvery}, {@link #teamDailyAt}): the tick (snoozes, nudges,
 *     follow-ups, on-call) and the digest, whose every turn must run once for the whole team.
 * </ul>
 * With one instance (SQLite) both kinds share one in-memory scheduler. With a {@link Cluster}
 * (several instances on one PostgreSQL) the team's jobs live in Quartz's clustered JDBC job store:
 * each turn runs on exactly one instance, and when an instance stops checking in, the others take
 * its jobs over. The digest's and the nudges' once-only records in the store stay the second guard.
 */
public final class Jobs implements AutoCloseable {
    /** The tick and the digest, each on its own thread. */
    static final int TEAM_THREADS = 2;

    private final Schedule own;
    private final Schedule team;

    private Jobs(Schedule own, Schedule team) {
        this.own = own;
        this.team = team;
    }

    /** One in-memory scheduler for both kinds, running at once; {@code threads} counts every job. */
    public static Jobs start(int threads) {
        Schedule one = Schedule.inMemory(threads);
        return new Jobs(one, one);
    }

    /**
     * With {@code cluster} null, as {@link #start(int)} with the team's threads added. Otherwise this
     * instance's jobs run in memory at once, and the team's wait in the clustered store until
     * {@link #startTeam()}: a turn that fired before its task was registered here would be lost.
     */
    public static Jobs start(int ownThreads, Cluster cluster) {
        if (cluster == null) {
            return start(ownThreads + TEAM_THREADS);
        }
        Schedule own = Schedule.inMemory(ownThreads);
        try {
            return new Jobs(own, Schedule.clustered(cluster, TEAM_THREADS));
        } catch (RuntimeException e) {
            own.stop(Duration.ZERO);
            throw e;
        }
    }

    /**
     * This instance's {@code task}, after {@code first}, then every {@code interval}. A turn missed
     * while the previous one still ran is skipped, not made up: each turn looks at everything due.
     */
    public void every(String name, Duration first, Duration interval, Runnable task) {
        own.every(name, first, interval, at -> task.run());
    }

    /** The team's {@code task}, as {@link #every}, once per turn across the instances. */
    public void teamEvery(String name, Duration first, Duration interval, Runnable task) {
        team.every(name, first, interval, at -> task.run());
    }

    /**
     * The team's {@code task} every day at {@code at} in {@code zone}, handed the time the trigger
     * meant to fire. Two triggers on one job, never running at once:
     * <ul>
     * <li>the daily cron ({@code dailyAtHourAndMinute(h, m).inTimeZone(zone)}); a turn missed while
     *     the scheduler was busy, the machine slept or (clustered) every instance was down fires once,
     *     as soon as it can (fire-and-proceed), never several times;
     * <li>an hourly check at the same minute, since Quartz skips a daily time that does not exist
     *     on the day the clocks go forward (02:30 on a spring DST day); a check finds nothing to do
     *     once the day's turn has run.
     * </ul>
     * The task itself decides what is due and keeps it to once per period, in the store.
     */
    public void teamDailyAt(String name, LocalTime at, ZoneId zone, Consumer<Instant> task) {
        team.dailyAt(name, at, zone, task);
    }

    /** Removes a team job this configuration no longer has (the digest turned off) from the job store. */
    public void teamForget(String name) {
        team.forget(name);
    }

    /** Lets the team's jobs fire, once they are all registered (already so in memory). */
    public void startTeam() {
        team.start();
    }

    /** Stops taking new turns and waits for running ones, at most {@code bound}; both kinds at once. */
    public void stop(Duration bound) {
        if (team == own) {
            own.stop(bound);
            return;
        }
        CompletableFuture<Void> teamStopped = CompletableFuture.runAsync(() -> team.stop(bound));
        own.stop(bound);
        teamStopped.join(); // bounded by team.stop itself
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(5));
    }
}
