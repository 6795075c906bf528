/**
 * The {@code earshot} sub-commands, one class each ({@code run}, {@code demo}, {@code check-config},
 * {@code digest}, {@code export}), built into the picocli command line by {@link dev.earshot.Main};
 * every one answers {@code --help}. They read the config, then start Earshot through the composition
 * root or, for the one-off reports, open the store and the report adapters themselves. This is
 * the outermost layer: it may import any package; nothing but {@code Main} imports it. Printing
 * to the terminal is its job, so {@code System.out} and {@code System.err} are used here.
 */
package dev.earshot.cli;
