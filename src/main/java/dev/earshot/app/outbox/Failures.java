package dev.earshot.app.outbox;

import dev.earshot.app.Backoff;
import dev.earshot.app.HealthBoard;
import dev.earshot.app.Telemetry;
import dev.earshot.core.Effect;
import dev.earshot.core.Target;
import dev.earshot.port.DeliveryException;
import dev.earshot.port.Store.OutboxRow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a failed send means for its row and its target. A passing failure backs off (×1.75 with
 * jitter, capped), a rate limit waits as long as the platform asks, a target that needs a human is
 * paused and shown on {@code /healthz}, and a row the platform will never take is given up on with
 * the team told. A reply the platform says was probably sent already is kept to be looked up
 * ({@link Unconfirmed}): only its conversation waits. Otherwise the whole target waits, not only the failed row: its later rows keep their order
 * behind it, and are moved out of the way in the store so that other targets' rows are read meanwhile.
 */
final class Failures {
    private static final Logger log = LoggerFactory.getLogger(Failures.class);

    private final Rows rows;
    private final Backoff backoff;
    private final HealthBoard health;
    private final Deliveries deliveries;
    private final Unconfirmed unconfirmed;
    private final Telemetry telemetry;
    private final Clock clock;

    Failures(Rows rows, Backoff backoff, HealthBoard health, Deliveries deliveries, Unconfirmed unconfirmed,
             Telemetry telemetry, Clock clock) {
        this.rows = rows;
        this.unconfirmed = unconfirmed;
        this.backoff = backoff;
        this.health = health;
        this.deliveries = deliveries;
        this.telemetry = telemetry;
        this.clock = clock;
    }

    Outcome failed(OutboxRow row, DeliveryException e, Gate gate) {
        Target target = row.target();
        telemetry.count("failed_" + e.kind().name().toLowerCase(), target.encoded());
        Instant now = clock.instant();
        switch (e.kind()) {
            case TRANSIENT -> {
                Duration wait = backoff.after(row.attempts());
                retryLater(row, now.plus(wait), e.getMessage(), true, gate);
                log.warn("{} to {} failed ({}); retry {} in {}", name(row), target, e.getMessage(),
                        row.attempts() + 1, wait);
                return Outcome.HOLD_TARGET;
            }
            case RATE_LIMITED -> {
                if (e.retryAfter().isEmpty()) {
                    // No wait given: back off as for any failure, counting the attempt so the waits grow.
                    Duration wait = backoff.after(row.attempts());
                    retryLater(row, now.plus(wait), e.getMessage(), false, gate);
                    log.warn("{} is rate limited without saying for how long; waiting {}", target, wait);
                    return Outcome.HOLD_TARGET;
                }
                Duration wait = e.retryAfter().get();
                hold(target, now.plus(wait), gate);
                // The refusal proves this call did not land; only an outcome left unknown by an earlier
                // call keeps the row sending, to be looked up before it is sent again.
                rows.write(tx -> {
                    if (row.sending()) {
                        tx.postpone(row.id(), now.plus(wait));
                    } else {
                        tx.markRefused(row.id(), now.plus(wait));
                    }
                });
                if (health.rateLimited(Dispatcher.component(target), e.getMessage(), wait, now)
                        && row.effect() instanceof Effect.CustomerReply) {
                    deliveries.repliesHeld(row, now.plus(wait)); // their cards say they wait, and until when
                }
                log.warn("{} is rate limited; waiting {} as asked", target, wait);
                return Outcome.HOLD_TARGET;
            }
            case BROKEN -> {
                Duration pause = gate.nextPause();
                hold(target, now.plus(pause), gate);
                rows.write(tx -> tx.postpone(row.id(), now.plus(pause)));
                if (health.degraded(Dispatcher.component(target), e.getMessage(), now)) {
                    log.error("{} needs a human: {}. Nothing is lost; trying again in {}", target,
                            e.getMessage(), pause);
                }
                return Outcome.HOLD_TARGET;
            }
            case REJECTED -> {
                deliveries.refused(row, e.getMessage());
                return Outcome.DONE;
            }
            case UNCONFIRMED -> {
                return unconfirmed.said(row, e.getMessage());
            }
            default -> throw new IllegalStateException(e.kind().name());
        }
    }

    /**
     * Back to waiting with one more attempt counted. A row that may have reached the platform (a
     * timeout or a 5xx after the request went out) stays marked sending, so the next attempt, even
     * after a restart, looks for it before sending again; a refusal (429) certainly did not land.
     */
    void retryLater(OutboxRow row, Instant next, String error, boolean mayHaveLanded, Gate gate) {
        hold(row.target(), next, gate);
        Instant now = clock.instant();
        rows.write(tx -> {
            tx.markRetry(row.id(), next, error);
            if (mayHaveLanded && settledByKey(row.effect())) {
                tx.markSending(row.id(), now);
            }
        });
    }

    private void hold(Target target, Instant until, Gate gate) {
        gate.hold(until);
        rows.write(tx -> tx.postponeTarget(target, until));
    }

    /** Effects whose unknown outcome can be looked up by key (the chat's marks, the source's reply). */
    private static boolean settledByKey(Effect effect) {
        return !(effect instanceof Effect.UpdateCard) && !(effect instanceof Effect.Notice);
    }

    static String name(OutboxRow row) {
        return row.effect().getClass().getSimpleName();
    }
}
