package dev.earshot.store;

import dev.earshot.port.Store;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The lease contract on one SQLite file: one instance in practice, where a lease is harmless but must still hold. */
class SqliteLeaseTest extends LeaseContract {
    @TempDir
    Path dir;

    @Override
    protected Store openStore() {
        return SqliteStore.open(dir.resolve("earshot.db"));
    }

    @Override
    protected int instances() {
        return 1;
    }
}
