package dev.earshot.cli;

import dev.earshot.config.EarshotConfig;
import dev.earshot.store.StoreCheck;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code earshot check-config FILE}: every problem in a config file, or a summary of it. */
@Command(name = "check-config", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Check a config file and list every problem in it.")
public final class CheckConfigCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "the YAML config file")
    Path file;

    @Override
    public Integer call() {
        Optional<EarshotConfig> config = ConfigFile.load(file).filter(c -> StoreCheck.passes(file.toString(), c.store(), System.err));
        config.ifPresent(c -> System.out.println(file + ": OK\n" + c.describe()));
        return config.isPresent() ? 0 : ExitCodes.CONFIG_PROBLEM;
    }
}
