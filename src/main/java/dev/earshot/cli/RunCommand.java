package dev.earshot.cli;

import dev.earshot.config.EarshotConfig;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code earshot run --config FILE}: the long-running service. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Run Earshot with a config file.")
public final class RunCommand implements Callable<Integer> {
    @Option(names = "--config", required = true, description = "the YAML config file")
    Path config;

    @Override
    public Integer call() throws InterruptedException {
        Optional<EarshotConfig> loaded = ConfigFile.load(config);
        return loaded.isEmpty() ? ExitCodes.CONFIG_PROBLEM : Foreground.runUntilStopped(loaded.get(), false);
    }
}
