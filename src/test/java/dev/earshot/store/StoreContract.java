package dev.earshot.store;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.core.Author;
import dev.earshot.core.ChatRef;
import dev.earshot.core.Conversation;
import dev.earshot.core.Effect;
import dev.earshot.core.FollowUp;
import dev.earshot.core.HistoryEntry;
import dev.earshot.core.Message;
import dev.earshot.core.MessageKind;
import dev.earshot.core.OnCallShift;
import dev.earshot.core.Platform;
import dev.earshot.core.Priority;
import dev.earshot.core.Refusal;
import dev.earshot.core.ResponseFigures;
import dev.earshot.core.State;
import dev.earshot.core.Target;
import dev.earshot.port.Store;
import dev.earshot.port.Store.OutboxRow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Store} must do, written against the port only: SQLite runs it today, a
 * PostgreSQL store or an in-memory fake can run it by supplying {@link #openStore()}.
 * Instants are whole milliseconds, the finest precision a store must keep.
 */
abstract class StoreContract {
    static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");
    static final Target SUPPORT = Target.chat("support");
    static final Target X_BRAND = Target.source("brand");
    static final String ACCOUNT = "brand";

    protected Store store;

    /** Opens the store on this test's storage; a second call reopens the same data. */
    protected abstract Store openStore();

    @BeforeEach
    void openTheStore() {
        store = openStore();
    }

    @AfterEach
    void closeTheStore() {
        store.close();
    }

    // ---------------------------------------------------------------- messages

    @Test
    void a_duplicate_message_is_refused_and_its_whole_transaction_rolls_back() {
        Message first = message("m1", "jane", "t1", T0);
        long kept = store.write(tx -> {
            long id = tx.insertConversation(Conversation.open(first, "#support", new Priority(30))).id();
            tx.addCustomerMessage(id, first, T0);
            return id;
        });

        AtomicLong doomed = new AtomicLong();
        Message copy = message("m1", "jane", "t1", T0.plusSeconds(5));
        assertThrows(RuntimeException.class, () -> store.write(tx -> {
            long id = tx.insertConversation(Conversation.open(copy, "#support", new Priority(30))).id();
            doomed.set(id);
            tx.record(new HistoryEntry(id, T0, HistoryEntry.EARSHOT, "open", ""));
            tx.enqueue(new Effect.PostCard(id), SUPPORT, T0);
            tx.saveCursor("x:brand", "after-m1", T0);
            tx.addCustomerMessage(id, copy, T0);
            return id;
        }));

        store.read(tx -> {
            assertAll(
                    () -> assertTrue(doomed.get() > 0, "the doomed transaction got as far as the duplicate"),
                    () -> assertEquals(Optional.empty(), tx.conversation(doomed.get())),
                    () -> assertEquals(List.of(), tx.history(doomed.get())),
                    () -> assertEquals(List.of(), tx.dueOutbox(T0, 10)),
                    () -> assertEquals(Optional.empty(), tx.cursor("x:brand")),
                    () -> assertEquals(List.of(first), tx.customerMessages(kept)));
            return null;
        });
    }

    @Test
    void the_same_external_id_on_another_account_or_platform_is_another_message() {
        Message m = message("m1", "jane", "t1", T0);
        Message otherAccount = new Message(Platform.X, "brand-support", "m1", m.author(), "hi", "", T0,
                MessageKind.MENTION, null, "t1");
        Message otherPlatform = new Message(Platform.MASTODON, ACCOUNT, "m1",
                new Author(Platform.MASTODON, "jane@mastodon.social", null, 3, null), "hi", "", T0,
                MessageKind.MENTION, null, "t1");
        store.write(tx -> {
            long id = tx.insertConversation(Conversation.open(m, "#support", new Priority(30))).id();
            tx.addCustomerMessage(id, m, T0);
            tx.addCustomerMessage(id, otherAccount, T0);
            tx.addCustomerMessage(id, otherPlatform, T0);
            return null;
        });

        store.read(tx -> {
            assertTrue(tx.messageExists(Platform.X, ACCOUNT, "m1"));
            assertTrue(tx.messageExists(Platform.X, "brand-support", "m1"));
            assertTrue(tx.messageExists(Platform.MASTODON, ACCOUNT, "m1"));
            assertFalse(tx.messageExists(Platform.BLUESKY, ACCOUNT, "m1"));
            assertFalse(tx.messageExists(Platform.X, ACCOUNT, "m2"));
            return null;
        });
    }

    @Test
    void customer_messages_come_back_whole_in_the_order_they_were_written() {
        Message late = message("m3", "jane", "t1", T0.plusSeconds(60));
        Message early = new Message(Platform.X, ACCOUNT, "m1",
                new Author(Platform.X, "jane", "Jane Doe", 1234, "https://x.com/jane"), "my order is late!!",
                "https://x.com/jane/status/m1", T0, MessageKind.DM, "brand-post-7", "t1");
        Message sameTimeLater = message("m2", "jane", "t1", T0);
        long id = store.write(tx -> {
            long c = tx.insertConversation(Conversation.open(early, "#support", new Priority(30))).id();
            tx.addCustomerMessage(c, late, T0.plusSeconds(61));
            tx.addCustomerMessage(c, early, T0.plusSeconds(62));
            tx.addCustomerMessage(c, sameTimeLater, T0.plusSeconds(63));
            return c;
        });

        assertEquals(List.of(early, sameTimeLater, late), store.read(tx -> tx.customerMessages(id)));
    }

    @Test
    void brand_replies_are_known_messages_but_not_customer_messages() {
        Message m = message("m1", "jane", "t1", T0);
        long id = store.write(tx -> {
            long c = tx.insertConversation(Conversation.open(m, "#support", new Priority(30))).id();
            tx.addCustomerMessage(c, m, T0);
            assertEquals(Optional.empty(), tx.lastBrandReply(c));
            tx.addBrandReply(c, Platform.X, ACCOUNT, "r2", "second answer", T0.plusSeconds(120));
            tx.addBrandReply(c, Platform.X, ACCOUNT, "r1", "first answer", T0.plusSeconds(60));
            return c;
        });

        store.read(tx -> {
            assertTrue(tx.messageExists(Platform.X, ACCOUNT, "r1"), "our own reply is never ingested again");
            assertEquals(Optional.of("second answer"), tx.lastBrandReply(id));
            assertEquals(List.of(m), tx.customerMessages(id));
            return null;
        });
        assertThrows(RuntimeException.class, () -> store.write(tx -> {
            tx.addBrandReply(id, Platform.X, ACCOUNT, "r1", "again", T0);
            return null;
        }));
    }

    // ----------------------------------------------------------- conversations

    @Test
    void an_inserted_conversation_gets_an_id_and_version_one_and_round_trips() {
        Conversation given = new Conversation(0, Platform.BLUESKY, ACCOUNT, "jane.bsky.social", "at://t1",
                "#social", State.CLAIMED, "alice", new Priority(64), T0, T0.plusSeconds(30), T0.plusSeconds(90),
                null, "alice", null, new ChatRef("slack:C1:1700000000.000100"), 0);
        Conversation stored = store.write(tx -> tx.insertConversation(given));
        Conversation second = store.write(tx -> tx.insertConversation(given));

        assertAll(
                () -> assertTrue(stored.id() > 0),
                () -> assertTrue(second.id() > stored.id()),
                () -> assertEquals(1, stored.version()),
                () -> assertEquals(withIdAndVersion(given, stored.id(), 1), stored),
                () -> assertEquals(Optional.of(stored), store.read(tx -> tx.conversation(stored.id()))),
                () -> assertEquals(Optional.empty(), store.read(tx -> tx.conversation(stored.id() + 100))));
    }

    @Test
    void open_conversation_matches_author_and_thread_in_open_states_only() {
        Conversation jane = insert("jane", "t1", State.NEW, T0);
        insert("john", "t1", State.NEW, T0);
        insert("jane", "t2", State.RESOLVED, T0);
        insert("jane", "t3", State.DISMISSED, T0);
        Conversation snoozed = insert("jane", "t4", State.SNOOZED, T0);
        Conversation replied = insert("jane", "t5", State.REPLIED, T0);
        Conversation claimed = insert("jane", "t6", State.CLAIMED, T0);

        store.read(tx -> {
            assertAll(
                    () -> assertEquals(Optional.of(jane), tx.openConversation(Platform.X, ACCOUNT, "jane", "t1")),
                    () -> assertEquals(Optional.empty(), tx.openConversation(Platform.X, ACCOUNT, "jane", "t2")),
                    () -> assertEquals(Optional.empty(), tx.openConversation(Platform.X, ACCOUNT, "jane", "t3")),
                    () -> assertEquals(Optional.of(snoozed), tx.openConversation(Platform.X, ACCOUNT, "jane", "t4")),
                    () -> assertEquals(Optional.of(replied), tx.openConversation(Platform.X, ACCOUNT, "jane", "t5")),
                    () -> assertEquals(Optional.of(claimed), tx.openConversation(Platform.X, ACCOUNT, "jane", "t6")),
                    () -> assertEquals(Optional.empty(), tx.openConversation(Platform.X, ACCOUNT, "jane", "t9")),
                    () -> assertEquals(Optional.empty(), tx.openConversation(Platform.X, "other", "jane", "t1")),
                    () -> assertEquals(Optional.empty(),
                            tx.openConversation(Platform.MASTODON, ACCOUNT, "jane", "t1")));
            return null;
        });

        store.write(tx -> tx.update(jane.resolve("admin", true)));
        assertEquals(Optional.empty(), store.read(tx -> tx.openConversation(Platform.X, ACCOUNT, "jane", "t1")));
    }

    @Test
    void a_conditional_update_wins_once_and_a_stale_version_loses() {
        Conversation c = insert("jane", "t1", State.NEW, T0);

        assertTrue(update(c.claim("alice")));
        assertFalse(update(c.claim("bob")), "bob read version 1, which is gone");

        Conversation now = store.read(tx -> tx.conversation(c.id())).orElseThrow();
        assertEquals("alice", now.owner());
        assertEquals(State.CLAIMED, now.state());
        assertEquals(2, now.version());
        assertTrue(update(now.release("alice", false)));
        assertEquals(3, store.read(tx -> tx.conversation(c.id())).orElseThrow().version());
    }

    @Test
    void an_update_writes_every_field_the_rules_change() {
        Conversation c = insert("jane", "t1", State.NEW, T0);
        Conversation snoozed = c.claim("alice").answeredAt(T0.plusSeconds(600))
                .snooze("alice", false, T0.plusSeconds(3600), T0.plusSeconds(700));
        assertTrue(update(snoozed));
        Conversation stored = store.read(tx -> tx.conversation(c.id())).orElseThrow();
        assertEquals(withIdAndVersion(snoozed, c.id(), 2), stored);

        Conversation dismissed = stored.customerWroteAgain(T0.plusSeconds(900)).dismiss("alice", false, " spam ");
        assertTrue(update(dismissed));
        assertEquals(withIdAndVersion(dismissed, c.id(), 3), store.read(tx -> tx.conversation(c.id())).orElseThrow());
    }

    @Test
    void updating_a_conversation_that_does_not_exist_changes_nothing() {
        Conversation ghost = withIdAndVersion(Conversation.open(message("m1", "jane", "t1", T0), "#s",
                new Priority(1)), 999, 1);
        assertFalse(update(ghost));
    }

    @Test
    void setting_the_chat_ref_keeps_the_version_and_a_later_update_keeps_the_ref() {
        Conversation c = insert("jane", "t1", State.NEW, T0);
        ChatRef ref = new ChatRef("discord:123:456");
        store.write(tx -> {
            tx.setChatRef(c.id(), ref);
            return null;
        });

        Conversation stored = store.read(tx -> tx.conversation(c.id())).orElseThrow();
        assertEquals(ref, stored.chatRef());
        assertEquals(1, stored.version());
        // c was read before the card was posted: its null ref must not wipe the stored one
        assertTrue(update(c.claim("alice")));
        assertEquals(ref, store.read(tx -> tx.conversation(c.id())).orElseThrow().chatRef());
    }

    @Test
    void the_queue_holds_waiting_conversations_by_priority_then_age() {
        Conversation lowOld = insert("a", "t1", State.NEW, T0, 10);
        Conversation midYoung = insert("b", "t2", State.CLAIMED, T0.plusSeconds(200), 50);
        Conversation midOld = insert("c", "t3", State.NEW, T0.plusSeconds(100), 50);
        Conversation high = insert("d", "t4", State.NEW, T0.plusSeconds(300), 80);
        insert("e", "t5", State.RESOLVED, T0, 99);
        insert("f", "t6", State.SNOOZED, T0, 95);
        insert("g", "t7", State.REPLIED, T0, 90);
        insert("h", "t8", State.DISMISSED, T0, 90);

        assertEquals(List.of(high, midOld, midYoung, lowOld), store.read(tx -> tx.queue(10)));
        assertEquals(List.of(high, midOld), store.read(tx -> tx.queue(2)));
    }

    @Test
    void snoozes_ending_by_now_include_now_and_nothing_later() {
        Instant now = T0.plusSeconds(7200);
        Conversation ended = insertSnoozed("a", now.minusSeconds(60));
        Conversation endsNow = insertSnoozed("b", now);
        insertSnoozed("c", now.plusSeconds(60));
        insert("d", "t1", State.NEW, T0);

        assertEquals(Set.of(ended.id(), endsNow.id()),
                Set.copyOf(store.read(tx -> tx.snoozesEndingBy(now)).stream().map(Conversation::id).toList()));
    }

    @Test
    void figures_match_a_hand_count() {
        Instant from = T0;
        Instant to = T0.plus(Duration.ofDays(1));
        Duration hour = Duration.ofHours(1);
        insertFigure("g", from, State.CLAIMED, Duration.ofMinutes(5));                 // edge: from is inside
        insertFigure("a", from.plus(hour), State.REPLIED, Duration.ofMinutes(10));
        insertFigure("b", from.plus(hour.multipliedBy(2)), State.RESOLVED, Duration.ofMinutes(30));
        insertFigure("c", from.plus(hour.multipliedBy(3)), State.DISMISSED, null);
        insertFigure("d", from.plus(hour.multipliedBy(4)), State.NEW, null);
        insertFigure("e", from.minus(hour), State.CLAIMED, null);                      // before: waiting only
        insertFigure("f", to, State.NEW, null);                                        // edge: to is outside
        insertFigure("h", to.plus(hour), State.REPLIED, Duration.ofMinutes(1));        // after: nothing

        ResponseFigures f = store.read(tx -> tx.figures(from, to));

        assertEquals(new ResponseFigures(5, 3, 1, 4,
                List.of(Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(30))), f);
    }

    // ----------------------------------------------------------------- history

    @Test
    void history_is_per_conversation_in_time_order_then_insertion_order() {
        HistoryEntry opened = new HistoryEntry(1, T0, HistoryEntry.EARSHOT, "open", "from @jane");
        HistoryEntry claimed = new HistoryEntry(1, T0.plusSeconds(60), "alice", "claim", null);
        HistoryEntry note = new HistoryEntry(1, T0.plusSeconds(60), "alice", "note", "called her");
        HistoryEntry other = new HistoryEntry(2, T0, "bob", "claim", "");
        store.write(tx -> {
            tx.record(claimed);
            tx.record(note);
            tx.record(other);
            tx.record(opened);
            return null;
        });

        assertEquals(List.of(opened, claimed, note), store.read(tx -> tx.history(1)));
        assertEquals(List.of(other), store.read(tx -> tx.history(2)));
    }

    // ---------------------------------------------------------- follow-through

    private long someConversation(String handle) {
        Message m = message("m-" + handle, handle, "t-" + handle, T0);
        return store.write(tx -> {
            long id = tx.insertConversation(Conversation.open(m, "#support", new Priority(30))).id();
            tx.addCustomerMessage(id, m, T0);
            return id;
        });
    }

    private boolean nudged(long conversationId, String step, Instant at) {
        Boolean fresh = store.write(tx -> tx.recordNudge(conversationId, step, at));
        return fresh;
    }

    private boolean reminded(long followUpId, Instant at) {
        Boolean fresh = store.write(tx -> tx.markFollowUpReminded(followUpId, at));
        return fresh;
    }

    @Test
    void a_nudge_step_is_recorded_once_per_conversation_and_survives_a_reopen() {
        long jane = someConversation("jane");
        long max = someConversation("max");
        assertTrue(nudged(jane, "sla:50", T0));
        assertFalse(nudged(jane, "sla:50", T0.plusSeconds(60)), "once");
        assertTrue(nudged(max, "sla:50", T0), "per conversation");
        assertTrue(nudged(jane, "sla:100", T0));

        store.close();
        store = openStore();

        assertEquals(Set.of("sla:50", "sla:100"), store.read(tx -> tx.nudgesSent(jane)));
        assertEquals(Set.of("sla:50"), store.read(tx -> tx.nudgesSent(max)));
        assertFalse(nudged(jane, "sla:100", T0));
    }

    @Test
    void a_nudge_rolls_back_with_its_transaction() {
        long jane = someConversation("jane");
        assertThrows(IllegalStateException.class, () -> store.write(tx -> {
            tx.recordNudge(jane, "sla:50", T0);
            tx.enqueue(new Effect.ThreadPost(jane, "nudge"), SUPPORT, T0);
            throw new IllegalStateException("crash before commit");
        }));
        assertEquals(Set.of(), store.read(tx -> tx.nudgesSent(jane)));
        assertEquals(List.of(), store.read(tx -> tx.dueOutbox(T0, 10)));
    }

    @Test
    void follow_ups_are_found_by_due_day_and_reminded_once() {
        long jane = someConversation("jane");
        Instant day = Instant.parse("2025-03-05T00:00:00Z");
        FollowUp early = store.write(tx -> tx.addFollowUp(
                new FollowUp(0, jane, day.plusSeconds(3600), "check parcel", "alice", T0, null)));
        FollowUp late = store.write(tx -> tx.addFollowUp(
                new FollowUp(0, jane, day.plusSeconds(23 * 3600), "", "bob", T0, null)));
        store.write(tx -> tx.addFollowUp(new FollowUp(0, jane, day.plusSeconds(24 * 3600), "next day", "bob", T0, null)));
        assertTrue(early.id() > 0);

        assertEquals(List.of(early, late), store.read(tx -> tx.followUpsDue(day, day.plusSeconds(24 * 3600))));
        assertEquals(List.of(), store.read(tx -> tx.followUpsToRemind(day)));
        assertEquals(List.of(early), store.read(tx -> tx.followUpsToRemind(day.plusSeconds(3600))));

        Instant at = day.plusSeconds(3700);
        assertTrue(reminded(early.id(), at));
        assertFalse(reminded(early.id(), at), "once");
        assertEquals(List.of(), store.read(tx -> tx.followUpsToRemind(day.plusSeconds(7200))));
        List<FollowUp> stillInTheDay = store.read(tx -> tx.followUpsDue(day, day.plusSeconds(24 * 3600)));
        assertEquals(at, stillInTheDay.get(0).remindedAt(), "the digest still sees a reminded follow-up");
    }

    @Test
    void the_latest_hand_set_on_call_shift_is_kept() {
        assertEquals(Optional.empty(), store.read(tx -> tx.onCallOverride()));
        OnCallShift bob = new OnCallShift("bob", T0, T0.plusSeconds(8 * 3600), "alice");
        OnCallShift carol = new OnCallShift("carol", T0.plusSeconds(60), null, "carol");
        store.write(tx -> {
            tx.setOnCall(bob);
            return null;
        });
        assertEquals(Optional.of(bob), store.read(tx -> tx.onCallOverride()));
        store.write(tx -> {
            tx.setOnCall(carol);
            return null;
        });
        store.close();
        store = openStore();
        assertEquals(Optional.of(carol), store.read(tx -> tx.onCallOverride()));
    }

    @Test
    void a_customers_latest_owned_conversation_within_a_window() {
        Conversation old = store.write(tx -> tx.insertConversation(
                conversation("jane", "t1", State.RESOLVED, T0, 30, null, T0.plusSeconds(60))));
        Conversation newer = store.write(tx -> tx.insertConversation(
                conversation("jane", "t2", State.REPLIED, T0.plusSeconds(3600), 30, null, T0.plusSeconds(4000))));
        store.write(tx -> tx.insertConversation(conversation("jane", "t3", State.NEW, T0.plusSeconds(7200), 30, null, null)));
        store.write(tx -> tx.insertConversation(conversation("max", "t4", State.CLAIMED, T0.plusSeconds(9000), 30, null, null)));

        assertEquals(Optional.of(newer.id()), store.read(tx -> tx.latestOwnedConversation(Platform.X, "jane", T0))
                .map(Conversation::id), "the latest with an owner; the unowned one does not count");
        assertEquals(Optional.of(newer.id()), store.read(tx -> tx.latestOwnedConversation(Platform.X, "jane",
                T0.plusSeconds(3600))).map(Conversation::id));
        assertEquals(Optional.empty(), store.read(tx -> tx.latestOwnedConversation(Platform.X, "jane",
                T0.plusSeconds(3601))));
        assertEquals(Optional.empty(), store.read(tx -> tx.latestOwnedConversation(Platform.MASTODON, "jane", T0)));
        assertTrue(old.id() < newer.id());
    }

    // ------------------------------------------------------------------ outbox

    @Test
    void an_unconfirmed_reply_is_remembered_and_holds_only_its_own_conversation() {
        long first = store.write(tx -> tx.enqueue(new Effect.CustomerReply(7, "m1", "Fixed.", "alice"), X_BRAND, T0));
        long later = store.write(tx -> tx.enqueue(new Effect.CustomerReply(7, "m1", "Also…", "alice"), X_BRAND, T0));
        long other = store.write(tx -> tx.enqueue(new Effect.CustomerReply(8, "m2", "Hi Omar", "bob"), X_BRAND, T0));
        Instant next = T0.plusSeconds(60);
        store.write(tx -> {
            tx.markUnconfirmed(first, T0, next, "X: duplicate");
            tx.markUnconfirmed(first, T0.plusSeconds(30), next, "X: duplicate again");
            return null;
        });

        assertEquals(List.of(other), store.read(tx -> tx.dueOutbox(T0, 10)).stream().map(OutboxRow::id).toList(),
                "the conversation's later reply waits behind it; the other conversation's does not");
        OutboxRow looked = store.read(tx -> tx.dueOutbox(next, 10)).get(0);
        assertEquals(first, looked.id());
        assertTrue(looked.sending(), "only ever looked up, never sent again");
        assertEquals(T0, looked.unconfirmedSince(), "the first time is kept");
        assertFalse(store.read(tx -> tx.dueOutbox(next, 10)).stream().anyMatch(r -> r.id() == later));

        store.write(tx -> {
            tx.markDone(first, next);
            return null;
        });
        assertTrue(store.read(tx -> tx.dueOutbox(next, 10)).stream().anyMatch(r -> r.id() == later));
    }

    @Test
    void an_outbox_row_goes_through_its_whole_life() {
        Effect reply = new Effect.CustomerReply(7, "m1", "Sorry, Jane! Fixed.", "alice");
        long id = store.write(tx -> tx.enqueue(reply, X_BRAND, T0));

        OutboxRow fresh = onlyDue(T0);
        assertEquals(new OutboxRow(id, reply, X_BRAND, fresh.key(), 0, false, T0), fresh);
        assertEquals(List.of(), store.read(tx -> tx.dueOutbox(T0.minusMillis(1), 10)), "not due before its time");

        store.write(tx -> {
            tx.markSending(id, T0);
            return null;
        });
        OutboxRow sending = onlyDue(T0);
        assertTrue(sending.sending(), "a crash now leaves an unknown outcome to settle");

        Instant retryAt = T0.plusSeconds(30);
        store.write(tx -> {
            tx.markRetry(id, retryAt, "503 from the platform");
            return null;
        });
        assertEquals(List.of(), store.read(tx -> tx.dueOutbox(retryAt.minusMillis(1), 10)));
        OutboxRow retried = onlyDue(retryAt);
        assertEquals(1, retried.attempts());
        assertFalse(retried.sending());
        assertEquals(fresh.key(), retried.key(), "the idempotency key is the same on every attempt");

        store.write(tx -> {
            tx.markSending(id, retryAt);
            tx.postpone(id, retryAt.plusSeconds(60));
            return null;
        });
        assertEquals(List.of(), store.read(tx -> tx.dueOutbox(retryAt.plusSeconds(59), 10)));
        OutboxRow postponed = onlyDue(retryAt.plusSeconds(60));
        assertEquals(1, postponed.attempts(), "postponing counts no attempt");
        assertTrue(postponed.sending(), "postponing does not forget that a send may have happened");

        store.write(tx -> {
            tx.markDone(id, retryAt.plusSeconds(61));
            return null;
        });
        assertEquals(List.of(), store.read(tx -> tx.dueOutbox(T0.plus(Duration.ofDays(365)), 10)));
    }

    @Test
    void a_row_written_while_its_target_waits_does_not_overtake_the_rows_that_wait() {
        long first = store.write(tx -> tx.enqueue(new Effect.PostCard(1), SUPPORT, T0));
        long second = store.write(tx -> tx.enqueue(new Effect.PostCard(2), SUPPORT, T0));
        Instant until = T0.plusSeconds(60);
        store.write(tx -> {
            tx.postponeTarget(SUPPORT, until); // Slack answered 429 with Retry-After: 60
            return null;
        });
        long written = store.write(tx -> tx.enqueue(new Effect.PostCard(3), SUPPORT, T0.plusSeconds(1)));
        long reply = store.write(tx -> tx.enqueue(new Effect.CustomerReply(9, "m9", "hi", "alice"), X_BRAND,
                T0.plusSeconds(1)));

        assertEquals(List.of(reply), store.read(tx -> tx.dueOutbox(T0.plusSeconds(2), 10)).stream()
                .map(OutboxRow::id).toList(), "the card written meanwhile waits with its target; other targets go on");
        assertEquals(List.of(), store.write(tx -> tx.claimOutbox("earshot", T0.plusSeconds(2), until, 10)).stream()
                .filter(r -> r.target().equals(SUPPORT)).toList(), "nor can it be claimed");
        assertEquals(List.of(first, second, written, reply), store.read(tx -> tx.dueOutbox(until, 10)).stream()
                .map(OutboxRow::id).toList(), "then all in the order written");
    }

    @Test
    void failed_rows_are_no_longer_due() {
        long failed = store.write(tx -> tx.enqueue(new Effect.PostCard(1), SUPPORT, T0));
        long alive = store.write(tx -> tx.enqueue(new Effect.PostCard(2), SUPPORT, T0));
        store.write(tx -> {
            tx.markFailed(failed, T0.plusSeconds(1), "channel_not_found");
            return null;
        });

        assertEquals(List.of(alive), store.read(tx -> tx.dueOutbox(T0.plusSeconds(5), 10)).stream()
                .map(OutboxRow::id).toList());
    }

    @Test
    void due_rows_come_oldest_first_up_to_the_limit_and_every_effect_round_trips() {
        List<Effect> effects = List.of(
                new Effect.PostCard(1),
                new Effect.UpdateCard(1),
                new Effect.ThreadPost(1, "claimed by @alice"),
                new Effect.CustomerReply(1, "m1", "Hello \"Jane\" – ünïcode ✓", "alice"),
                new Effect.Notice(1, "bob", "#1 is already claimed by @alice"));
        List<Long> ids = store.write(tx -> effects.stream()
                .map(e -> tx.enqueue(e, SUPPORT, T0.plusSeconds(effects.indexOf(e)))).toList());

        List<OutboxRow> due = store.read(tx -> tx.dueOutbox(T0.plusSeconds(60), 10));
        assertEquals(ids, due.stream().map(OutboxRow::id).toList());
        assertEquals(effects, due.stream().map(OutboxRow::effect).toList());
        assertEquals(5, due.stream().map(OutboxRow::key).distinct().count(), "every row has its own key");
        assertEquals(ids.subList(0, 2),
                store.read(tx -> tx.dueOutbox(T0.plusSeconds(60), 2)).stream().map(OutboxRow::id).toList());
        assertEquals(due, store.read(tx -> tx.dueOutbox(T0.plusSeconds(60), 10)), "keys are stable");
    }

    @Test
    void due_rows_are_read_per_target_so_one_long_backlog_keeps_no_other_target_waiting() {
        List<Long> cards = store.write(tx -> java.util.stream.IntStream.rangeClosed(1, 5)
                .mapToObj(i -> tx.enqueue(new Effect.PostCard(i), SUPPORT, T0)).toList());
        long reply = store.write(tx -> tx.enqueue(new Effect.CustomerReply(7, "m1", "hi", "alice"), X_BRAND, T0));

        List<OutboxRow> due = store.read(tx -> tx.dueOutbox(T0, 2));
        assertEquals(List.of(cards.get(0), cards.get(1), reply), due.stream().map(OutboxRow::id).toList(),
                "at most two of each target, oldest first");
        assertEquals(List.of(SUPPORT, SUPPORT, X_BRAND), due.stream().map(OutboxRow::target).toList(),
                "each row comes back with the target it was written for");
    }

    @Test
    void a_card_is_pending_while_its_post_card_row_is_unfinished() {
        long card = store.write(tx -> tx.enqueue(new Effect.PostCard(1), SUPPORT, T0));
        store.write(tx -> tx.enqueue(new Effect.UpdateCard(2), SUPPORT, T0));

        assertTrue(cardPending(1));
        assertFalse(cardPending(2), "an update is not the card's first post");
        assertFalse(cardPending(3));
        store.write(tx -> {
            tx.markSending(card, T0);
            return null;
        });
        assertTrue(cardPending(1));
        store.write(tx -> {
            tx.markDone(card, T0);
            return null;
        });
        assertFalse(cardPending(1));
    }

    // ------------------------------------------------------------ transactions

    @Test
    void a_refusal_inside_write_rolls_everything_back_and_comes_out_unchanged() {
        Refusal refusal = new Refusal("#1 is already claimed by @alice");
        Refusal thrown = assertThrows(Refusal.class, () -> store.write(tx -> {
            Conversation c = tx.insertConversation(Conversation.open(message("m1", "jane", "t1", T0), "#s",
                    new Priority(1)));
            tx.addCustomerMessage(c.id(), message("m1", "jane", "t1", T0), T0);
            tx.enqueue(new Effect.PostCard(c.id()), SUPPORT, T0);
            tx.saveCursor("x:brand", "c1", T0);
            throw refusal;
        }));

        assertSame(refusal, thrown);
        store.read(tx -> {
            assertFalse(tx.messageExists(Platform.X, ACCOUNT, "m1"));
            assertEquals(List.of(), tx.queue(10));
            assertEquals(List.of(), tx.dueOutbox(T0, 10));
            assertEquals(Optional.empty(), tx.cursor("x:brand"));
            return null;
        });
    }

    @Test
    void write_returns_what_the_work_returns_and_the_store_stays_usable_after_a_rollback() {
        IllegalStateException bug = new IllegalStateException("bug");
        assertSame(bug, assertThrows(IllegalStateException.class, () -> store.write(tx -> {
            throw bug;
        })));
        assertEquals("done", store.write(tx -> {
            tx.saveCursor("x:brand", "c1", T0);
            return "done";
        }));
        assertEquals(Optional.of("c1"), store.read(tx -> tx.cursor("x:brand")));
    }

    // ----------------------------------------------------------------- cursors

    @Test
    void cursors_are_saved_replaced_and_survive_a_reopen() {
        assertEquals(Optional.empty(), store.read(tx -> tx.cursor("x:brand")));
        store.write(tx -> {
            tx.saveCursor("x:brand", "100", T0);
            tx.saveCursor("x:brand", "200", T0.plusSeconds(1));
            tx.saveCursor("mastodon:brand", "abc", T0);
            return null;
        });

        store.close();
        store = openStore();

        assertEquals(Optional.of("200"), store.read(tx -> tx.cursor("x:brand")));
        assertEquals(Optional.of("abc"), store.read(tx -> tx.cursor("mastodon:brand")));
        assertEquals(Optional.empty(), store.read(tx -> tx.cursor("bluesky:brand")));
    }

    // ----------------------------------------------------------------- helpers

    // ---------------------------------------------------------------- scheduled runs and digests

    @Test
    void a_scheduled_run_is_claimed_once_per_job_and_period() {
        assertFalse(claimed("daily-digest:support", "2025-03-02"));
        assertTrue(claim("daily-digest:support", "2025-03-02", T0));
        assertFalse(claim("daily-digest:support", "2025-03-02", T0.plusSeconds(60)));
        assertTrue(claimed("daily-digest:support", "2025-03-02"));
        assertTrue(claim("daily-digest:support", "2025-03-03", T0), "another period");
        assertTrue(claim("weekly-digest:support", "2025-03-02", T0), "another job");
        store.close();
        store = openStore();
        assertFalse(claim("daily-digest:support", "2025-03-02", T0), "kept across a restart");
    }

    @Test
    void a_claim_rolls_back_with_its_transaction() {
        assertThrows(IllegalStateException.class, () -> store.write(tx -> {
            tx.claimRun("daily-digest:support", "2025-03-02", T0);
            tx.enqueue(new Effect.ChannelPost(0, "digest", List.of()), SUPPORT, T0);
            throw new IllegalStateException("crash before commit");
        }));
        assertFalse(claimed("daily-digest:support", "2025-03-02"));
        assertEquals(0, (int) store.read(tx -> tx.outboxBacklog()));
        assertTrue(claim("daily-digest:support", "2025-03-02", T0));
    }

    @Test
    void the_conversation_log_has_the_first_message_and_who_answered_first() {
        Message first = new Message(Platform.X, ACCOUNT, "m1", new Author(Platform.X, "jane", "Jane", 4_321, null),
                "=cmd|' /C calc'!A0", "https://x.com/jane/1", T0, MessageKind.MENTION, null, "t1");
        long jane = store.write(tx -> {
            long id = tx.insertConversation(Conversation.open(first, "support", new Priority(40))).id();
            tx.addCustomerMessage(id, first, T0);
            tx.addCustomerMessage(id, message("m2", "jane", "t1", T0.plusSeconds(30)), T0.plusSeconds(30));
            tx.record(new HistoryEntry(id, T0.plusSeconds(60), "alice", "claim", ""));
            tx.record(new HistoryEntry(id, T0.plusSeconds(90), "bob", "replied", "hi"));
            tx.record(new HistoryEntry(id, T0.plusSeconds(95), "alice", "replied", "me too"));
            Conversation c = tx.conversation(id).orElseThrow();
            tx.update(c.reply("bob", true).answeredAt(T0.plusSeconds(90)));
            return id;
        });
        long outside = store.write(tx -> {
            Message m = message("m3", "kim", "t3", T0.plusSeconds(200));
            long id = tx.insertConversation(Conversation.open(m, "support", new Priority(20))).id();
            tx.addCustomerMessage(id, m, T0.plusSeconds(200));
            tx.record(new HistoryEntry(id, T0.plusSeconds(300), HistoryEntry.EARSHOT, "answered-outside", "done"));
            tx.record(new HistoryEntry(id, T0.plusSeconds(400), "alice", "replied", "later"));
            return id;
        });
        long bare = store.write(tx -> tx.insertConversation(conversation("noone", "t4", State.NEW, T0.plusSeconds(500),
                10, null, null)).id());
        store.write(tx -> tx.insertConversation(conversation("later", "t5", State.NEW, T0.plus(Duration.ofDays(1)),
                10, null, null)));

        List<dev.earshot.core.ConversationSummary> log = store.read(tx ->
                tx.conversationLog(T0, T0.plus(Duration.ofDays(1)), 0, 100));
        assertEquals(List.of(jane, outside, bare), log.stream().map(dev.earshot.core.ConversationSummary::id).toList());
        dev.earshot.core.ConversationSummary j = log.get(0);
        assertAll(
                () -> assertEquals("jane", j.authorHandle()),
                () -> assertEquals(4_321, j.followers()),
                () -> assertEquals("=cmd|' /C calc'!A0", j.firstText(), "stored as written"),
                () -> assertEquals("https://x.com/jane/1", j.url()),
                () -> assertEquals(T0.plusSeconds(90), j.firstReplyAt()),
                () -> assertEquals(State.REPLIED, j.state()),
                () -> assertEquals("bob", j.owner()),
                () -> assertEquals(40, j.priority().score()),
                () -> assertEquals("bob", j.firstResponder()));
        assertEquals(null, log.get(1).firstResponder(), "answered from the platform's app first");
        assertEquals(-1, log.get(2).followers(), "no message stored");
        assertEquals("", log.get(2).firstText());
        assertEquals(List.of(outside, bare), store.read(tx -> tx.conversationLog(T0, T0.plus(Duration.ofDays(1)),
                jane, 100)).stream().map(dev.earshot.core.ConversationSummary::id).toList(), "paged after an id");
        assertEquals(1, store.read(tx -> tx.conversationLog(T0, T0.plus(Duration.ofDays(1)), 0, 1)).size());
    }

    @Test
    void the_counted_conversations_keep_the_earliest_message_and_answer_whatever_order_they_arrive_in() {
        long id = store.write(tx -> {
            Message late = new Message(Platform.X, ACCOUNT, "m2", new Author(Platform.X, "jane", "Jane", 900, null),
                    "second", "https://x.com/jane/2", T0.plusSeconds(60), MessageKind.MENTION, null, "t1");
            long c = tx.insertConversation(Conversation.open(late, "support", new Priority(40))).id();
            tx.addCustomerMessage(c, late, T0.plusSeconds(60));
            // A page read out of order: the earlier message, with its follower count then, comes second.
            Message early = new Message(Platform.X, ACCOUNT, "m1", new Author(Platform.X, "jane", "Jane", 800, null),
                    "first", "https://x.com/jane/1", T0, MessageKind.MENTION, null, "t1");
            tx.addCustomerMessage(c, early, T0.plusSeconds(61));
            tx.record(new HistoryEntry(c, T0.plusSeconds(300), "bob", "replied", "hi"));
            // Seen later, but given earlier from the platform's own app: the first answer was not bob's.
            tx.record(new HistoryEntry(c, T0.plusSeconds(200), HistoryEntry.EARSHOT, "answered-outside", "x"));
            tx.record(new HistoryEntry(c, T0.plusSeconds(200), "alice", "replied", "same instant, recorded later"));
            tx.record(new HistoryEntry(c, T0.plusSeconds(100), "alice", "claim", ""));
            return c;
        });
        store.write(tx -> {
            Message m = message("m3", "kim", "t3", T0.plusSeconds(10));
            long c = tx.insertConversation(Conversation.open(m, "support", new Priority(20))).id();
            tx.addCustomerMessage(c, m, T0.plusSeconds(10));
            tx.record(new HistoryEntry(c, T0.plusSeconds(400), "carol", "replied", "hello"));
            tx.record(new HistoryEntry(c, T0.plusSeconds(350), "dan", "replied", "earlier"));
            return c;
        });

        List<dev.earshot.core.CountedConversation> counted = store.read(tx ->
                tx.conversationsOpened(T0, T0.plus(Duration.ofDays(1)))).stream()
                .sorted(java.util.Comparator.comparing(dev.earshot.core.CountedConversation::authorHandle)).toList();
        assertEquals(List.of("jane", "kim"), counted.stream().map(dev.earshot.core.CountedConversation::authorHandle)
                .toList());
        assertEquals(800, counted.get(0).followers(), "the earliest message's followers");
        assertEquals(null, counted.get(0).firstResponder(), "answered from the platform's app first");
        assertEquals("dan", counted.get(1).firstResponder(), "the earliest reply, not the first recorded");
        List<dev.earshot.core.ConversationSummary> log = store.read(tx ->
                tx.conversationLog(T0, T0.plus(Duration.ofDays(1)), 0, 100));
        assertEquals(800, log.get(0).followers(), "the export agrees");
        assertEquals(counted.stream().map(dev.earshot.core.CountedConversation::firstResponder).toList(),
                log.stream().map(dev.earshot.core.ConversationSummary::firstResponder).toList(), "the export agrees");
    }

    @Test
    void timings_are_the_opening_and_first_reply_of_each_conversation_in_the_range() {
        insertFigure("a", T0.minusSeconds(1), State.NEW, null);
        insertFigure("b", T0, State.REPLIED, Duration.ofMinutes(5));
        insertFigure("c", T0.plusSeconds(10), State.NEW, null);
        insertFigure("d", T0.plusSeconds(3600), State.NEW, null);
        List<dev.earshot.core.Timing> timings = store.read(tx -> tx.timings(T0, T0.plusSeconds(3600)));
        assertEquals(Set.of(new dev.earshot.core.Timing(T0, T0.plus(Duration.ofMinutes(5))),
                new dev.earshot.core.Timing(T0.plusSeconds(10), null)), Set.copyOf(timings));
    }

    @Test
    void the_oldest_waiting_come_first_with_the_link_to_their_first_message() {
        Message m = new Message(Platform.X, ACCOUNT, "w1", new Author(Platform.X, "old", null, 1, null), "hi",
                "https://x.com/old/w1", T0, MessageKind.MENTION, null, "w1");
        long old = store.write(tx -> {
            long id = tx.insertConversation(Conversation.open(m, "support", new Priority(5))).id();
            tx.addCustomerMessage(id, m, T0);
            return id;
        });
        insertFigure("urgent-but-newer", T0.plusSeconds(60), State.CLAIMED, null);
        insertFigure("answered", T0.minusSeconds(60), State.REPLIED, Duration.ofMinutes(1));
        insertFigure("snoozed", T0.minusSeconds(60), State.SNOOZED, null);
        List<dev.earshot.core.WaitingItem> waiting = store.read(tx -> tx.oldestWaiting(10));
        assertEquals(List.of("old", "urgent-but-newer"), waiting.stream().map(dev.earshot.core.WaitingItem::authorHandle).toList());
        assertEquals(new dev.earshot.core.WaitingItem(old, Platform.X, "old", T0, "https://x.com/old/w1"), waiting.get(0));
        assertEquals("", waiting.get(1).url());
        assertEquals(2, (int) store.read(tx -> tx.waitingCount()));
        assertEquals(1, store.read(tx -> tx.oldestWaiting(1)).size());
    }

    @Test
    void member_activity_counts_claims_and_delivered_replies_in_the_range() {
        store.write(tx -> {
            tx.record(new HistoryEntry(1, T0.minusSeconds(1), "alice", "claim", ""));
            tx.record(new HistoryEntry(1, T0, "alice", "claim", ""));
            tx.record(new HistoryEntry(1, T0.plusSeconds(5), "alice", "reply", "queued, not delivered"));
            tx.record(new HistoryEntry(1, T0.plusSeconds(9), "alice", "replied", "delivered"));
            tx.record(new HistoryEntry(2, T0.plusSeconds(9), "bob", "replied", "delivered"));
            tx.record(new HistoryEntry(3, T0.plusSeconds(9), "bob", "replied", "delivered"));
            tx.record(new HistoryEntry(3, T0.plusSeconds(9), HistoryEntry.EARSHOT, "replied", "not a member"));
            tx.record(new HistoryEntry(4, T0.plusSeconds(3600), "carol", "claim", "out of range"));
            return null;
        });
        assertEquals(List.of(new dev.earshot.core.MemberActivity("alice", 1, 1),
                        new dev.earshot.core.MemberActivity("bob", 0, 2)),
                store.read(tx -> tx.memberActivity(T0, T0.plusSeconds(3600))));
    }

    static Message message(String externalId, String handle, String thread, Instant at) {
        return new Message(Platform.X, ACCOUNT, externalId, new Author(Platform.X, handle, null, 10, null),
                "hello from " + handle, "", at, MessageKind.MENTION, null, thread);
    }

    static Conversation withIdAndVersion(Conversation c, long id, long version) {
        return new Conversation(id, c.platform(), c.account(), c.authorHandle(), c.threadKey(), c.channel(),
                c.state(), c.owner(), c.priority(), c.openedAt(), c.lastCustomerAt(), c.firstReplyAt(),
                c.snoozedUntil(), c.stateBy(), c.stateNote(), c.chatRef(), version);
    }

    Conversation insert(String handle, String thread, State state, Instant openedAt) {
        return insert(handle, thread, state, openedAt, 30);
    }

    Conversation insert(String handle, String thread, State state, Instant openedAt, int priority) {
        return store.write(tx -> tx.insertConversation(conversation(handle, thread, state, openedAt, priority,
                null, null)));
    }

    private Conversation insertSnoozed(String handle, Instant until) {
        return store.write(tx -> tx.insertConversation(conversation(handle, "t1", State.SNOOZED, T0, 30,
                until, null)));
    }

    private void insertFigure(String handle, Instant openedAt, State state, Duration firstResponse) {
        Instant replied = firstResponse == null ? null : openedAt.plus(firstResponse);
        store.write(tx -> tx.insertConversation(conversation(handle, "t1", state, openedAt, 30, null, replied)));
    }

    private static Conversation conversation(String handle, String thread, State state, Instant openedAt,
                                             int priority, Instant snoozedUntil, Instant firstReplyAt) {
        String owner = state == State.NEW ? null : "alice";
        return new Conversation(0, Platform.X, ACCOUNT, handle, thread, "#support", state, owner,
                new Priority(priority), openedAt, openedAt, firstReplyAt, snoozedUntil, owner,
                state == State.DISMISSED ? "spam" : null, null, 0);
    }

    private boolean claim(String job, String period, Instant at) {
        Boolean won = store.write(tx -> tx.claimRun(job, period, at));
        return won;
    }

    private boolean claimed(String job, String period) {
        Boolean claimed = store.read(tx -> tx.runClaimed(job, period));
        return claimed;
    }

    /** The conditional write in a transaction of its own. */
    boolean update(Conversation changed) {
        Boolean won = store.write(tx -> tx.update(changed));
        return won;
    }

    private boolean cardPending(long conversationId) {
        Boolean pending = store.read(tx -> tx.cardPending(conversationId));
        return pending;
    }

    private OutboxRow onlyDue(Instant now) {
        List<OutboxRow> due = store.read(tx -> tx.dueOutbox(now, 10));
        assertEquals(1, due.size(), () -> "due at " + now + ": " + due);
        return due.get(0);
    }
}
