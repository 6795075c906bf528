package dev.earshot.chat.slack;

import com.slack.api.bolt.context.Context;
import com.slack.api.bolt.response.Response;
import dev.earshot.app.Answer;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the listeners' work runs once Slack has its ack (recipe step 5: ack within 3 s). Slack
 * gives three seconds, so a listener acks at once and hands the command (the store, the answer)
 * to this small executor; a repeated delivery (same trigger id) is acked and ignored. A full
 * queue costs the work, never the ack.
 */
final class SlackWork implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SlackWork.class);

    private final ExecutorService work;
    private final RecentIds seen = new RecentIds(10_000);

    SlackWork() {
        AtomicInteger n = new AtomicInteger();
        this.work = new ThreadPoolExecutor(4, 4, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(10_000), r -> {
            Thread t = new Thread(r, "slack-work-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Acks now and runs the task after, unless this delivery was seen before. */
    Response acked(Context ctx, String deliveryId, Runnable task) {
        if (firstTime(deliveryId)) {
            try {
                work.execute(() -> {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        log.error("a Slack request failed after its ack", e);
                    }
                });
            } catch (RejectedExecutionException e) {
                log.warn("too much work queued; a Slack request was acked and dropped");
            }
        } else {
            log.debug("repeated delivery {} acked and ignored", deliveryId);
        }
        return ctx.ack();
    }

    /** Whether this delivery id is new; false for a delivery Slack repeats. */
    boolean firstTime(String deliveryId) {
        return seen.firstTime(deliveryId);
    }

    /** Work after the ack; a full queue costs the follow-up message, never the ack. */
    void later(Runnable task) {
        try {
            work.execute(task);
        } catch (RejectedExecutionException e) {
            log.warn("too much work queued; a follow-up message to Slack was dropped");
        }
    }

    /** A command whose answer the caller waits for (a form's ack); throws when the queue is full. */
    Future<Answer> submit(Callable<Answer> command) throws RejectedExecutionException {
        return work.submit(command);
    }

    @Override
    public void close() {
        work.shutdown();
        try {
            if (!work.awaitTermination(3, TimeUnit.SECONDS)) {
                work.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            work.shutdownNow();
        }
    }
}
