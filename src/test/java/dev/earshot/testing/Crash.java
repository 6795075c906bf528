package dev.earshot.testing;

import dev.earshot.app.outbox.Dispatcher;

/** Stops the dispatcher at one named point, the way a kill -9 would stop it there. */
public final class Crash extends Error {
    public Crash(String point) {
        super("simulated crash at " + point, null, false, false);
    }

    /** Crash points that crash once, at {@code point}, the first time it is reached. */
    public static Dispatcher.CrashPoints at(String point) {
        boolean[] fired = {false};
        return reached -> {
            if (reached.equals(point) && !fired[0]) {
                fired[0] = true;
                throw new Crash(point);
            }
        };
    }
}
