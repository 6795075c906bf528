/**
 * Slack, through Bolt for Java and the Slack Web API client. Outgoing: {@link
 * dev.earshot.chat.slack.SlackChat} implements the chat port (cards as Block Kit, threads,
 * notices, reports, grouped posts for bursts). Incoming: {@link dev.earshot.chat.slack.SlackCommands}
 * turns {@code /earshot} and every button and modal into the one {@link dev.earshot.app.Command}
 * the handler answers, after acking; {@link dev.earshot.chat.slack.SlackConnection} carries it over
 * Socket Mode or HTTP; {@link dev.earshot.chat.slack.SlackLink} checks the token at start and
 * starts the listeners for the composition root (it never closes the store). Holds no business
 * rules: it translates, escapes and checks who is asking.
 * May import core, port, app, config, the Slack SDK, Jackson and the JDK; never a source or the store.
 */
package dev.earshot.chat.slack;
