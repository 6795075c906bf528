package dev.earshot.archfixtures;

import dev.earshot.archfixtures.cli.RunCommand;

/** Keeps every rule: the entry point may build the sub-commands. */
public final class Main {
    Runnable run = new RunCommand();
}
