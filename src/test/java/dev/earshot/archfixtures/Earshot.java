package dev.earshot.archfixtures;

import dev.earshot.archfixtures.cli.RunCommand;

/** Breaks only "nothing but Main uses the command line": the composition root calls a sub-command. */
public final class Earshot {
    public static void start() {
        new RunCommand().run();
    }
}
