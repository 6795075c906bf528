package dev.earshot.source.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/**
 * A response body read into memory up to a cap, within a deadline that starts when the headers
 * arrive. Past either, the read fails with {@link Cut} and the connection is let go (the
 * subscription is cancelled), so a platform that sends forever, or one byte now and then, cannot
 * hold a thread or fill the heap.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
    /** Why a body was not read to its end. */
    static final class Cut extends IOException {
        private final boolean tooLarge;

        Cut(String message, boolean tooLarge) {
            super(message, null);
            this.tooLarge = tooLarge;
        }

        /** The body was larger than the cap (not merely slow). */
        boolean tooLarge() {
            return tooLarge;
        }
    }

    private final long maxBytes;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream read = new ByteArrayOutputStream();
    private volatile Flow.Subscription subscription;

    private CappedBody(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** A handler whose bodies are capped at {@code maxBytes} and must be complete {@code deadline} after the headers. */
    static HttpResponse.BodyHandler<byte[]> handler(long maxBytes, Duration deadline, java.util.function.Consumer<CappedBody> opened) {
        return info -> {
            CappedBody body = new CappedBody(maxBytes);
            opened.accept(body);
            CompletableFuture.delayedExecutor(deadline.toMillis(), TimeUnit.MILLISECONDS)
                    .execute(() -> body.cut("the body was not complete " + deadline.toSeconds() + " s after the headers"));
            return body;
        };
    }

    /** Stops reading: the call fails with {@code why}. Nothing happens once the body is complete. */
    void cut(String why) {
        cut(why, false);
    }

    private void cut(String why, boolean tooLarge) {
        if (result.completeExceptionally(new Cut(why, tooLarge))) {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (result.isDone()) {
            s.cancel();
        } else {
            s.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer b : items) {
            if (read.size() + (long) b.remaining() > maxBytes) {
                long mb = maxBytes / (1024 * 1024);
                cut("the body was larger than " + maxBytes + " bytes" + (mb > 0 ? " (" + mb + " MB)" : "")
                        + "; cut there", true);
                return;
            }
            byte[] chunk = new byte[b.remaining()];
            b.get(chunk);
            read.write(chunk, 0, chunk.length);
        }
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        result.complete(read.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }
}
