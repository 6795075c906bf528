package dev.earshot.store;

import dev.earshot.config.StoreConfig;
import dev.earshot.port.Store;
import java.nio.file.Path;

/** Opens the store that {@code store.type} names: the composition root's one choice of store. */
public final class Stores {
    private Stores() {
    }

    public static Store open(StoreConfig config) {
        return switch (config.type()) {
            case SQLITE -> SqliteStore.open(Path.of(config.path()));
            case POSTGRESQL -> PostgresStore.open(config.url(), config.user(), config.passwordOrEmpty());
        };
    }
}
