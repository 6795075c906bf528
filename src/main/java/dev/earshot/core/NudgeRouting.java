package dev.earshot.core;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a nudge is posted and who is mentioned in it. In business hours: a thread reminder for the
 * first step and the idle owner, the channel for the later steps and for an offer-back. Outside
 * business hours every nudge is a thread post that mentions the on-call teammate (or the owner
 * when nobody is on call): the whole channel is not woken at night.
 */
public final class NudgeRouting {

    /** @param inChannel true: a post in the channel itself; false: in the card's thread */
    public record Delivery(boolean inChannel, List<String> mention) {
        public Delivery {
            mention = List.copyOf(mention);
        }
    }

    private NudgeRouting() {
    }

    /**
     * @param owner the conversation's owner, or null
     * @param onCall who is on call now, if anyone
     * @param manager the team's manager, if one is configured
     */
    public static Delivery route(Nudge nudge, boolean inHours, String owner, Optional<String> onCall,
                                 Optional<String> manager) {
        Optional<String> owned = Optional.ofNullable(owner);
        if (!inHours) {
            return new Delivery(false, names(onCall.or(() -> owned)));
        }
        return switch (nudge.kind()) {
            case CLAIMED_IDLE -> new Delivery(false, names(owned));
            case OFFER_BACK -> new Delivery(true, names(owned));
            case SLA -> switch (nudge.action()) {
                case THREAD -> new Delivery(false, names(owned));
                case ONCALL -> new Delivery(true, names(owned.or(() -> onCall)));
                case MANAGER -> new Delivery(true, names(manager.or(() -> owned.or(() -> onCall))));
            };
        };
    }

    /** A new conversation urgent enough to page: the on-call teammate, else the manager. */
    public static List<String> page(Optional<String> onCall, Optional<String> manager) {
        return names(onCall.or(() -> manager));
    }

    private static List<String> names(Optional<String> one) {
        Set<String> names = new LinkedHashSet<>();
        one.ifPresent(names::add);
        return List.copyOf(names);
    }
}
