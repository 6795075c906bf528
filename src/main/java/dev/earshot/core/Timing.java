package dev.earshot.core;

import java.time.Instant;
import java.util.Objects;

/** When a conversation opened and when it was first answered (null: not yet); all the trend needs. */
public record Timing(Instant openedAt, Instant firstReplyAt) {
    public Timing {
        Objects.requireNonNull(openedAt, "openedAt");
    }
}
