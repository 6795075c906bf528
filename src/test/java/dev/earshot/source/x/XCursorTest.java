package dev.earshot.source.x;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.earshot.source.x.XCursor.Bound;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class XCursorTest {
    @Test
    void roundTripsBothKindsOfBound() {
        XCursor c = new XCursor(Bound.after("1862000000000000003"), Bound.since(Instant.parse("2026-11-22T09:00:00.750Z")));
        assertEquals("m=id:1862000000000000003;b=t:2026-11-22T09:00:00Z", c.encode());
        assertEquals(Optional.of(c), XCursor.parse(c.encode()));
        assertEquals(Map.of("since_id", "1862000000000000003"), c.mentions().query());
        assertEquals(Map.of("start_time", "2026-11-22T09:00:00Z"), c.brand().query());
    }

    @Test
    void somethingElseIsNotACursorOfOurs() {
        for (String text : new String[] {"", "42", "m=id:x;b=id:1", "m=id:1", "m=t:yesterday;b=id:1", "b=id:1;m=id:2"}) {
            assertEquals(Optional.empty(), XCursor.parse(text), text);
        }
    }

    @Test
    void aBoundOnlyMovesForward() {
        Bound at = Bound.after("1862000000000000003");
        assertSame(at, at.past(null));
        assertSame(at, at.past("1862000000000000002"));
        assertEquals(Bound.after("1862000000000000004"), at.past("1862000000000000004"));
        assertEquals(Bound.after("5"), Bound.since(Instant.EPOCH).past("5"));
        assertEquals(1, XCursor.compareIds("10", "9"), "ids compare as numbers, not as text");
    }

    @Test
    void idsCarryTheirTime() {
        Instant at = Instant.parse("2026-11-23T09:00:00.123Z");
        assertEquals(at, XCursor.timeOf(XCursor.idAt(at, 7)));
        assertEquals(Instant.parse("2010-11-04T01:42:54.657Z"), XCursor.timeOf("0"));
    }
}
