package dev.earshot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.core.Effect;
import dev.earshot.core.HistoryEntry;
import dev.earshot.core.Priority;
import dev.earshot.core.Conversation;
import dev.earshot.port.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        Pragmas pragmas = ((SqliteStore) store).pragmas();
        assertEquals("wal", pragmas.journalMode().toLowerCase());
        assertEquals(Pragmas.FULL, pragmas.synchronous());
        assertTrue(pragmas.foreignKeys());
        assertTrue(pragmas.busyTimeoutMillis() >= 5_000, () -> "busy_timeout " + pragmas.busyTimeoutMillis());
    }

    @Test
    void the_start_check_refuses_weaker_settings() {
        Pragmas good = new Pragmas("wal", 2, 10_000, true);
        assertEquals(good, good.requireDurable());
        List.of(new Pragmas("delete", 2, 10_000, true), new Pragmas("wal", 1, 10_000, true),
                        new Pragmas("wal", 2, 3_000, true), new Pragmas("wal", 2, 10_000, false))
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
            tx.setChatRef(12345, new dev.earshot.core.ChatRef("slack:C1:1"));
            return null;
        }));
    }

    @Test
    void ids_are_never_reused_even_after_the_newest_row_is_gone() {
        Conversation first = store.write(tx -> tx.insertConversation(Conversation.open(
                message("m1", "jane", "t1", T0), "#s", new Priority(1))));
        // A rolled-back insert is the only way rows vanish through the port.
        assertThrows(IllegalStateException.class, () -> store.write(tx -> {
            tx.insertConversation(Conversation.open(message("m2", "jane", "t2", T0), "#s", new Priority(1)));
            throw new IllegalStateException("undo");
        }));
        store.write(tx -> {
            tx.record(new HistoryEntry(first.id(), T0, "alice", "claim", ""));
            tx.enqueue(new Effect.UpdateCard(first.id()), "#s", T0);
            return null;
        });
        Conversation next = store.write(tx -> tx.insertConversation(Conversation.open(
                message("m3", "jane", "t3", T0), "#s", new Priority(1))));
        assertTrue(next.id() > first.id());
    }
}
