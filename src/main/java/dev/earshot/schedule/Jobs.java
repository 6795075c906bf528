package dev.earshot.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.quartz.CronScheduleBuilder;
import org.quartz.DateBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Earshot's periodic jobs on one in-memory Quartz scheduler. */
public final class Jobs implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Jobs.class);

    private final Scheduler scheduler;

    private Jobs(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    public static Jobs start(int threads) {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", "earshot-" + UUID.randomUUID());
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads));
        p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        p.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
        p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        try {
            Scheduler scheduler = new StdSchedulerFactory(p).getScheduler();
            scheduler.start();
            return new Jobs(scheduler);
        } catch (SchedulerException e) {
            throw new IllegalStateException("the scheduler did not start", e);
        }
    }

    /**
     * Runs {@code task} after {@code first}, then every {@code interval}. A turn missed while the
     * previous one still ran is skipped, not made up: each turn looks at everything due anyway.
     */
    public void every(String name, Duration first, Duration interval, Runnable task) {
        JobDataMap data = new JobDataMap();
        data.put(RunnableJob.TASK, task);
        JobDetail job = JobBuilder.newJob(RunnableJob.class).withIdentity(name).usingJobData(data).build();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(name)
                .startAt(DateBuilder.futureDate((int) first.toMillis(), DateBuilder.IntervalUnit.MILLISECOND))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(interval.toMillis()).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
        try {
            scheduler.scheduleJob(job, trigger);
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not schedule " + name, e);
        }
    }

    /**
     * Runs {@code task} every day at {@code at} in {@code zone}, handing it the time the trigger
     * meant to fire. Two triggers on one job, never running at once:
     * <ul>
     * <li>the daily cron ({@code dailyAtHourAndMinute(h, m).inTimeZone(zone)}); a turn missed while
     *     the scheduler was busy or the machine slept fires once, as soon as it can
     *     (fire-and-proceed), never several times;
     * <li>an hourly check at the same minute, since Quartz skips a daily time that does not exist
     *     on the day the clocks go forward (02:30 on a spring DST day); a check finds nothing to do
     *     once the day's turn has run.
     * </ul>
     * The task itself decides what is due and keeps it to once per period, in the store: Quartz's
     * triggers live in memory only.
     */
    public void dailyAt(String name, LocalTime at, ZoneId zone, Consumer<Instant> task) {
        JobDataMap data = new JobDataMap();
        data.put(TimedJob.TASK, task);
        JobDetail job = JobBuilder.newJob(TimedJob.class).withIdentity(name).usingJobData(data).build();
        try {
            scheduler.scheduleJob(job, dailyTriggers(name, at, zone), false);
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not schedule " + name, e);
        }
    }

    /** The two triggers of {@link #dailyAt}: the daily one first. */
    static Set<Trigger> dailyTriggers(String name, LocalTime at, ZoneId zone) {
        TimeZone tz = TimeZone.getTimeZone(zone);
        Trigger daily = TriggerBuilder.newTrigger().withIdentity(name + ":daily")
                .withSchedule(CronScheduleBuilder.dailyAtHourAndMinute(at.getHour(), at.getMinute()).inTimeZone(tz)
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
        Trigger hourly = TriggerBuilder.newTrigger().withIdentity(name + ":hourly-check")
                .withSchedule(CronScheduleBuilder.cronSchedule("0 " + at.getMinute() + " * * * ?").inTimeZone(tz)
                        .withMisfireHandlingInstructionDoNothing())
                .build();
        return new LinkedHashSet<>(List.of(daily, hourly));
    }

    /** Stops taking new turns and waits for running ones, at most {@code bound}. */
    public void stop(Duration bound) {
        ExecutorService waiter = Executors.newSingleThreadExecutor();
        try {
            Future<?> done = waiter.submit(() -> {
                scheduler.shutdown(true);
                return null;
            });
            done.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("jobs still running after {}; stopping without them", bound);
        } catch (Exception e) {
            log.warn("the scheduler did not stop cleanly", e);
        } finally {
            waiter.shutdownNow();
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(5));
    }
}
