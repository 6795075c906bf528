package dev.earshot.core;

import java.time.Instant;

/**
 * One line of a conversation's audit log: who did what, when.
 *
 * @param actor a member's name, or {@code earshot} for the bot's own doings
 * @param action what happened ({@code claim}, {@code reply}, {@code note}, ...)
 */
public record HistoryEntry(long conversationId, Instant at, String actor, String action, String detail) {
    public static final String EARSHOT = "earshot";

    public HistoryEntry {
        detail = detail == null ? "" : detail;
    }
}
