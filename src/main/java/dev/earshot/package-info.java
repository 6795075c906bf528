/**
 * Earshot's entry point ({@link dev.earshot.Main}, the command line) and composition root
 * ({@link dev.earshot.Earshot}, which wires adapters to the application). The only place that
 * knows every package.
 */
package dev.earshot;
