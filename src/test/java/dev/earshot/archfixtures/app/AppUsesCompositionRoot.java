package dev.earshot.archfixtures.app;

import dev.earshot.archfixtures.Earshot;

/** Breaks only the app rule: a use case that reaches for the composition root. */
public final class AppUsesCompositionRoot {
    void restart() {
        Earshot.start();
    }
}
