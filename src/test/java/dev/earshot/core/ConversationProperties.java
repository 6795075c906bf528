package dev.earshot.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * who owns it and whether it is closed. Refused steps must change nothing.
 */
class ConversationProperties {
    private static final List<String> MEMBERS = List.of("alice", "bob", "carol");

    record Step(String verb, String member, boolean admin) {
    }

    @Provide
    Arbitrary<Step> steps() {
        return Combinators.combine(
                Arbitraries.of("claim", "release", "assign", "reply", "dismiss", "snooze", "resolve", "wake", "wrote"),
                Arbitraries.of(MEMBERS), Arbitraries.of(true, false)).as(Step::new);
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
            try {
                c = apply(c, s, now);
            } catch (Refusal refused) {
                assertEquals(before, c, "a refusal changes nothing");
                assertTrue(refused.getMessage().startsWith("#12 ") || refused.getMessage().startsWith("Say why")
                        || refused.getMessage().startsWith("A snooze"), refused.getMessage());
                continue;
            }
            if (modelClosed) {
                assertTrue(s.verb().equals("wake") || s.verb().equals("wrote"), "closed accepts only bot events");
                assertEquals(before.state(), c.state());
            }
            switch (s.verb()) {
                case "claim" -> {
                    assertNull(modelOwner, "only an unowned conversation can be claimed");
                    modelOwner = s.member();
                }
                case "release" -> {
                    assertTrue(s.member().equals(modelOwner) || s.admin());
                    modelOwner = null;
                }
                case "assign" -> modelOwner = "bob".equals(modelOwner) ? modelOwner : "bob";
                case "reply" -> {
                    assertTrue(modelOwner == null || modelOwner.equals(s.member()) || s.admin());
                    modelOwner = modelOwner == null ? s.member() : modelOwner;
                }
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
            case "assign" -> c.assign(s.member(), "bob");
            case "reply" -> c.reply(s.member(), s.admin());
            case "dismiss" -> c.dismiss(s.member(), s.admin(), "spam");
            case "snooze" -> c.snooze(s.member(), s.admin(), now.plus(Duration.ofMinutes(10)), now);
            case "resolve" -> c.resolve(s.member(), s.admin());
            case "wake" -> c.wake(now);
            default -> c.customerWroteAgain(now);
        };
    }
}
