package dev.earshot.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
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
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Quartz scheduler: in memory, or on the clustered JDBC job store. Jobs are a {@link TaskJob} and
 * a name; the task itself stays in this scheduler's context. A trigger the job store already holds
 * (another instance scheduled it, or this one before a restart) is kept as it is, with its next fire
 * time, unless its schedule changed: so a digest missed while every instance was down is seen as
 * misfired at the next start and runs then.
 */
final class Schedule {
    /** The scheduler's name, shared by every instance: the key of its rows in {@code qrtz_*} (V10). */
    static final String SHARED_NAME = "earshot";
    private static final Logger log = LoggerFactory.getLogger(Schedule.class);

    private final Scheduler scheduler;

    private Schedule(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** An in-memory scheduler, already running. */
    static Schedule inMemory(int threads) {
        Properties p = common("earshot-" + UUID.randomUUID(), threads);
        p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        Schedule schedule = create(p);
        schedule.start();
        return schedule;
    }

    /** A scheduler on the clustered job store, in standby until {@link #start()}. */
    static Schedule clustered(Cluster cluster, int threads) {
        String dataSource = "earshot-jobs-" + UUID.randomUUID();
        try {
            DBConnectionManager.getInstance().addConnectionProvider(dataSource, new JobDatabase(cluster, threads));
        } catch (RuntimeException e) { // Hikari tries a first connection at once
            throw new IllegalStateException("the team's job store at " + cluster + " cannot be reached", e);
        }
        Properties p = common(SHARED_NAME, threads);
        p.setProperty("org.quartz.scheduler.instanceId", cluster.instanceId());
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", dataSource);
        p.setProperty("org.quartz.jobStore.tablePrefix", "qrtz_");
        p.setProperty("org.quartz.jobStore.useProperties", "true"); // nothing serialised into the tables
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(cluster.checkIn().toMillis()));
        // A turn later than this is a misfire, handled by its trigger's rule (a tick skips to its next
        // turn; the digest runs once): no burst of make-up ticks after a take-over.
        p.setProperty("org.quartz.jobStore.misfireThreshold", Long.toString(cluster.checkIn().toMillis()));
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        return create(p);
    }

    private static Properties common(String name, int threads) {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", name);
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads));
        p.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
        p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        return p;
    }

    private static Schedule create(Properties p) {
        try {
            Scheduler scheduler = new StdSchedulerFactory(p).getScheduler();
            // Quartz keeps one live scheduler per name in a JVM-wide registry; clustered instances must
            // share their name, and tests run several in one JVM. Nothing here looks schedulers up by name.
            SchedulerRepository.getInstance().remove(scheduler.getSchedulerName());
            return new Schedule(scheduler);
        } catch (SchedulerException e) {
            throw new IllegalStateException("the scheduler did not start", e);
        }
    }

    /** {@code task} after {@code first}, then every {@code interval}; a late turn is skipped, not made up. */
    void every(String name, Duration first, Duration interval, Consumer<Instant> task) {
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(name).forJob(name)
                .startAt(Date.from(Instant.now().plus(first)))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(interval.toMillis()).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
        schedule(name, false, Set.of(trigger), task);
    }

    /** {@code task} every day at {@code at} in {@code zone}: see {@link Jobs#teamDailyAt}. */
    void dailyAt(String name, LocalTime at, ZoneId zone, Consumer<Instant> task) {
        schedule(name, true, dailyTriggers(name, at, zone), task);
    }

    /** The two triggers of {@link Jobs#teamDailyAt}: the daily one first. */
    static Set<Trigger> dailyTriggers(String name, LocalTime at, ZoneId zone) {
        TimeZone tz = TimeZone.getTimeZone(zone);
        Trigger daily = TriggerBuilder.newTrigger().withIdentity(name + ":daily").forJob(name)
                .withSchedule(CronScheduleBuilder.dailyAtHourAndMinute(at.getHour(), at.getMinute()).inTimeZone(tz)
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
        Trigger hourly = TriggerBuilder.newTrigger().withIdentity(name + ":hourly-check").forJob(name)
                .withSchedule(CronScheduleBuilder.cronSchedule("0 " + at.getMinute() + " * * * ?").inTimeZone(tz)
                        .withMisfireHandlingInstructionDoNothing())
                .build();
        return new LinkedHashSet<>(List.of(daily, hourly));
    }

    /**
     * Registers {@code task} here, then makes sure the job store holds the job and its triggers.
     * {@code recover}: should the instance running it die, another runs the turn again at once.
     */
    private void schedule(String name, boolean recover, Set<Trigger> triggers, Consumer<Instant> task) {
        JobDetail job = JobBuilder.newJob(TaskJob.class).withIdentity(name).storeDurably()
                .requestRecovery(recover).build();
        try {
            scheduler.getContext().put(TaskJob.key(name), task);
            scheduler.addJob(job, true); // replaces the stored job's details, keeps its triggers
            for (Trigger trigger : triggers) {
                Trigger stored = scheduler.getTrigger(trigger.getKey());
                if (stored == null) {
                    scheduleNew(trigger);
                } else if (!sameSchedule(stored, trigger)) {
                    scheduler.rescheduleJob(trigger.getKey(), trigger);
                    log.info("job {}: trigger {} has a new schedule", name, trigger.getKey().getName());
                }
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not schedule " + name, e);
        }
    }

    private void scheduleNew(Trigger trigger) throws SchedulerException {
        try {
            scheduler.scheduleJob(trigger);
        } catch (ObjectAlreadyExistsException e) {
            // another instance, starting at the same moment, stored the same trigger first
        }
    }

    /** Same kind, same period, same misfire rule: the stored trigger can stay, with its next fire time. */
    static boolean sameSchedule(Trigger stored, Trigger wanted) {
        if (stored.getMisfireInstruction() != wanted.getMisfireInstruction()) {
            return false;
        }
        if (stored instanceof SimpleTrigger s && wanted instanceof SimpleTrigger w) {
            return s.getRepeatInterval() == w.getRepeatInterval() && s.getRepeatCount() == w.getRepeatCount();
        }
        if (stored instanceof CronTrigger s && wanted instanceof CronTrigger w) {
            return s.getCronExpression().equals(w.getCronExpression())
                    && s.getTimeZone().getID().equals(w.getTimeZone().getID());
        }
        return false;
    }

    /** Removes {@code name} and its triggers from the job store (it is no longer configured). */
    void forget(String name) {
        try {
            scheduler.getContext().remove(TaskJob.key(name));
            scheduler.deleteJob(JobKey.jobKey(name));
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not remove " + name, e);
        }
    }

    void start() {
        try {
            scheduler.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("the scheduler did not start", e);
        }
    }

    /**
     * Stops taking new turns and waits for running ones, at most {@code bound}. With no time at all,
     * turns in flight are left as they are; on the clustered store the others take them over.
     */
    void stop(Duration bound) {
        if (bound.isNegative() || bound.isZero()) {
            try {
                scheduler.shutdown(false);
            } catch (SchedulerException e) {
                log.warn("the scheduler did not stop cleanly", e);
            }
            return;
        }
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
}
