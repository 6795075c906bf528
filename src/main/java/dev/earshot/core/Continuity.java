package dev.earshot.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One owner from start to end: a customer who comes back within {@code window} of their last
 * conversation goes to the teammate who owned it, so they never tell their story twice. Measured
 * from the customer's last message in the earlier conversation to their new one.
 */
public record Continuity(Duration window) {

    /** The earlier conversation the new one continues, and who takes it. */
    public record Link(Conversation earlier, String owner) {
    }

    public Continuity {
        window = window == null || window.isNegative() ? Duration.ZERO : window;
    }

    public static Continuity off() {
        return new Continuity(Duration.ZERO);
    }

    public boolean isOn() {
        return !window.isZero();
    }

    /**
     * @param earlier the customer's latest conversation that had an owner, if any
     * @param onTeam whether a name still belongs to the team (someone who left gets no new work)
     */
    public Optional<Link> link(Conversation fresh, Optional<Conversation> earlier, Predicate<String> onTeam) {
        if (!isOn() || earlier.isEmpty()) {
            return Optional.empty();
        }
        Conversation e = earlier.get();
        if (e.owner() == null || !onTeam.test(e.owner()) || e.id() == fresh.id()
                || !e.platform().equals(fresh.platform()) || !e.authorHandle().equals(fresh.authorHandle())) {
            return Optional.empty();
        }
        Instant last = e.lastCustomerAt() == null ? e.openedAt() : e.lastCustomerAt();
        if (Duration.between(last, fresh.openedAt()).compareTo(window) > 0) {
            return Optional.empty();
        }
        return Optional.of(new Link(e, e.owner()));
    }

    /** The new conversation, claimed by the earlier owner. */
    public static Conversation continueWith(Conversation fresh, Link link) {
        return fresh.claim(link.owner());
    }
}
