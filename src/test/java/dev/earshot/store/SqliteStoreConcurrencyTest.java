package dev.earshot.store;

import dev.earshot.port.Store;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The concurrency contract on one SQLite file: promise 8 (no "database is locked" between processes) too. */
class SqliteStoreConcurrencyTest extends StoreConcurrencyContract {
    @TempDir
    Path dir;

    @Override
    protected Store openStore() {
        return SqliteStore.open(dir.resolve("earshot.db"));
    }

    /** One store, as one container runs it; the read-modify-write test still opens two on the file. */
    @Override
    protected int instances() {
        return 1;
    }
}
