package dev.earshot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.core.ChatRef;
import dev.earshot.core.Conversation;
import dev.earshot.core.Effect;
import dev.earshot.core.FollowUp;
import dev.earshot.core.HistoryEntry;
import dev.earshot.core.Message;
import dev.earshot.core.OnCallShift;
import dev.earshot.core.Priority;
import dev.earshot.core.Target;
import dev.earshot.port.Store;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** migrate-store: SQLite into PostgreSQL, every table, ids kept, counts checked, an empty target only. */
class StoreCopyTest {
    private static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");

    @TempDir
    Path dir;

    @Test
    void every_table_is_copied_with_its_ids_and_the_next_id_follows_them() {
        Path file = dir.resolve("earshot.db");
        long[] ids = fill(file);
        String url = TestPostgres.emptyDatabase();

        Map<String, Long> copied = StoreCopy.sqliteToPostgres(file, url, TestPostgres.USER, TestPostgres.PASSWORD);

        assertEquals(StoreCopy.TABLES, List.copyOf(copied.keySet()));
        assertEquals(Map.ofEntries(Map.entry("conversations", 2L), Map.entry("messages", 3L), Map.entry("history", 1L),
                Map.entry("outbox", 2L), Map.entry("cursors", 1L), Map.entry("nudges", 1L), Map.entry("follow_ups", 1L),
                Map.entry("oncall_shifts", 1L), Map.entry("scheduled_runs", 1L),
                Map.entry("billable_reads", 1L), Map.entry("care_state", 1L), Map.entry("reply_drafts", 1L),
                Map.entry("brand_posts", 1L)), Map.copyOf(copied));
        try (SqliteStore before = SqliteStore.open(file);
             PostgresStore after = PostgresStore.open(url, TestPostgres.USER, TestPostgres.PASSWORD)) {
            for (Function<Store.Tx, Object> read : List.<Function<Store.Tx, Object>>of(
                    tx -> tx.conversation(ids[0]), tx -> tx.conversation(ids[1]),
                    tx -> tx.customerMessages(ids[0]), tx -> tx.lastBrandReply(ids[0]),
                    tx -> tx.history(ids[0]), tx -> tx.dueOutbox(T0.plusSeconds(60), 10),
                    tx -> tx.cursor("x:brand"), tx -> tx.nudgesSent(ids[0]),
                    tx -> tx.followUpsDue(T0, T0.plusSeconds(86_400)), tx -> tx.onCallOverride(),
                    tx -> tx.runClaimed("daily-digest:support", "2025-03-03"),
                    tx -> tx.conversationLog(T0, T0.plusSeconds(3600), 0, 10),
                    tx -> tx.care().reads(java.time.LocalDate.of(2025, 3, 1), java.time.LocalDate.of(2025, 3, 31)),
                    tx -> tx.care().state("spike:all"))) {
                assertEquals(before.read(read), after.read(read));
            }
            long next = after.write(tx -> tx.insertConversation(conversation(StoreContract.message("m9", "jill", "t9", T0))))
                    .id();
            assertTrue(next > ids[1], () -> "new id " + next + " after the copied " + ids[1]);
        }
    }

    @Test
    void a_target_that_holds_data_is_refused_and_left_as_it_was() {
        Path file = dir.resolve("earshot.db");
        fill(file);
        String url = TestPostgres.migratedDatabase();
        try (PostgresStore target = PostgresStore.open(url, TestPostgres.USER, TestPostgres.PASSWORD)) {
            target.write(tx -> {
                tx.saveCursor("mastodon:brand", "77", T0);
                return null;
            });
        }

        StoreException refused = assertThrows(StoreException.class,
                () -> StoreCopy.sqliteToPostgres(file, url, TestPostgres.USER, TestPostgres.PASSWORD));

        assertTrue(refused.getMessage().contains("already holds data (cursors: 1)"), refused.getMessage());
        try (PostgresStore target = PostgresStore.open(url, TestPostgres.USER, TestPostgres.PASSWORD)) {
            assertEquals(java.util.Optional.empty(), target.read(tx -> tx.conversation(1)));
        }
    }

    /** A store with a row in every table; returns the two conversations' ids. */
    private static long[] fill(Path file) {
        try (SqliteStore store = SqliteStore.open(file)) {
            return store.write(tx -> {
                Message m1 = StoreContract.message("m1", "jane", "t1", T0);
                Message m2 = StoreContract.message("m2", "john", "t2", T0.plusSeconds(5));
                Conversation a = tx.insertConversation(conversation(m1));
                Conversation b = tx.insertConversation(conversation(m2));
                tx.addCustomerMessage(a.id(), m1, T0);
                tx.addCustomerMessage(b.id(), m2, T0);
                tx.addBrandReply(a.id(), m1.platform(), m1.account(), "r1", "on it", T0.plusSeconds(30));
                tx.setChatRef(a.id(), new ChatRef("slack:C1:1.1"));
                tx.record(new HistoryEntry(a.id(), T0, "alice", "claim", ""));
                tx.enqueue(new Effect.PostCard(a.id()), Target.chat("support"), T0);
                tx.enqueue(new Effect.ThreadPost(b.id(), "hello"), Target.chat("support"), T0);
                tx.saveCursor("x:brand", "m2", T0);
                tx.recordNudge(a.id(), "sla:50", T0);
                tx.addFollowUp(new FollowUp(0, a.id(), T0.plusSeconds(3600), "call back", "alice", T0, null));
                tx.setOnCall(new OnCallShift("bob", T0, null, "alice"));
                tx.claimRun("daily-digest:support", "2025-03-03", T0);
                tx.addReplyDraft(dev.earshot.core.ReplyDraft.pending(a.id(), "alice", "hi", T0));
                tx.addBrandPost(dev.earshot.core.Platform.DEMO, "demo", "b1", T0, false);
                tx.care().addReads("x", java.time.LocalDate.of(2025, 3, 3), new dev.earshot.core.BillableReads(3, 2, 1));
                tx.care().setState("spike:all", "high", T0);
                return new long[] {a.id(), b.id()};
            });
        }
    }

    private static Conversation conversation(Message first) {
        return Conversation.open(first, "#support", new Priority(40));
    }
}
