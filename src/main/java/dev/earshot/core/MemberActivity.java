package dev.earshot.core;

/**
 * What one member did in a period, from the audit log.
 *
 * @param claimed conversations the member claimed
 * @param replied replies of theirs that reached a customer
 */
public record MemberActivity(String member, int claimed, int replied) {
}
