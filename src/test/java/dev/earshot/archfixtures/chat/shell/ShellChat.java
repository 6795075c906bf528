package dev.earshot.archfixtures.chat.shell;

import dev.earshot.archfixtures.app.Inbox;
import dev.earshot.archfixtures.config.SourceConfig;
import dev.earshot.archfixtures.port.Store;

/** Keeps every rule: a chat on the app, a port and config. */
public final class ShellChat {
    Inbox inbox;
    Store port;
    SourceConfig config;
}
