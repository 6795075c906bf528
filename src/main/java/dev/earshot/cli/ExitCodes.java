package dev.earshot.cli;

/** What the process answers besides 0 (done) and picocli's own 2 for a mistyped command line. */
final class ExitCodes {
    /** The config file has problems; each was printed with its path. */
    static final int CONFIG_PROBLEM = 2;
    /** The config is valid but something it names cannot be reached or opened. */
    static final int CANNOT_START = 3;

    private ExitCodes() {
    }
}
