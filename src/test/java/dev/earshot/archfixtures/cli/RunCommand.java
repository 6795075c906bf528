package dev.earshot.archfixtures.cli;

import dev.earshot.archfixtures.Earshot;
import dev.earshot.archfixtures.config.SourceConfig;
import dev.earshot.archfixtures.store.SqliteStore;

/** Keeps every rule: a sub-command may use the composition root, config and adapters. */
public final class RunCommand implements Runnable {
    SourceConfig config;
    SqliteStore store;

    @Override
    public void run() {
        Earshot.start();
    }
}
