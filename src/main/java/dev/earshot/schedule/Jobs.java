package dev.earshot.schedule;

import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
