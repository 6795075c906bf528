package dev.earshot.port;

import dev.earshot.core.ChatRef;
import dev.earshot.core.Conversation;
import dev.earshot.core.ConversationSummary;
import dev.earshot.core.CountedConversation;
import dev.earshot.core.Effect;
import dev.earshot.core.FollowUp;
import dev.earshot.core.HistoryEntry;
import dev.earshot.core.MemberActivity;
import dev.earshot.core.Message;
import dev.earshot.core.OnCallShift;
import dev.earshot.core.Platform;
import dev.earshot.core.ResponseFigures;
import dev.earshot.core.Target;
import dev.earshot.core.Timing;
import dev.earshot.core.WaitingItem;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Durable state: conversations, messages, the audit log, the outbox and source cursors. Every
 * use case runs in one transaction, so a state change and the effects it causes commit together.
 */
public interface Store extends AutoCloseable {

    /** Runs {@code work} in one write transaction; commits when it returns, rolls back when it throws. */
    <T> T write(Function<Tx, T> work);

    /** Runs {@code work} against a consistent snapshot. */
    <T> T read(Function<Tx, T> work);

    @Override
    void close();

    /** What a transaction can do. Methods that change nothing are safe in {@link #read}. */
    interface Tx extends ReplyDrafts, BrandPosts {
        boolean messageExists(Platform platform, String account, String externalId);

        void addCustomerMessage(long conversationId, Message message, Instant receivedAt);

        /** Our reply as the platform stored it; its id keeps it from being ingested as a customer message. */
        void addBrandReply(long conversationId, Platform platform, String account, String externalId,
                           String text, Instant at);

        /** The customer's messages in the order they were written. */
        List<Message> customerMessages(long conversationId);

        Optional<String> lastBrandReply(long conversationId);

        Optional<Conversation> conversation(long id);

        /** The conversation holding this message (customer's or ours), if it is stored. */
        Optional<Conversation> conversationOfMessage(Platform platform, String account, String externalId);

        /** The open conversation of this author in this thread, if any. */
        Optional<Conversation> openConversation(Platform platform, String account, String authorHandle,
                                                String threadKey);

        /** Stores a new conversation; returns it with its id and version 1. */
        Conversation insertConversation(Conversation conversation);

        /**
         * Writes {@code changed} only if the stored version still equals {@code changed.version()},
         * and bumps the version. False when someone else changed it first. The chat reference is
         * not written: only {@link #setChatRef} sets it, so a record read before the card was posted
         * cannot wipe it.
         */
        boolean update(Conversation changed);

        /** Records where the card lives; does not bump the version (no rule's decision depends on it). */
        void setChatRef(long conversationId, ChatRef ref);

        /** Conversations waiting for the team (new or claimed), highest priority first, then oldest. */
        List<Conversation> queue(int limit);

        /** Snoozed conversations whose snooze ends at or before {@code now}. */
        List<Conversation> snoozesEndingBy(Instant now);

        /** Figures for conversations opened in [from, to). */
        ResponseFigures figures(Instant from, Instant to);

        void record(HistoryEntry entry);

        List<HistoryEntry> history(long conversationId);

        // ------------------------------------------------ follow-through: nudges, follow-ups, on call

        /**
         * Records that the nudge {@code step} went out for a conversation; false when it already had
         * (the schema's UNIQUE(conversation_id, step) decides). Write it in the transaction that
         * enqueues the nudge, so that a crash loses or repeats neither.
         */
        boolean recordNudge(long conversationId, String step, Instant at);

        /** The nudge steps already sent for a conversation. */
        Set<String> nudgesSent(long conversationId);

        /** Stores a follow-up; returns it with its id. */
        FollowUp addFollowUp(FollowUp followUp);

        /** Follow-ups due in [from, to), reminded or not, soonest first (the digest's "follow-ups due today"). */
        List<FollowUp> followUpsDue(Instant from, Instant to);

        /** Follow-ups due at or before {@code now} whose reminder has not gone out, soonest first. */
        List<FollowUp> followUpsToRemind(Instant now);

        /** Marks the reminder sent; false when it already was. */
        boolean markFollowUpReminded(long followUpId, Instant at);

        /** Puts someone on call by hand; the latest such shift wins. */
        void setOnCall(OnCallShift shift);

        /** The latest hand-set on-call shift, whether or not it still runs. */
        Optional<OnCallShift> onCallOverride();

        /**
         * This customer's latest conversation that has an owner and in which they wrote at or after
         * {@code activeSince} (for one owner from start to end).
         */
        Optional<Conversation> latestOwnedConversation(Platform platform, String authorHandle, Instant activeSince);

        /** Adds an outbox row for {@code effect}, to be sent to {@code target} (a chat channel or a source). */
        long enqueue(Effect effect, Target target, Instant at);

        /**
         * Unfinished rows (pending or sending) that may be tried at {@code now}, oldest first, at most
         * {@code perTarget} of each target: a target with a long backlog does not keep the others'
         * rows out of the answer.
         */
        List<OutboxRow> dueOutbox(Instant now, int perTarget);

        /** Rows not yet accepted by their platform (pending or sending), for the operator's metrics. */
        int outboxBacklog();

        /** Whether a reply to the customer in this conversation is still waiting in the outbox (or in flight). */
        boolean replyPending(long conversationId);

        /** Moves every unfinished row of {@code target} due before {@code until} to {@code until}. */
        void postponeTarget(Target target, Instant until);

        /** Whether the conversation's card is still waiting in the outbox. */
        boolean cardPending(long conversationId);

        /** The send is starting: if we crash now, its outcome is unknown and must be settled first. */
        void markSending(long rowId, Instant at);

        void markDone(long rowId, Instant at);

        /** Back to pending, one more attempt counted, not before {@code next}. */
        void markRetry(long rowId, Instant next, String error);

        /** Wait without counting an attempt (the target is paced or paused). */
        void postpone(long rowId, Instant next);

        /**
         * The platform refused the call outright (a 429), so it did not land: back to pending, not
         * before {@code next}, no attempt counted.
         */
        void markRefused(long rowId, Instant next);

        void markFailed(long rowId, Instant at, String error);

        /**
         * The platform says the reply was probably sent but it is not visible yet: the row stays
         * sending (only looked up, never sent again), unconfirmed since {@code since} (kept if set
         * earlier), next looked up at {@code next}. The conversation's later rows to the same target
         * wait behind it; other conversations' rows do not.
         */
        void markUnconfirmed(long rowId, Instant since, Instant next, String error);

        /**
         * The due rows (as {@link #dueOutbox}) that {@code holder}, one running instance, may send,
         * leased to it until {@code until}: a target whose unfinished rows another instance holds is
         * left to that instance until its lease expires; each row is taken by one instance only. The
         * holder's leases half spent are renewed. A row found sending may have been sent by an
         * instance that died: it is looked up before any resend, as after a restart.
         */
        List<OutboxRow> claimOutbox(String holder, Instant now, Instant until, int perTarget);

        /** Whether {@code holder} may still send the row: no other instance has taken it over. */
        boolean holdsOutboxRow(long rowId, String holder);

        /**
         * Gives up {@code holder}'s leases on rows not in flight (a graceful stop), so that another
         * instance sends them at once; a row left sending keeps its lease until it expires.
         */
        void releaseOutbox(String holder);

        /**
         * Takes the lease {@code name} (a source to poll, the Discord gateway) for {@code holder} until
         * {@code until}, or renews it: true when it is free, expired or already the holder's; false
         * when another instance holds it. One conditional write, so two instances never both win.
         */
        boolean takeLease(String name, String holder, Instant now, Instant until);

        /** Gives the lease up if {@code holder} holds it, so that another instance takes it at once. */
        void releaseLease(String name, String holder);

        Optional<String> cursor(String source);

        void saveCursor(String source, String cursor, Instant at);

        // ------------------------------------------------------------ scheduled work and reports

        /**
         * Claims one run of scheduled work, for example ({@code daily-digest:support}, {@code 2026-11-22}):
         * true for the first claim of that pair ever, false for every later one. Write what the run
         * sends in the same transaction, so that the claim and its outbox rows commit together.
         */
        boolean claimRun(String job, String period, Instant at);

        /** Whether {@code (job, period)} was claimed already. */
        boolean runClaimed(String job, String period);

        /**
         * Conversations opened in [from, to) with their first message and first responder, by id,
         * the first {@code limit} after {@code afterId} (pass 0 to start).
         */
        List<ConversationSummary> conversationLog(Instant from, Instant to, long afterId, int limit);

        /**
         * Conversations opened in [from, to), with only what the digest and the stats count, read
         * in one pass however long the period, in no particular order.
         */
        List<CountedConversation> conversationsOpened(Instant from, Instant to);

        /** Opening and first-reply times of the conversations opened in [from, to). */
        List<Timing> timings(Instant from, Instant to);

        /** Conversations waiting for the team (new or claimed), oldest first. */
        List<WaitingItem> oldestWaiting(int limit);

        /** How many conversations wait for the team now. */
        int waitingCount();

        /** Claims and delivered replies per member in [from, to), from the audit log. */
        List<MemberActivity> memberActivity(Instant from, Instant to);

        /** Social care's records: billable reads, alert states, counts of audit actions. */
        CareRecords care();
    }

    /**
     * An outbox row.
     *
     * @param key the idempotency key, the same on every attempt
     * @param sending true when an attempt started and its outcome is unknown (a crash mid-send)
     */
    /** @param unconfirmedSince when the platform first said it was probably sent but it was not yet seen; or null */
    record OutboxRow(long id, Effect effect, Target target, String key, int attempts, boolean sending,
                     Instant createdAt, Instant unconfirmedSince) {
        public OutboxRow(long id, Effect effect, Target target, String key, int attempts, boolean sending,
                         Instant createdAt) {
            this(id, effect, target, key, attempts, sending, createdAt, null);
        }
    }
}
