package dev.earshot.cli;

import dev.earshot.config.ConfigException;
import dev.earshot.config.ConfigLoader;
import dev.earshot.config.EarshotConfig;
import dev.earshot.config.StoreConfig;
import dev.earshot.store.StoreCopy;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code earshot migrate-store}: a SQLite store into an empty PostgreSQL database (docs/OPERATIONS.md). */
@Command(name = "migrate-store", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Copy a SQLite store into an empty PostgreSQL database, with Earshot stopped.")
public final class MigrateStoreCommand implements Callable<Integer> {
    public static final String PASSWORD_VARIABLE = "EARSHOT_DB_PASSWORD";

    @Option(names = "--from", required = true, description = "the SQLite file, or a config file whose store is SQLite")
    String from;

    @Option(names = "--to", required = true,
            description = "the PostgreSQL JDBC URL, or a config file whose store is PostgreSQL")
    String to;

    @Option(names = "--user", description = "the PostgreSQL role, with a URL (its password comes from $"
            + PASSWORD_VARIABLE + ")")
    String user;

    private final Function<String, String> env;

    public MigrateStoreCommand() {
        this(System::getenv);
    }

    /** {@code env} answers environment variables (null when unset). */
    public MigrateStoreCommand(Function<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        try {
            Path sqlite = isConfig(from) ? Path.of(store(from, StoreConfig.Type.SQLITE).path()) : Path.of(from);
            StoreConfig target = isConfig(to) ? store(to, StoreConfig.Type.POSTGRESQL) : null;
            String url = target == null ? to : target.url();
            String role = target == null ? user : target.user();
            String password = target == null ? env.apply(PASSWORD_VARIABLE)
                    : target.password() == null ? null : target.password().reveal();
            Map<String, Long> copied = StoreCopy.sqliteToPostgres(sqlite, url, role, password == null ? "" : password);
            System.out.println("Copied " + sqlite + " into " + url.replaceFirst("[?;].*$", "") + ": " + copied);
            return 0;
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            return ExitCodes.CONFIG_PROBLEM;
        } catch (RuntimeException e) {
            System.err.println("migrate-store: " + e.getMessage());
            return 1;
        }
    }

    private static boolean isConfig(String argument) {
        return argument.endsWith(".yml") || argument.endsWith(".yaml");
    }

    private StoreConfig store(String file, StoreConfig.Type type) throws ConfigException {
        EarshotConfig config = ConfigLoader.load(Path.of(file), env::apply);
        if (config.store().type() != type) {
            throw new IllegalArgumentException(file + ": its store is " + config.store().describe()
                    + ", not " + type.name().toLowerCase(java.util.Locale.ROOT));
        }
        return config.store();
    }
}
