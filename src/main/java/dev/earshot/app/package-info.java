/**
 * The application, assembled by {@link dev.earshot.app.Application}: what the sources feed
 * ({@link dev.earshot.app.Ingest}), what teammates do ({@link dev.earshot.app.Inbox}) and look up
 * ({@link dev.earshot.app.Queries}), the one entry point every chat calls
 * ({@link dev.earshot.app.CommandHandler}, with the shared {@link dev.earshot.app.CommandParser}),
 * every sentence a teammate reads ({@link dev.earshot.app.Words}, {@link dev.earshot.app.ChannelWords}),
 * the source {@link dev.earshot.app.Poller} and the {@link dev.earshot.app.Nudger} that keeps
 * waiting customers in front of the right person; the outbox that sends what they decide lives in
 * {@link dev.earshot.app.outbox}. Talks to the world only through the ports; imports core, port,
 * SLF4J and the JDK.
 */
package dev.earshot.app;
