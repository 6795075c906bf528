/**
 * The terminal chat: cards and thread posts printed as text, commands read from standard input
 * (typed or piped). Used by {@code earshot demo} and by end-to-end tests.
 */
package dev.earshot.chat.shell;
