package dev.earshot.core;

/**
 * A teammate brought into a conversation by another ({@code /earshot escalate 12 @erin the
 * invoice system}): recorded in its history, shown on its card, the expert mentioned in its thread.
 * The owner stays the owner.
 */
public record Escalation(long conversationId, String by, String expert, String note) {
    /** History action of an escalation; its detail is {@code @expert} or {@code @expert: note}. */
    public static final String ACTION = "escalate";

    public Escalation {
        note = note == null ? "" : note.strip();
    }

    public static Escalation of(Conversation c, String by, String expert, String note) {
        if (!c.state().isOpen()) {
            throw new Refusal(c.ref() + " is " + (c.state() == State.RESOLVED ? "resolved" : "dismissed")
                    + "; there is nobody left to bring in.");
        }
        if (expert.equalsIgnoreCase(by)) {
            throw new Refusal("You are already on " + c.ref() + "; name the teammate to bring in.");
        }
        return new Escalation(c.id(), by, expert, note);
    }

    /** What the history keeps. */
    public String detail() {
        return "@" + expert + (note.isEmpty() ? "" : ": " + note);
    }

    /** The expert's name from a history detail written by {@link #detail()}. */
    public static String expertOf(String detail) {
        String bare = detail.startsWith("@") ? detail.substring(1) : detail;
        int colon = bare.indexOf(':');
        return (colon < 0 ? bare : bare.substring(0, colon)).strip();
    }
}
