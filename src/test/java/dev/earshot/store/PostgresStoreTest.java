package dev.earshot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.core.Conversation;
import dev.earshot.core.State;
import dev.earshot.port.Store;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The contract on a real PostgreSQL server, plus what only PostgreSQL has to say. */
class PostgresStoreTest extends StoreContract {
    private String url;

    @Override
    protected Store openStore() {
        if (url == null) { // JUnit makes one instance per test: one database per test
            url = TestPostgres.migratedDatabase();
        }
        return PostgresStore.open(url, TestPostgres.USER, TestPostgres.PASSWORD);
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
    void a_message_needs_its_conversation_because_of_the_foreign_key() {
        assertThrows(StoreException.class, () -> store.write(tx -> {
            tx.addCustomerMessage(404, message("m1", "jane", "t1", T0), T0);
            return null;
        }));
    }

    @Test
    void ids_are_never_reused_even_after_the_newest_row_is_gone() {
        Conversation first = insert("jane", "t1", State.NEW, T0);
        Conversation newest = insert("john", "t2", State.NEW, T0);
        TestPostgres.superuser(url, "DELETE FROM conversations WHERE id = " + newest.id());

        Conversation next = insert("jill", "t3", State.NEW, T0);

        assertTrue(next.id() > newest.id(), () -> first.id() + ", " + newest.id() + " then " + next.id());
    }
}
