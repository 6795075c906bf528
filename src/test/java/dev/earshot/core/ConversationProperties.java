package dev.earshot.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Random sequences of what teammates do to one conversation, checked against a small model of
 * who owns it, whether it is closed, and so who may act: the model predicts every refusal and
 * every acceptance, so a rule that lets someone around the owner (an assign by a bystander, a
 * resolve by a non-owner) fails here. Refused steps must change nothing.
 */
class ConversationProperties {
    private static final List<String> MEMBERS = List.of("alice", "bob", "carol");

    /** {@code target} is who an assign hands the conversation to. */
    record Step(String verb, String member, boolean admin, String target) {
    }

    @Provide
    Arbitrary<Step> steps() {
        return Combinators.combine(
                Arbitraries.of("claim", "release", "assign", "reply", "dismiss", "snooze", "resolve", "wake", "wrote"),
                Arbitraries.of(MEMBERS), Arbitraries.of(true, false), Arbitraries.of(MEMBERS)).as(Step::new);
    }

    /** The model: whether the rules must accept this step. */
    static boolean allowed(Step s, String owner, boolean closed) {
        boolean ownerOrAdmin = owner == null || owner.equals(s.member()) || s.admin();
        if (s.verb().equals("wake") || s.verb().equals("wrote")) {
            return true;
        }
        if (closed) {
            return false;
        }
        return switch (s.verb()) {
            case "claim" -> owner == null;
            case "release" -> owner != null && ownerOrAdmin;
            case "assign" -> !s.target().equals(owner) && ownerOrAdmin;
            default -> ownerOrAdmin; // reply, dismiss, snooze, resolve
        };
    }

    @Property(tries = 300)
    void rulesAgreeWithTheModel(@ForAll @Size(max = 30) List<@From("steps") Step> steps) {
        Instant now = Fixtures.T0;
        Conversation c = Fixtures.fresh();
        String modelOwner = null;
        boolean modelClosed = false;
        for (Step s : steps) {
            now = now.plus(Duration.ofMinutes(7));
            Conversation before = c;
            boolean expected = allowed(s, modelOwner, modelClosed);
            try {
                c = apply(c, s, now);
            } catch (Refusal refused) {
                assertFalse(expected, s + " was refused (" + refused.getMessage() + ") but the model allows it");
                assertEquals(before, c, "a refusal changes nothing");
                assertTrue(refused.getMessage().startsWith("#12 "), refused.getMessage());
                continue;
            }
            assertTrue(expected, s + " was accepted but the model refuses it (owner " + modelOwner + ")");
            if (modelClosed) {
                assertEquals(before.state(), c.state());
            }
            switch (s.verb()) {
                case "claim", "reply" -> modelOwner = modelOwner == null ? s.member() : modelOwner;
                case "release" -> modelOwner = null;
                case "assign" -> modelOwner = s.target();
                case "dismiss", "resolve" -> modelClosed = true;
                default -> { }
            }
            assertEquals(modelOwner, c.owner(), "owner after " + s);
            assertEquals(modelClosed, !c.state().isOpen(), "closed after " + s);
            if (c.state() == State.CLAIMED) {
                assertNotNull(c.owner());
            }
            if (c.state() == State.NEW) {
                assertNull(c.owner());
            }
        }
    }

    private static Conversation apply(Conversation c, Step s, Instant now) {
        return switch (s.verb()) {
            case "claim" -> c.claim(s.member());
            case "release" -> c.release(s.member(), s.admin());
            case "assign" -> c.assign(s.member(), s.admin(), s.target());
            case "reply" -> c.reply(s.member(), s.admin());
            case "dismiss" -> c.dismiss(s.member(), s.admin(), "spam");
            case "snooze" -> c.snooze(s.member(), s.admin(), now.plus(Duration.ofMinutes(10)), now);
            case "resolve" -> c.resolve(s.member(), s.admin());
            case "wake" -> c.wake(now);
            default -> c.customerWroteAgain(now);
        };
    }
}
