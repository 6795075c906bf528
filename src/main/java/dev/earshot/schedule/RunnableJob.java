package dev.earshot.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the task kept in the job's data; never two at once, and a crash stays inside the job. */
@DisallowConcurrentExecution
public final class RunnableJob implements Job {
    static final String TASK = "task";
    private static final Logger log = LoggerFactory.getLogger(RunnableJob.class);

    @Override
    public void execute(JobExecutionContext context) {
        Runnable task = (Runnable) context.getMergedJobDataMap().get(TASK);
        try {
            task.run();
        } catch (RuntimeException e) {
            log.error("job {} crashed; it runs again at its next turn", context.getJobDetail().getKey().getName(), e);
        }
    }
}
