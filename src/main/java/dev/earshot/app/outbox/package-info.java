/**
 * The outbox: everything that leaves the process goes through rows written with the change that
 * caused them, and is sent from here. {@link dev.earshot.app.outbox.Dispatcher} runs a
 * {@code Lane} per target (a chat channel, a source account), each with its {@code Gate} (pace,
 * back-off, Retry-After, pause for a human); {@code ChatSender} and {@code ReplySender} make the
 * calls, {@code GroupedPosts} turns a burst of new cards into one post, {@code Failures} decides
 * what a failed call means, and {@code Deliveries} holds the use cases a delivery ends in (a reply
 * delivered, a row refused for good). Imports core, port, the app's shared pieces, SLF4J and the JDK.
 */
package dev.earshot.app.outbox;
