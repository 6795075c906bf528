package dev.earshot.archfixtures.store;

import dev.earshot.archfixtures.core.Conversation;
import dev.earshot.archfixtures.port.Store;
import java.sql.Connection;
import java.util.Optional;

/** Keeps every rule: the store implements the port with JDBC. */
public final class SqliteStore implements Store {
    Connection connection;

    @Override
    public Optional<Conversation> find(long id) {
        return Optional.empty();
    }
}
