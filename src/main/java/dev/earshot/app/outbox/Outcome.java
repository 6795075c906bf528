package dev.earshot.app.outbox;

/** What one attempt at a row means for the rows behind it in its lane. */
enum Outcome {
    /** Settled (done, failed for good, or nothing to do): go on. */
    DONE,
    /** This conversation's later rows wait (a thread post waiting for its card); other rows go on. */
    HOLD_CONVERSATION,
    /** The whole target waits (back-off, Retry-After, a pause for a human): its turn ends. */
    HOLD_TARGET
}
