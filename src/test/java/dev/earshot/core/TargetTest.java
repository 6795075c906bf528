package dev.earshot.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** A target is spelled and read back in one place, and nothing else passes for one. */
class TargetTest {
    @Test
    void eachTargetReadsBackAsItselfFromItsStoredForm() {
        assertEquals("chat:C0123", Target.chat("C0123").encoded());
        assertEquals("source:acme-x", Target.source("acme-x").encoded());
        for (Target t : new Target[] {Target.chat("support"), Target.chat("C0:odd:name"), Target.source("acme-x")}) {
            assertEquals(t, Target.decode(t.encoded()));
        }
    }

    @Test
    void anythingElseIsRefused() {
        for (String bad : new String[] {null, "", "#support", "x:brand", "chat:", "source: ", "Chat:support"}) {
            assertThrows(IllegalArgumentException.class, () -> Target.decode(bad), String.valueOf(bad));
        }
        assertThrows(IllegalArgumentException.class, () -> Target.chat(" "));
        assertThrows(IllegalArgumentException.class, () -> Target.source(null));
    }
}
