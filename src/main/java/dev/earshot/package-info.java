/**
 * Earshot's entry point ({@link dev.earshot.Main}, which builds the command line from the
 * sub-commands in {@code dev.earshot.cli}) and composition root ({@link dev.earshot.Earshot},
 * which wires adapters to the application). The only place that knows every package; nothing
 * else lives here (an ArchUnit rule keeps it so).
 */
package dev.earshot;
