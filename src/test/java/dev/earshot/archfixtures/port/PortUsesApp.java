package dev.earshot.archfixtures.port;

import dev.earshot.archfixtures.app.Inbox;

/** Breaks only the port rule: a port that needs the app. */
public interface PortUsesApp {
    void hand(Inbox inbox);
}
