package dev.earshot.app;

import dev.earshot.core.Member;
import java.util.Objects;

/**
 * Who sent a command, as the chat adapter found out: a member of the team, or someone it turned
 * away. A turned-away caller gets the adapter's sentence as a refusal and a line in the audit log.
 *
 * @param member the member, or null when turned away
 * @param chatId the sender as the chat knows them ({@code slack:U0123}), for the audit log; may be null for a member
 * @param refusal what to tell someone turned away
 * @param reason why they were turned away, for the audit log
 */
public record Caller(Member member, String chatId, String refusal, String reason) {

    public Caller {
        if (member == null) {
            Objects.requireNonNull(refusal, "refusal");
            Objects.requireNonNull(reason, "reason");
        }
    }

    public static Caller member(Member member) {
        return new Caller(Objects.requireNonNull(member, "member"), null, null, null);
    }

    public static Caller turnedAway(String chatId, String refusal, String reason) {
        return new Caller(null, chatId, refusal, reason);
    }

    public boolean allowed() {
        return member != null;
    }
}
