package dev.earshot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.core.ChatRef;
import dev.earshot.core.Conversation;
import dev.earshot.core.State;
import dev.earshot.port.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig.TransactionMode;

/** The contract on a real SQLite file, plus what only SQLite has to say. */
class SqliteStoreTest extends StoreContract {
    @TempDir
    Path dir;

    @Override
    protected Store openStore() {
        return SqliteStore.open(dir.resolve("data/earshot.db"));
    }

    @Test
    void opening_creates_the_folders_and_sets_sqlite_for_durability() {
        assertTrue(Files.isRegularFile(dir.resolve("data/earshot.db")));
        Settings settings = ((SqliteStore) store).settings();
        assertEquals("wal", settings.journalMode().toLowerCase(Locale.ROOT));
        assertEquals(Settings.FULL, settings.synchronous());
        assertTrue(settings.foreignKeys());
        assertTrue(settings.busyTimeoutMillis() >= 5_000, () -> "busy_timeout " + settings.busyTimeoutMillis());
        assertEquals(TransactionMode.IMMEDIATE, settings.beginMode());
    }

    @Test
    void the_start_check_refuses_weaker_settings() {
        Settings good = new Settings("wal", 2, 10_000, true, TransactionMode.IMMEDIATE);
        assertEquals(good, good.requireDurable());
        List.of(new Settings("delete", 2, 10_000, true, TransactionMode.IMMEDIATE),
                        new Settings("wal", 1, 10_000, true, TransactionMode.IMMEDIATE),
                        new Settings("wal", 2, 3_000, true, TransactionMode.IMMEDIATE),
                        new Settings("wal", 2, 10_000, false, TransactionMode.IMMEDIATE),
                        new Settings("wal", 2, 10_000, true, TransactionMode.DEFERRED))
                .forEach(weak -> assertThrows(IllegalStateException.class, weak::requireDurable, weak::toString));
    }

    @Test
    void a_message_needs_its_conversation_because_foreign_keys_are_enforced() {
        assertThrows(StoreException.class, () -> store.write(tx -> {
            tx.addCustomerMessage(404, message("m1", "jane", "t1", T0), T0);
            return null;
        }));
    }

    @Test
    void a_read_cannot_write() {
        assertThrows(StoreException.class, () -> store.read(tx -> {
            tx.saveCursor("x:brand", "1", T0);
            return null;
        }));
        assertEquals(Optional.empty(), store.read(tx -> tx.cursor("x:brand")));
    }

    @Test
    void a_transaction_does_not_nest_and_its_tx_dies_with_it() {
        assertThrows(IllegalStateException.class, () -> store.write(tx -> store.write(inner -> null)));
        AtomicReference<Store.Tx> escaped = new AtomicReference<>();
        store.write(tx -> {
            escaped.set(tx);
            return null;
        });
        assertThrows(IllegalStateException.class, () -> escaped.get().saveCursor("x:brand", "1", T0));
    }

    @Test
    void marking_an_unknown_outbox_row_is_an_error_not_a_silent_no_op() {
        assertThrows(IllegalArgumentException.class, () -> store.write(tx -> {
            tx.markDone(12345, T0);
            return null;
        }));
        assertThrows(IllegalArgumentException.class, () -> store.write(tx -> {
            tx.setChatRef(12345, new ChatRef("slack:C1:1"));
            return null;
        }));
    }

    @Test
    void ids_are_never_reused_even_after_the_newest_row_is_gone() throws SQLException {
        Conversation first = insert("jane", "t1", State.NEW, T0);
        Conversation newest = insert("john", "t2", State.NEW, T0);
        // Nothing in the port deletes; an operator with the sqlite3 shell might.
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data/earshot.db"));
             Statement st = raw.createStatement()) {
            st.executeUpdate("DELETE FROM conversations WHERE id = " + newest.id());
        }

        Conversation next = insert("jill", "t3", State.NEW, T0);

        assertTrue(next.id() > newest.id(), () -> first.id() + ", " + newest.id() + " then " + next.id());
    }
}
