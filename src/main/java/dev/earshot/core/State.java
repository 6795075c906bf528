package dev.earshot.core;

/** Where a conversation stands. */
public enum State {
    NEW, CLAIMED, REPLIED, SNOOZED, DISMISSED, RESOLVED;

    /** Open conversations take customer follow-ups; closed ones make a new conversation. */
    public boolean isOpen() {
        return this != DISMISSED && this != RESOLVED;
    }

    /** A customer is waiting for the team to answer. */
    public boolean isWaiting() {
        return this == NEW || this == CLAIMED;
    }
}
