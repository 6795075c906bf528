package dev.earshot.cli;

import dev.earshot.config.ConfigException;
import dev.earshot.config.ConfigLoader;
import dev.earshot.config.EarshotConfig;
import java.nio.file.Path;
import java.util.Optional;

/** Reading the operator's config file, environment interpolation included. */
final class ConfigFile {
    private ConfigFile() {
    }

    /** The config, or empty after every problem in it was printed for the operator. */
    static Optional<EarshotConfig> load(Path file) {
        try {
            return Optional.of(ConfigLoader.load(file, System::getenv));
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            return Optional.empty();
        }
    }
}
