package dev.earshot.app;

import dev.earshot.port.SocialSource;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Each source is polled, and streamed, only by the instance holding its lease
 * ({@link Leases#source}). Taking a lease polls the source at once, from the stored cursor, and
 * opens its stream (Mastodon's), which only wakes the poller, on a thread of its own: paging stays
 * the one way in. Losing the lease closes the stream; the poller skips its turns meanwhile.
 */
public final class SourceLeases implements AutoCloseable {

    /** Opens what wakes a source's poller (a stream) while its lease is held; returns what to close when lost. */
    @FunctionalInterface
    public interface Streams {
        List<AutoCloseable> open(SocialSource source, Runnable wake);
    }

    private final ExecutorService wakes = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "earshot-wake");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean started;

    private SourceLeases() {
    }

    /** Lets {@code leases} decide which of {@code pollers} poll here, from its next renewal on. */
    public static SourceLeases keep(List<Poller> pollers, Leases leases, Streams streams) {
        SourceLeases keeper = new SourceLeases();
        for (Poller poller : pollers) {
            Runnable wake = Application.wakeUp(poller, keeper.wakes);
            leases.keep(Leases.source(poller.source().name()), () -> {
                if (keeper.started) {
                    wake.run();
                }
                return streams.open(poller.source(), wake);
            });
        }
        return keeper;
    }

    /** The first polls at start ran in the caller's thread; from now on a lease taken wakes its poller. */
    public void started() {
        started = true;
    }

    @Override
    public void close() {
        wakes.shutdownNow();
    }
}
