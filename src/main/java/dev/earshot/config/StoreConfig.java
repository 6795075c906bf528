package dev.earshot.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where conversations are kept: one SQLite file (the default), or a PostgreSQL database.
 *
 * @param path     the SQLite file; its folder is created on start and also holds the digest's charts
 * @param url      PostgreSQL only: a JDBC URL, {@code jdbc:postgresql://host:5432/earshot}
 * @param user     PostgreSQL only: the role Earshot logs in as
 * @param password PostgreSQL only: that role's password, usually {@code ${EARSHOT_DB_PASSWORD}}
 */
public record StoreConfig(Type type, String path, String url, String user, Secret password) {
    public static final String DEFAULT_PATH = "./data/earshot.db";
    public static final String URL_PREFIX = "jdbc:postgresql://";

    public enum Type {
        @JsonProperty("sqlite") SQLITE,
        @JsonProperty("postgresql") POSTGRESQL
    }

    public StoreConfig {
        type = type == null ? Type.SQLITE : type;
        path = path == null ? DEFAULT_PATH : path;
    }

    /** A SQLite store. */
    public StoreConfig(Type type, String path) {
        this(type, path, null, null, null);
    }

    public static StoreConfig sqlite(Path file) {
        return new StoreConfig(Type.SQLITE, file.toString());
    }

    public static StoreConfig defaults() {
        return new StoreConfig(null, null);
    }

    /** PostgreSQL: the password as the driver takes it, empty when none is set. */
    public String passwordOrEmpty() {
        return password == null ? "" : password.reveal();
    }

    /** For check-config: the kind and where, without a password or URL parameters (they may hold one). */
    public String describe() {
        String where = type == Type.SQLITE ? path : url == null ? "(no url)" : url.replaceFirst("[?;].*$", "");
        return type.name().toLowerCase(Locale.ROOT) + " " + where;
    }
}
