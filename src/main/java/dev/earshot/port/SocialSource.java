package dev.earshot.port;

import dev.earshot.core.BillableReads;
import dev.earshot.core.Conversation;
import dev.earshot.core.Message;
import dev.earshot.core.Platform;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One brand account on one social platform: where customers' messages come from and replies go. */
public interface SocialSource {

    /** The configured name, unique across sources; also the account in every message it fetches. */
    String name();

    Platform platform();

    /**
     * What is new since the cursor (empty on first start: then a bounded backfill). The brand's
     * own posts are left out. The new cursor is stored in the same transaction as the messages.
     */
    Fetch fetchSince(Optional<String> cursor) throws DeliveryException;

    /**
     * Replies as the brand, threaded under {@code to}. The key is the same on every retry of one
     * reply, so that the platform (or our look-up) can keep a retried send from arriving twice.
     */
    SentReply reply(Message to, String text, String idempotencyKey) throws DeliveryException;

    /**
     * Did the brand already answer {@code to}? With a key: the reply sent with that key, used to
     * settle a send whose outcome is unknown. With a null key: any reply by the brand's account.
     */
    Optional<SentReply> findReply(Message to, String idempotencyKey) throws DeliveryException;

    /** The most a reply may measure, counted as {@link #replyLength} counts. */
    int maxReplyLength();

    /** A reply's length as the platform counts it; code points unless the platform says otherwise. */
    default int replyLength(String text) {
        return text.codePointCount(0, text.length());
    }

    /**
     * The reply as the customer will see it in {@code to}: where {@link #reply} puts their
     * {@code @handle} first (Mastodon, Bluesky posts), with it. The preview shows this text.
     */
    default String replyAsPosted(Conversation to, String text) {
        return text.strip();
    }

    /**
     * The length of {@code text} as it will be posted in {@code to}, counted on
     * {@link #replyAsPosted}: the mention some platforms put first counts too, so that a reply
     * accepted here is not refused by the platform later.
     */
    default int replyLength(Conversation to, String text) {
        return replyLength(replyAsPosted(to, text));
    }

    /**
     * The reads the platform bills that this source made since the last call (posts, users, DM
     * events), counted as they were read; each read is handed out once. Free platforms read none.
     */
    default BillableReads takeReads() {
        return BillableReads.NONE;
    }

    /**
     * Whether the reads that can wait may be made: keyword searches, direct messages and a first
     * start's backfill. The application says no once the source's monthly budget is reached;
     * mentions are read either way. Ignored by sources whose reads cost nothing.
     */
    default void allowOptionalReads(boolean allowed) {
    }

    /**
     * What a poll found.
     *
     * @param brandReplies posts by the brand's own account answering customers (from the platform's
     *     own app, or Earshot's own replies seen again); never ingested as customer messages
     * @param gaps stretches of time whose messages the platform could not (or, on first start, was
     *     not asked to) return; the team is told once, with the cursor that moved past them
     * @param broadcasts the brand's own posts that answer no customer (announcements, its own
     *     threads), for the dialogue figures; a post reported again later is counted once
     */
    record Fetch(List<Message> messages, List<BrandReply> brandReplies, String nextCursor, List<Gap> gaps,
                 List<Broadcast> broadcasts) {
        public Fetch {
            messages = List.copyOf(messages);
            brandReplies = List.copyOf(brandReplies);
            gaps = List.copyOf(gaps);
            broadcasts = List.copyOf(broadcasts);
        }

        public Fetch(List<Message> messages, List<BrandReply> brandReplies, String nextCursor, List<Gap> gaps) {
            this(messages, brandReplies, nextCursor, gaps, List.of());
        }

        public Fetch(List<Message> messages, List<BrandReply> brandReplies, String nextCursor) {
            this(messages, brandReplies, nextCursor, List.of());
        }

        public Fetch(List<Message> messages, String nextCursor) {
            this(messages, List.of(), nextCursor);
        }
    }

    /**
     * Messages between {@code from} and {@code to} may be missing (X returns only the newest 800
     * mentions, for one). {@code why} is one sentence for the team, without a secret.
     */
    record Gap(Instant from, Instant to, String why) {
    }

    /** A post by the brand's account in answer to the customer's message {@code inReplyTo}. */
    record BrandReply(String externalId, String inReplyTo, String text, Instant at) {
    }

    /** A post by the brand's account that answers no customer. */
    record Broadcast(String externalId, Instant at) {
    }

    record SentReply(String externalId, String url, Instant at) {
    }
}
