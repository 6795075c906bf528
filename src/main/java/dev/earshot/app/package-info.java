/**
 * The application: use cases ({@link dev.earshot.app.Inbox}), the one command parser every chat
 * shares ({@link dev.earshot.app.CommandParser}), the outbox {@link dev.earshot.app.Dispatcher},
 * the source {@link dev.earshot.app.Poller} and the {@link dev.earshot.app.Nudger} that keeps
 * waiting customers in front of the right person. Talks to the world only through the ports;
 * imports core, port, SLF4J and the JDK.
 */
package dev.earshot.app;
