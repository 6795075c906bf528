package dev.earshot.cli;

import dev.earshot.config.DemoConfig;
import dev.earshot.config.EarshotConfig;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code earshot demo}: simulated customers, and this terminal as the team chat. */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Try Earshot with simulated customers in this terminal; no tokens needed.")
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--seed", defaultValue = "42", description = "which simulated customers (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--data", defaultValue = "./data", description = "folder for the SQLite file (default ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--verbose", description = "show Earshot's log lines too")
    boolean verbose;

    @Override
    public Integer call() throws InterruptedException {
        if (!verbose) {
            QuietLogs.apply();
        }
        EarshotConfig demo = DemoConfig.of(data, seed, ZoneId.systemDefault());
        System.out.println("Earshot demo: simulated customers write to @acme; you are the support team."
                + " Conversations are kept in " + demo.store().path() + ".");
        return Foreground.runUntilStopped(demo, true);
    }
}
