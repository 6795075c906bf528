package dev.earshot.app;

import dev.earshot.core.Target;
import dev.earshot.port.DeliveryException;
import dev.earshot.port.SocialSource;
import dev.earshot.port.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one source: fetches what is new since the stored cursor and ingests it. Every failure
 * stays inside: one failing source never stops the others, and a source that asked us to wait
 * (or needs a human) is left alone until then.
 */
public final class Poller {
    private static final Logger log = LoggerFactory.getLogger(Poller.class);
    private static final Duration FIRST_PROBE = Duration.ofMinutes(1);
    private static final Duration LONGEST_PROBE = Duration.ofMinutes(30);

    private final SocialSource source;
    private final Ingest ingest;
    private final Store store;
    private final HealthBoard health;
    private final Clock clock;
    private final Backoff backoff;
    private final BooleanSupplier ours;
    private Instant notBefore = Instant.MIN;
    private int failures;
    private Duration probe = FIRST_PROBE;

    /** @param ours whether this instance polls the source now (it holds the source's lease) */
    Poller(SocialSource source, Ingest ingest, Store store, HealthBoard health, Clock clock, Backoff backoff,
           BooleanSupplier ours) {
        this.ours = ours;
        this.source = source;
        this.ingest = ingest;
        this.store = store;
        this.health = health;
        this.clock = clock;
        this.backoff = backoff;
    }

    public SocialSource source() {
        return source;
    }

    /**
     * One poll, unless the source asked us to wait or another instance polls it. Returns what was
     * ingested, if anything.
     */
    public synchronized Optional<Ingest.Result> pollOnce() {
        Instant now = clock.instant();
        if (now.isBefore(notBefore) || !ours.getAsBoolean()) {
            return Optional.empty();
        }
        String component = Target.source(source.name()).encoded();
        try {
            Optional<String> cursor = store.read(tx -> tx.cursor(source.name()));
            SocialSource.Fetch fetch = source.fetchSince(cursor);
            Ingest.Result result = ingest.ingest(source, fetch);
            failures = 0;
            probe = FIRST_PROBE;
            if (health.ok(component, now)) {
                log.info("{} works again", component);
            }
            return Optional.of(result);
        } catch (DeliveryException e) {
            onFailure(component, e, now);
        } catch (RuntimeException e) {
            log.warn("{} poll failed unexpectedly", component, e);
            onFailure(component, new DeliveryException(DeliveryException.Kind.TRANSIENT, e.toString()), now);
        }
        return Optional.empty();
    }

    private void onFailure(String component, DeliveryException e, Instant now) {
        switch (e.kind()) {
            case RATE_LIMITED -> {
                Duration wait = e.retryAfter().orElse(backoff.after(failures++));
                notBefore = now.plus(wait);
                health.rateLimited(component, e.getMessage(), wait, now); // a spent window is shown and told once
                log.warn("{} is rate limited; next poll in {}", component, wait);
            }
            case BROKEN -> {
                notBefore = now.plus(probe);
                if (health.degraded(component, e.getMessage(), now)) {
                    log.error("{} needs a human: {}. Polling stops; probing again in {}", component,
                            e.getMessage(), probe);
                }
                probe = probe.multipliedBy(2).compareTo(LONGEST_PROBE) > 0 ? LONGEST_PROBE : probe.multipliedBy(2);
            }
            default -> {
                Duration wait = backoff.after(failures++);
                notBefore = now.plus(wait);
                log.warn("{} poll failed ({}); next try in {}", component, e.getMessage(), wait);
            }
        }
    }
}
