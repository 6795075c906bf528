/**
 * The terminal chat: cards and thread posts printed as text, commands read from standard input
 * (typed or piped) and answered by the one {@link dev.earshot.app.CommandHandler}. Used by
 * {@code earshot demo} and by end-to-end tests. Imports core, port and app.
 */
package dev.earshot.chat.shell;
