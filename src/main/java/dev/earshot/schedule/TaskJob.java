package dev.earshot.schedule;

import java.time.Instant;
import java.util.function.Consumer;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every Earshot job: runs the task this instance registered under the job's name, handing it the
 * time the trigger meant to fire (Quartz may fire a few milliseconds early). The task is looked up
 * in the scheduler's context, which lives in memory: a clustered job store keeps only this class and
 * the name, never the task. Never two at once (across the cluster too), and a crash stays inside.
 */
@DisallowConcurrentExecution
public final class TaskJob implements Job {
    private static final String PREFIX = "earshot.task:";
    private static final Logger log = LoggerFactory.getLogger(TaskJob.class);

    /** The key under which {@code name}'s task is kept in the scheduler's context. */
    static String key(String name) {
        return PREFIX + name;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void execute(JobExecutionContext context) {
        String name = context.getJobDetail().getKey().getName();
        Consumer<Instant> task;
        try {
            task = (Consumer<Instant>) context.getScheduler().getContext().get(key(name));
        } catch (SchedulerException e) {
            log.error("job {} cannot read its scheduler's context; it runs again at its next turn", name, e);
            return;
        }
        if (task == null) { // scheduled by another instance whose configuration has it (a rolling deploy)
            log.warn("job {} is not in this instance's configuration; this turn is skipped", name);
            return;
        }
        try {
            task.accept(context.getScheduledFireTime().toInstant());
        } catch (RuntimeException e) {
            log.error("job {} crashed; it runs again at its next turn", name, e);
        }
    }
}
