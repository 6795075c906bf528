package dev.earshot.source.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.earshot.port.DeliveryException;
import dev.earshot.source.http.JsonHttp;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user's notification stream as server-sent events ({@code GET /api/v1/streaming/user/notification}).
 * It stores nothing: a mention only wakes the poller, so paging with {@code min_id} stays the one
 * path that stores messages and moves the cursor. Reconnects with capped, jittered back-off; a
 * watchdog drops a connection that has been silent (no event, no {@code :thump}) for too long.
 */
final class MastodonStream implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MastodonStream.class);
    static final String PATH = "/api/v1/streaming/user/notification";
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LONGEST_RETRY = Duration.ofMinutes(1);
    private static final Duration REFUSED_RETRY = Duration.ofMinutes(5);
    /** Mastodon sends a heartbeat comment about every 15 s. */
    private static final Duration SILENCE = Duration.ofSeconds(90);
    /** The status line and headers of the stream must come within this. */
    private static final Duration HEADERS = Duration.ofSeconds(30);
    /** The most one event may hold (a notification is a few KB); more, and the connection is dropped. */
    static final int MAX_EVENT = 256 * 1024;

    /** Where to connect; may ask the instance, so it can fail; null when there is nowhere the token may go. */
    @FunctionalInterface
    interface Endpoint {
        URI base() throws DeliveryException;
    }

    private final String name;
    private final HttpClient client;
    private final Endpoint endpoint;
    private final String token;
    private final Clock clock;
    private final Runnable onActivity;
    private final ScheduledExecutorService executor;
    private volatile boolean closed;
    private volatile InputStream open;
    private volatile Instant lastHeard;
    private volatile Thread reader;
    private Duration retry = FIRST_RETRY;

    MastodonStream(String name, HttpClient client, Endpoint endpoint, String token, Clock clock, Runnable onActivity) {
        this.name = name;
        this.client = client;
        this.endpoint = endpoint;
        this.token = token;
        this.clock = clock;
        this.onActivity = onActivity;
        ScheduledThreadPoolExecutor ex = new ScheduledThreadPoolExecutor(2, r -> {
            Thread t = new Thread(r, "mastodon-stream-" + name);
            t.setDaemon(true);
            return t;
        });
        ex.setRemoveOnCancelPolicy(true);
        this.executor = ex;
    }

    void start() {
        executor.execute(this::connect);
        executor.scheduleWithFixedDelay(this::watchdog, 15, 15, TimeUnit.SECONDS);
    }

    private void connect() {
        Thread.interrupted(); // a watchdog's interrupt belongs to the connection it ended
        if (closed) {
            return;
        }
        Duration next;
        try {
            next = listen();
        } catch (RuntimeException e) {
            log.warn("{}: the stream failed unexpectedly", name, e);
            next = retry;
        }
        if (!closed && next != null) {
            Duration wait = jitter(next);
            log.debug("{}: stream reconnects in {}", name, wait);
            executor.schedule(this::connect, wait.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** One connection, read until it ends; returns how long to wait before the next, or null: never again. */
    private Duration listen() {
        URI base;
        try {
            base = endpoint.base();
        } catch (DeliveryException e) {
            log.warn("{}: cannot start the stream yet ({}); polling goes on", name, e.getMessage());
            return backOff();
        }
        if (base == null) {
            return null;
        }
        String b = base.toString().replaceAll("/+$", "");
        HttpRequest request = HttpRequest.newBuilder(URI.create(b + PATH))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream")
                .header("User-Agent", "Earshot")
                .timeout(HEADERS)
                .GET().build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            log.warn("{}: stream connection failed ({}); polling goes on", name, e.getClass().getSimpleName());
            return backOff();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return backOff();
        }
        int status = response.statusCode();
        if (status != 200) {
            closeQuietly(response.body());
            if (status == 401 || status == 403 || status == 404) {
                log.warn("{}: the instance refused the stream ({}); polling goes on, next try in {}", name, status,
                        REFUSED_RETRY);
                return REFUSED_RETRY;
            }
            log.warn("{}: stream answered {}; polling goes on", name, status);
            return backOff();
        }
        open = response.body();
        reader = Thread.currentThread();
        lastHeard = clock.instant();
        log.info("{}: streaming notifications", name);
        try (InputStream in = new BufferedInputStream(open)) {
            read(in);
        } catch (TooLong e) {
            log.warn("{}: {}; dropped the stream, reconnecting", name, e.getMessage());
        } catch (IOException e) {
            if (!closed) {
                log.info("{}: stream dropped ({}); reconnecting", name, e.getClass().getSimpleName());
            }
        } finally {
            open = null;
            reader = null;
        }
        return backOff();
    }

    private void read(InputStream in) throws IOException {
        String event = null;
        StringBuilder data = new StringBuilder();
        String line;
        while (!closed && (line = line(in)) != null) {
            lastHeard = clock.instant();
            retry = FIRST_RETRY;
            if (line.isEmpty()) {
                dispatch(event, data.toString());
                event = null;
                data.setLength(0);
            } else if (line.startsWith(":")) {
                continue;
            } else if (line.startsWith("event:")) {
                event = line.substring(6).trim();
            } else if (line.startsWith("data:")) {
                data.append(data.length() == 0 ? "" : "\n").append(line.substring(5).stripLeading());
                if (data.length() > MAX_EVENT) {
                    throw new TooLong("an event of the stream was longer than " + MAX_EVENT + " characters");
                }
            }
        }
    }

    /** One line of the stream (LF, CR LF or CR ends it), at most {@link #MAX_EVENT} bytes; null at the end. */
    static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                break;
            }
            if (b == '\r') {
                in.mark(1);
                if (in.read() != '\n') {
                    in.reset();
                }
                break;
            }
            if (line.size() >= MAX_EVENT) {
                throw new TooLong("a line of the stream was longer than " + MAX_EVENT + " bytes");
            }
            line.write(b);
        }
        return b == -1 && line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
    }

    /** The stream sent more than one event may hold. */
    static final class TooLong extends IOException {
        TooLong(String message) {
            super(message);
        }
    }

    private void dispatch(String event, String data) {
        if (!"notification".equals(event)) {
            return;
        }
        String type = "";
        try {
            JsonNode n = JsonHttp.JSON.readTree(data);
            type = n == null ? "" : n.path("type").asText("");
        } catch (IOException e) {
            // an unreadable payload still says something arrived
        }
        if (type.isEmpty() || type.equals("mention")) {
            try {
                onActivity.run();
            } catch (RuntimeException e) {
                log.warn("{}: waking the poller failed", name, e);
            }
        }
    }

    private void watchdog() {
        InputStream in = open;
        Instant heard = lastHeard;
        if (in != null && heard != null && clock.instant().isAfter(heard.plus(SILENCE))) {
            log.info("{}: stream silent since {}; reconnecting", name, heard);
            closeQuietly(in);
            Thread t = reader;
            if (t != null) {
                t.interrupt();
            }
        }
    }

    private Duration backOff() {
        Duration now = retry;
        Duration doubled = retry.multipliedBy(2);
        retry = doubled.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : doubled;
        return now;
    }

    private static Duration jitter(Duration d) {
        return Duration.ofMillis(Math.round(d.toMillis() * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble())));
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // closing a dropped stream
        }
    }

    @Override
    public void close() {
        closed = true;
        InputStream in = open;
        if (in != null) {
            closeQuietly(in);
        }
        executor.shutdownNow();
    }
}
