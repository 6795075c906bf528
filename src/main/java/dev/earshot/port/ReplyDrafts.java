package dev.earshot.port;

import dev.earshot.core.ReplyDraft;
import java.util.Optional;

/** The typed replies waiting for their author's Send or Cancel; part of every {@link Store.Tx}. */
public interface ReplyDrafts {

    /** Stores a pending draft; returns it with its id. */
    ReplyDraft addReplyDraft(ReplyDraft draft);

    Optional<ReplyDraft> replyDraft(long id);

    /** Pending → {@code to}, in one conditional write: false when it was settled already. */
    boolean settleReplyDraft(long id, ReplyDraft.State to);
}
