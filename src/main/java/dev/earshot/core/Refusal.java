package dev.earshot.core;

/**
 * A request the rules refuse. The message is a sentence meant for the user who asked
 * ("#12 is already claimed by @alice"), shown as it is by every chat adapter.
 */
public class Refusal extends RuntimeException {
    public Refusal(String sentenceForTheUser) {
        super(sentenceForTheUser, null, false, false);
    }
}
