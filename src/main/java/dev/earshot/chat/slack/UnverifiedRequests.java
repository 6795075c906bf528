package dev.earshot.chat.slack;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests whose signature is not checked yet. Anyone on the network can start one, so they get a
 * bounded share of the HTTP threads and a deadline. A request is unverified from the moment a
 * thread starts on it (the JDK server reads the headers on that thread) until its signature is
 * found good. At most {@code slots} are unverified at once: when one more starts, the oldest is
 * cut (503), so a slow sender keeps a slot only until newer requests need it, while a request
 * Slack signed, which arrives whole within milliseconds, always gets one. A request still
 * unverified at the deadline is cut too (408).
 *
 * <p>Cutting answers the request when its headers have been read, then interrupts its thread:
 * the JDK server reads from a blocking, interruptible channel, so the read ends at once and the
 * connection is closed. A thread is never interrupted once its request is verified.
 */
final class UnverifiedRequests implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(UnverifiedRequests.class);

    /** After a refusal, how long the client may go on sending before the connection is closed. */
    static final Duration LINGER = Duration.ofMillis(250);

    private final int slots;
    private final Duration deadline;
    private final ScheduledExecutorService timer;
    private final Deque<Request> open = new ArrayDeque<>();
    private final ThreadLocal<Request> current = new ThreadLocal<>();
    private final AtomicLong crowded = new AtomicLong();
    private final AtomicLong late = new AtomicLong();

    UnverifiedRequests(int slots, Duration deadline) {
        if (slots < 1 || deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("at least one slot and a deadline after now");
        }
        this.slots = slots;
        this.deadline = deadline;
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "slack-http-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        t.setRemoveOnCancelPolicy(true);
        this.timer = Executors.unconfigurableScheduledExecutorService(t);
    }

    /** Runs one exchange of the JDK server on this thread, unverified until its handler says otherwise. */
    void run(Runnable exchange) {
        Request request = admit();
        current.set(request);
        try {
            exchange.run();
        } finally {
            request.leave();
            current.remove();
            Thread.interrupted(); // a cut may have interrupted this thread; the pool's next task starts clean
        }
    }

    /** The request this thread is working on. */
    Request current() {
        Request request = current.get();
        if (request == null) {
            throw new IllegalStateException("not on a thread started by UnverifiedRequests.run");
        }
        return request;
    }

    /** How many are unverified now (for tests). */
    synchronized int count() {
        return open.size();
    }

    private Request admit() {
        Request request = new Request(Thread.currentThread());
        Request oldest = null;
        synchronized (this) {
            if (open.size() >= slots) {
                oldest = open.pollFirst();
            }
            open.addLast(request);
        }
        if (oldest != null && oldest.cut(503, "too many requests at once; try again")) {
            tally(crowded, "requests were cut to make room for newer ones (more than " + slots
                    + " unverified at once)");
        }
        request.timeout = timer.schedule(() -> {
            if (request.cut(408, "the request did not arrive in time")) {
                tally(late, "requests were cut for arriving slower than " + deadline.toMillis() + " ms");
            }
        }, deadline.toMillis(), TimeUnit.MILLISECONDS);
        return request;
    }

    private synchronized void remove(Request request) {
        open.remove(request);
    }

    /** One line at the 1st, 10th, 100th … cut: enough to see an attack without a line per socket. */
    private static void tally(AtomicLong counter, String what) {
        long n = counter.incrementAndGet();
        if (Long.toString(n).matches("10*")) {
            log.info("Slack HTTP mode: {} {} so far", n, what);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** One request on one thread, from its first header line until its signature is checked. */
    final class Request {
        private final Thread thread;
        private HttpExchange exchange;
        private boolean refused;
        private boolean over;
        private volatile ScheduledFuture<?> timeout;

        private Request(Thread thread) {
            this.thread = thread;
        }

        /** The headers are read; false when the request was cut meanwhile (then hang up). */
        synchronized boolean attach(HttpExchange e) {
            exchange = e;
            return !over && !refused;
        }

        /**
         * Answers {@code status}, unless the request was cut first. The client then has {@link #LINGER}
         * to finish sending what it had started (the handler reads it, so that closing does not
         * reset the connection before the client reads the answer); then the connection is cut.
         */
        synchronized void refuse(int status, String text) throws IOException {
            if (over || refused) {
                return;
            }
            refused = true;
            answer(exchange, status, text);
            timeout.cancel(false);
            timeout = timer.schedule(() -> cut(0, null), Math.min(LINGER.toMillis(), deadline.toMillis()),
                    TimeUnit.MILLISECONDS);
        }

        /** The signature is good: no deadline and no slot from here on. False when it was cut first. */
        boolean verified() {
            synchronized (this) {
                if (over || refused) {
                    return false;
                }
                over = true;
            }
            leave();
            return true;
        }

        /** True when this call cut it (it was still unverified). */
        private boolean cut(int status, String text) {
            synchronized (this) {
                if (over) {
                    return false;
                }
                over = true;
                if (exchange != null && !refused) {
                    try {
                        answer(exchange, status, text);
                    } catch (IOException | RuntimeException e) {
                        // the client is gone; closing is all that is left
                    }
                }
                thread.interrupt();
            }
            remove(this);
            return true;
        }

        private void leave() {
            synchronized (this) {
                over = true;
            }
            ScheduledFuture<?> t = timeout;
            if (t != null) {
                t.cancel(false);
            }
            remove(this);
        }
    }

    /** A short plain answer, flushed, with the connection to be closed after it. */
    static void answer(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = (text + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.getResponseHeaders().set("Connection", "close");
        exchange.sendResponseHeaders(status, bytes.length);
        OutputStream out = exchange.getResponseBody();
        out.write(bytes);
        out.flush();
    }
}
