package dev.earshot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.earshot.core.BillableReads;
import dev.earshot.core.Conversation;
import dev.earshot.core.Effect;
import dev.earshot.core.HistoryEntry;
import dev.earshot.core.Message;
import dev.earshot.core.Priority;
import dev.earshot.core.Target;
import dev.earshot.core.Fixtures;
import dev.earshot.port.Store;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Social care's records ({@code tx.care()}), the same on SQLite and PostgreSQL. */
abstract class CareRecordsContract {
    private static final Instant T0 = Instant.parse("2026-12-02T09:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 2);
    protected Store store;

    protected abstract Store openStore();

    @BeforeEach
    void open() {
        store = openStore();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void readsAddUpPerSourceAndDayAndSumOverAPeriod() {
        store.write(tx -> {
            tx.care().addReads("acme-x", DAY, new BillableReads(3, 2, 1));
            tx.care().addReads("acme-x", DAY, new BillableReads(1, 0, 0));
            tx.care().addReads("acme-x", DAY.minusDays(1), new BillableReads(10, 0, 0));
            tx.care().addReads("other-x", DAY.minusDays(40), new BillableReads(7, 7, 7));
            return null;
        });
        assertEquals(Map.of("acme-x", new BillableReads(4, 2, 1)), store.read(tx -> tx.care().reads(DAY, DAY)));
        assertEquals(Map.of("acme-x", new BillableReads(14, 2, 1)),
                store.read(tx -> tx.care().reads(DAY.withDayOfMonth(1).minusDays(1), DAY)));
    }

    @Test
    void aStateIsKeptReplacedAndCleared() {
        store.write(tx -> {
            tx.care().setState("spike:all", "a", T0);
            tx.care().setState("spike:all", "b", T0);
            return null;
        });
        assertEquals(Optional.of("b"), store.read(tx -> tx.care().state("spike:all")));
        store.write(tx -> {
            tx.care().setState("spike:all", null, T0);
            return null;
        });
        assertEquals(Optional.empty(), store.read(tx -> tx.care().state("spike:all")));
    }

    @Test
    void actionsAreCountedInAPeriodAndWaitingRepliesFoundByTarget() {
        Message m = Fixtures.message("m1", "jane", "help");
        long id = store.write(tx -> {
            Conversation c = tx.insertConversation(Conversation.open(m, "support", new Priority(30)));
            tx.record(new HistoryEntry(c.id(), T0, HistoryEntry.EARSHOT, "after-hours-ack", "thanks"));
            tx.record(new HistoryEntry(c.id(), T0.plusSeconds(3600), HistoryEntry.EARSHOT, "after-hours-ack", "x"));
            tx.enqueue(new Effect.CustomerReply(c.id(), "m1", "hi", "alice"), Target.source("demo"), T0);
            tx.enqueue(new Effect.PostCard(c.id()), Target.chat("support"), T0);
            return c.id();
        });
        assertEquals(1, (int) store.read(tx -> tx.care().countActions("after-hours-ack", T0, T0.plusSeconds(60))));
        assertEquals(List.of(id), store.read(tx -> tx.care().waitingReplies("source:demo")));
        assertEquals(List.of(), store.read(tx -> tx.care().waitingReplies("chat:support")));
    }
}

class SqliteCareRecordsTest extends CareRecordsContract {
    @TempDir
    Path dir;

    @Override
    protected Store openStore() {
        return SqliteStore.open(dir.resolve("earshot.db"));
    }
}

class PostgresCareRecordsTest extends CareRecordsContract {
    @Override
    protected Store openStore() {
        return PostgresStore.open(TestPostgres.migratedDatabase(), TestPostgres.USER, TestPostgres.PASSWORD);
    }
}
