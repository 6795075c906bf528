package dev.earshot.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** For commands whose terminal is for their own output: only warnings and errors are worth a line there. */
final class QuietLogs {
    private QuietLogs() {
    }

    static void apply() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
    }
}
