package dev.earshot.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;

/**
 * Where conversations are kept.
 *
 * @param path the SQLite file; its folder is created on start
 */
public record StoreConfig(Type type, String path) {
    public static final String DEFAULT_PATH = "./data/earshot.db";

    /** Only SQLite for now; PostgreSQL will be added here. */
    public enum Type {
        @JsonProperty("sqlite") SQLITE
    }

    public StoreConfig {
        type = type == null ? Type.SQLITE : type;
        path = path == null ? DEFAULT_PATH : path;
    }

    public static StoreConfig sqlite(Path file) {
        return new StoreConfig(Type.SQLITE, file.toString());
    }

    public static StoreConfig defaults() {
        return new StoreConfig(null, null);
    }
}
