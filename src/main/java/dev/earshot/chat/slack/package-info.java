/**
 * Slack, through Bolt for Java and the Slack Web API client, laid out as the "Adding a chat
 * adapter" recipe in docs/ARCHITECTURE.md. Outgoing (steps 1 to 3): {@link
 * dev.earshot.chat.slack.SlackChat} implements the chat port and hands each kind of post to
 * {@code CardPosts} (Block Kit cards from {@code CardBlocks}, grouped posts for bursts), {@code
 * TextPosts} (thread, channel, notice) or {@code ReportPosts}; every post carries a {@code
 * PostMarks} mark that {@code PostFinder} looks for after a crash; {@code SlackWebApi} and {@code
 * SlackErrors} turn Slack's answers into delivery errors; {@code SlackText} escapes. Incoming (steps
 * 4 and 5): {@link dev.earshot.chat.slack.SlackCommands} wires one listener per kind of request
 * ({@code SlashCommandListener}, {@code ButtonListener}, {@code TemplatePickListener}, {@code
 * FormListener}) that turns it into the one {@link dev.earshot.app.Command} the handler answers,
 * after acking on {@code SlackWork}; {@code SlackAccess} checks who asks; {@link
 * dev.earshot.chat.slack.SlackConnection} carries requests over Socket Mode or HTTP. Steps 6 and 7:
 * {@link dev.earshot.chat.slack.SlackLink} checks the token at start and starts the listeners for
 * the composition root (it never closes the store). Holds no business rules: it translates,
 * escapes and checks who is asking.
 * May import core, port, app, config, the Slack SDK, Jackson and the JDK; never a source or the store.
 */
package dev.earshot.chat.slack;
