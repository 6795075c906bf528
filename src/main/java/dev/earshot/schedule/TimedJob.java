package dev.earshot.schedule;

import java.time.Instant;
import java.util.function.Consumer;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the task kept in the job's data with the time the trigger meant to fire (Quartz may fire a
 * few milliseconds early); never two at once, and a crash stays inside the job.
 */
@DisallowConcurrentExecution
public final class TimedJob implements Job {
    static final String TASK = "task";
    private static final Logger log = LoggerFactory.getLogger(TimedJob.class);

    @Override
    @SuppressWarnings("unchecked")
    public void execute(JobExecutionContext context) {
        Consumer<Instant> task = (Consumer<Instant>) context.getMergedJobDataMap().get(TASK);
        try {
            task.accept(context.getScheduledFireTime().toInstant());
        } catch (RuntimeException e) {
            log.error("job {} crashed; it runs again at its next turn", context.getJobDetail().getKey().getName(), e);
        }
    }
}
