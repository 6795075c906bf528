/**
 * Discord, through JDA for the gateway and interactions and plain REST for posting. Outgoing:
 * {@link dev.earshot.chat.discord.DiscordChat} implements the chat port (cards as embeds with
 * buttons, one thread per card, grouped posts for bursts, the digest with its chart, every post
 * marked and sent with a nonce so a retry never doubles it, mentions off unless Earshot chose
 * them). Incoming: {@link dev.earshot.chat.discord.DiscordCommands} turns {@code /earshot}, card
 * buttons and the Reply… and Dismiss… modals into the one {@link dev.earshot.app.Command} the
 * handler runs, after deferring. Holds no business rules: it translates, escapes and checks who is
 * asking. May import core, port, app, config, JDA, Jackson and the JDK; never a source or the store.
 */
package dev.earshot.chat.discord;
