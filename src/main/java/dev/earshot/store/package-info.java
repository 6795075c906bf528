/**
 * The durable store: {@link dev.earshot.store.SqliteStore} (one SQLite file, the default) and
 * {@link dev.earshot.store.PostgresStore} (a PostgreSQL database through HikariCP), two
 * implementations of {@link dev.earshot.port.Store} sharing one transaction view ({@code SqlTx}) and
 * its SQL, which both dialects read alike; what differs lives in the two store classes (how a
 * transaction runs) and in the migrations ({@code db/migration/sqlite} and
 * {@code db/migration/postgresql}, the same versions). {@link dev.earshot.store.Stores} opens the one
 * the config names, {@link dev.earshot.store.StoreCheck} tries it for check-config, and
 * {@link dev.earshot.store.StoreCopy} copies SQLite into PostgreSQL. Imports core, port, config (the
 * store's own record), JDBC, sqlite-jdbc, the PostgreSQL driver, HikariCP, Flyway, Jackson and SLF4J;
 * nothing outside this package sees a {@code java.sql} type.
 */
package dev.earshot.store;
