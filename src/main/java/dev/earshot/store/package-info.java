/**
 * The durable store: {@link dev.earshot.store.SqliteStore}, the SQLite implementation of
 * {@link dev.earshot.port.Store}, with its row mappers and SQL, and the Flyway migrations under
 * {@code db/migration/sqlite}. Imports core, port, JDBC, sqlite-jdbc, Flyway, Jackson and SLF4J;
 * nothing outside this package sees a {@code java.sql} type.
 */
package dev.earshot.store;
