package dev.earshot.core;

/** How a customer's message reached the brand. Order matters: earlier kinds usually need an answer more. */
public enum MessageKind {
    DM, MENTION, REPLY, QUOTE, KEYWORD
}
