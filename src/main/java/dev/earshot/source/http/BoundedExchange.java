package dev.earshot.source.http;

import dev.earshot.port.DeliveryException;
import dev.earshot.port.DeliveryException.Kind;
import dev.earshot.source.text.LogSafe;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One HTTP exchange within {@link HttpLimits} (connect, headers, body, total, size), the body read
 * into memory by {@link CappedBody}. Whatever stops it is {@link Kind#TRANSIENT}, except a body
 * larger than the cap, which is {@code tooLarge} (a JSON API that sends megabytes is a passing
 * fault; a feed that has grown past the cap will not shrink by itself).
 */
public final class BoundedExchange {
    private BoundedExchange() {
    }

    /** @param what names the call in errors ({@code Mastodon GET /api/v1/notifications}) */
    public static HttpResponse<byte[]> send(HttpClient client, HttpRequest request, HttpLimits bounds, String what,
                                            Kind tooLarge) throws DeliveryException {
        AtomicReference<CappedBody> reading = new AtomicReference<>();
        CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(request,
                CappedBody.handler(bounds.maxBytes(), bounds.body(), reading::set));
        try {
            return pending.get(bounds.total().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            for (Throwable c = cause; c != null; c = c.getCause()) {
                if (c instanceof CappedBody.Cut cut) {
                    throw new DeliveryException(cut.tooLarge() ? tooLarge : Kind.TRANSIENT,
                            what + ": " + cut.getMessage(), null, null);
                }
            }
            String why = cause instanceof HttpTimeoutException
                    ? "no answer within " + bounds.headers().toSeconds() + " s"
                    : "failed: " + cause.getClass().getSimpleName()
                            + (cause.getMessage() == null ? "" : " (" + LogSafe.clean(cause.getMessage()) + ")");
            throw new DeliveryException(Kind.TRANSIENT, what + " " + why, null, null);
        } catch (TimeoutException e) {
            stop(pending, reading.get(), "the call took longer than " + bounds.total().toSeconds() + " s");
            throw new DeliveryException(Kind.TRANSIENT,
                    what + " got no full answer within " + bounds.total().toSeconds() + " s; cut there", null, null);
        } catch (InterruptedException e) {
            stop(pending, reading.get(), "interrupted");
            Thread.currentThread().interrupt();
            throw new DeliveryException(Kind.TRANSIENT, what + " was interrupted", null, null);
        }
    }

    private static void stop(CompletableFuture<?> pending, CappedBody body, String why) {
        if (body != null) {
            body.cut(why);
        }
        pending.cancel(true);
    }
}
