package dev.earshot.app;

import dev.earshot.core.Effect;
import dev.earshot.core.Member;
import dev.earshot.core.OnCallShift;
import dev.earshot.core.Target;
import dev.earshot.port.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is on call: the teammate put on call by hand ({@code /earshot oncall @bob}) while that
 * lasts, else the rotation's turn. Outside business hours nudges go to them alone.
 */
public final class OnCall {
    private static final Logger log = LoggerFactory.getLogger(OnCall.class);

    private final Store store;
    private final FollowThrough settings;
    private final Clock clock;

    OnCall(Store store, FollowThrough settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    /** Who is on call now, from when and until when. */
    public Optional<OnCallShift> now() {
        return store.read(tx -> now(tx, clock.instant()));
    }

    /** Who is on call at {@code at}, inside a transaction the caller already has. */
    Optional<OnCallShift> now(Store.Tx tx, Instant at) {
        Optional<OnCallShift> hand = tx.onCallOverride().filter(s -> settings.team().members().isEmpty()
                || settings.onTeam(s.member()));
        return settings.rotation().onCall(hand, at);
    }

    /** Puts {@code who} on call from now, for {@code span} or (null) until the next hand-over; tells the channel. */
    public OnCallShift put(Member actor, Member who, Duration span) {
        Instant now = clock.instant();
        OnCallShift shift = settings.rotation().override(who.name(), actor.name(), now, span);
        store.write(tx -> {
            tx.setOnCall(shift);
            if (settings.channel() != null) {
                tx.enqueue(new Effect.ChannelPost(0, ChannelWords.onCallPost(who.name(), actor.name(), shift,
                        settings.zone()), List.of(who.name())), Target.chat(settings.channel()), now);
            }
            return null;
        });
        log.info("@{} is on call{} (set by @{})", who.name(), Words.until(shift, settings.zone()), actor.name());
        return shift;
    }

    /** Ends the shift someone was put on by hand, now; the rotation decides again. Tells the channel; returns the answer. */
    public String off(Member actor) {
        Instant now = clock.instant();
        Optional<OnCallShift> ended = store.write(tx -> {
            Optional<OnCallShift> hand = tx.onCallOverride().filter(s -> s.covers(now));
            hand.ifPresent(s -> {
                tx.setOnCall(new OnCallShift(s.member(), s.from(), now, s.setBy()));
                if (settings.channel() != null) {
                    tx.enqueue(new Effect.ChannelPost(0, ChannelWords.offCallPost(s.member(), actor.name()), List.of()),
                            Target.chat(settings.channel()), now);
                }
            });
            return hand;
        });
        if (ended.isEmpty()) {
            return Words.nobodyToTakeOff(status());
        }
        log.info("@{} is off call (set by @{})", ended.get().member(), actor.name());
        return Words.offCall(ended.get().member(), status());
    }

    /** What {@code /earshot oncall} answers: who is on call, until when, and whether it is business hours. */
    public String status() {
        Instant now = clock.instant();
        Optional<OnCallShift> shift = store.read(tx -> now(tx, now));
        return Words.onCallStatus(shift.orElse(null), settings.rotation().members(), settings.hours().isOpen(now),
                settings.hours().describe(), settings.zone());
    }
}
