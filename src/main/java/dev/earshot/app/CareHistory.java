package dev.earshot.app;

/** The audit-log actions of social care, written by the outbox and read by the card and the digest. */
public final class CareHistory {
    /** The after-hours acknowledgement reached the customer. */
    public static final String ACKNOWLEDGED = "after-hours-ack";
    /** It was not sent: a teammate had taken or answered the conversation first. */
    public static final String ACK_DROPPED = "after-hours-ack-dropped";
    /** The platform refused it for good. */
    public static final String ACK_FAILED = "after-hours-ack-failed";
    /** A reply waits for the platform's posting limit; the detail is when it resets (an ISO instant). */
    public static final String REPLY_HELD = "reply-held";

    private CareHistory() {
    }
}
