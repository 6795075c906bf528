/**
 * The application: use cases ({@link dev.earshot.app.Inbox}), the one command parser every chat
 * shares ({@link dev.earshot.app.CommandParser}), the source {@link dev.earshot.app.Poller} and the
 * {@link dev.earshot.app.Nudger} that keeps waiting customers in front of the right person; the
 * outbox that sends what they decide lives in {@link dev.earshot.app.outbox}. Talks to the world
 * only through the ports; imports core, port, SLF4J and the JDK.
 */
package dev.earshot.app;
