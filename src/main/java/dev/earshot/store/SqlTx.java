package dev.earshot.store;

import dev.earshot.core.ChatRef;
import dev.earshot.core.Conversation;
import dev.earshot.core.ConversationSummary;
import dev.earshot.core.CountedConversation;
import dev.earshot.core.FollowUp;
import dev.earshot.core.HistoryEntry;
import dev.earshot.core.MemberActivity;
import dev.earshot.core.Message;
import dev.earshot.core.OnCallShift;
import dev.earshot.core.Platform;
import dev.earshot.core.ResponseFigures;
import dev.earshot.core.Timing;
import dev.earshot.core.WaitingItem;
import dev.earshot.port.CareRecords;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One transaction's view of the store, the same for SQLite and PostgreSQL (their SQL agrees for
 * everything a transaction does; the outbox and leases are {@link OutboxTx}); lives only inside a
 * store's {@code write} or {@code read}.
 */
final class SqlTx extends OutboxTx {
    private final MessageSql messages;
    private final ConversationSql conversations;
    private final FollowThroughSql followThrough;
    private final DigestSql digest;
    private final CareSql care;

    SqlTx(Sql sql) {
        super(sql);
        this.messages = new MessageSql(sql);
        this.conversations = new ConversationSql(sql);
        this.followThrough = new FollowThroughSql(sql);
        this.digest = new DigestSql(sql);
        this.care = new CareSql(sql);
    }

    @Override
    public boolean messageExists(Platform platform, String account, String externalId) {
        return messages.exists(platform, account, externalId);
    }

    @Override
    public void addCustomerMessage(long conversationId, Message message, Instant receivedAt) {
        messages.addCustomerMessage(conversationId, message, receivedAt);
    }

    @Override
    public void addBrandReply(long conversationId, Platform platform, String account, String externalId,
                              String text, Instant at) {
        messages.addBrandReply(conversationId, platform, account, externalId, text, at);
    }

    @Override
    public List<Message> customerMessages(long conversationId) {
        return messages.customerMessages(conversationId);
    }

    @Override
    public Optional<String> lastBrandReply(long conversationId) {
        return messages.lastBrandReply(conversationId);
    }

    @Override
    public Optional<Conversation> conversation(long id) {
        return conversations.byId(id);
    }

    @Override
    public Optional<Conversation> conversationOfMessage(Platform platform, String account, String externalId) {
        return messages.conversationOf(platform, account, externalId).flatMap(conversations::byId);
    }

    @Override
    public Optional<Conversation> openConversation(Platform platform, String account, String authorHandle,
                                                   String threadKey) {
        return conversations.open(platform, account, authorHandle, threadKey);
    }

    @Override
    public Conversation insertConversation(Conversation conversation) {
        return conversations.insert(conversation);
    }

    @Override
    public boolean update(Conversation changed) {
        return conversations.update(changed);
    }

    @Override
    public void setChatRef(long conversationId, ChatRef ref) {
        conversations.setChatRef(conversationId, ref);
    }

    @Override
    public List<Conversation> queue(int limit) {
        return conversations.queue(limit);
    }

    @Override
    public List<Conversation> snoozesEndingBy(Instant now) {
        return conversations.snoozesEndingBy(now);
    }

    @Override
    public ResponseFigures figures(Instant from, Instant to) {
        return conversations.figures(from, to);
    }

    @Override
    public void record(HistoryEntry entry) {
        conversations.record(entry);
        digest.firstAnswer(entry);
    }

    @Override
    public List<HistoryEntry> history(long conversationId) {
        return conversations.history(conversationId);
    }

    @Override
    public boolean recordNudge(long conversationId, String step, Instant at) {
        return followThrough.recordNudge(conversationId, step, at);
    }

    @Override
    public Set<String> nudgesSent(long conversationId) {
        return followThrough.nudgesSent(conversationId);
    }

    @Override
    public FollowUp addFollowUp(FollowUp followUp) {
        return followThrough.addFollowUp(followUp);
    }

    @Override
    public List<FollowUp> followUpsDue(Instant from, Instant to) {
        return followThrough.due(from, to);
    }

    @Override
    public List<FollowUp> followUpsToRemind(Instant now) {
        return followThrough.toRemind(now);
    }

    @Override
    public boolean markFollowUpReminded(long followUpId, Instant at) {
        return followThrough.markReminded(followUpId, at);
    }

    @Override
    public void setOnCall(OnCallShift shift) {
        followThrough.setOnCall(shift);
    }

    @Override
    public Optional<OnCallShift> onCallOverride() {
        return followThrough.onCallOverride();
    }

    @Override
    public Optional<Conversation> latestOwnedConversation(Platform platform, String authorHandle,
                                                          Instant activeSince) {
        return conversations.latestOwned(platform, authorHandle, activeSince);
    }

    @Override
    public Optional<String> cursor(String source) {
        return messages.cursor(source);
    }

    @Override
    public void saveCursor(String source, String cursor, Instant at) {
        messages.saveCursor(source, cursor, at);
    }

    @Override
    public boolean claimRun(String job, String period, Instant at) {
        return digest.claimRun(job, period, at);
    }

    @Override
    public boolean runClaimed(String job, String period) {
        return digest.runClaimed(job, period);
    }

    @Override
    public List<ConversationSummary> conversationLog(Instant from, Instant to, long afterId, int limit) {
        return digest.conversationLog(from, to, afterId, limit);
    }

    @Override
    public List<CountedConversation> conversationsOpened(Instant from, Instant to) {
        return digest.conversationsOpened(from, to);
    }

    @Override
    public List<Timing> timings(Instant from, Instant to) {
        return digest.timings(from, to);
    }

    @Override
    public List<WaitingItem> oldestWaiting(int limit) {
        return digest.oldestWaiting(limit);
    }

    @Override
    public int waitingCount() {
        return digest.waitingCount();
    }

    @Override
    public List<MemberActivity> memberActivity(Instant from, Instant to) {
        return digest.memberActivity(from, to);
    }

    @Override
    public CareRecords care() {
        return care;
    }
}
