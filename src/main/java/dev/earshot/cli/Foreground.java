package dev.earshot.cli;

import dev.earshot.Earshot;
import dev.earshot.config.EarshotConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/** Runs Earshot in this process until it is stopped: by SIGTERM, or by the end of the terminal chat. */
final class Foreground {
    private Foreground() {
    }

    /**
     * @param console true: the terminal is the chat even if the config names another (the demo)
     * @return the exit code
     */
    static int runUntilStopped(EarshotConfig config, boolean console) throws InterruptedException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Earshot earshot;
        try {
            earshot = Earshot.start(config, Clock.system(config.team().timezone()), new Earshot.Terminal(in, out));
        } catch (Earshot.CannotStart e) {
            System.err.println("Earshot cannot start: " + e.getMessage());
            return ExitCodes.CANNOT_START;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(earshot::close, "earshot-shutdown"));
        if (console || config.chat().shell() != null) {
            earshot.runConsole();
            earshot.close();
        } else {
            earshot.awaitStop();
        }
        return 0;
    }
}
