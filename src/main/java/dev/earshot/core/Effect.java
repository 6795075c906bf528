package dev.earshot.core;

import java.util.List;

/**
 * Something that must leave the process: a row in the outbox, written in the same transaction
 * as the state change that caused it, and sent by the dispatcher until the platform accepts it.
 * Cards carry no content: they are drawn from stored state when sent, so they are never stale.
 */
public sealed interface Effect {
    long conversationId();

    /** Post the conversation's card in its channel. */
    record PostCard(long conversationId) implements Effect {
    }

    /** Redraw the conversation's card in place. */
    record UpdateCard(long conversationId) implements Effect {
    }

    /** Post a line in the card's thread; the named members are mentioned (pinged) in it. */
    record ThreadPost(long conversationId, String text, List<String> mention) implements Effect {
        public ThreadPost {
            mention = mention == null ? List.of() : List.copyOf(mention);
        }

        public ThreadPost(long conversationId, String text) {
            this(conversationId, text, List.of());
        }
    }

    /**
     * Post a message in the channel itself, outside any thread (a nudge everyone must see); the
     * named members are mentioned. {@code conversationId} is 0 when it concerns none.
     */
    record ChannelPost(long conversationId, String text, List<String> mention) implements Effect {
        public ChannelPost {
            mention = mention == null ? List.of() : List.copyOf(mention);
        }
    }

    /**
     * Send the team's reply to the customer, threaded under their message {@code inReplyTo}. An
     * {@code acknowledgement} is Earshot's after-hours answer ({@code member} is {@code earshot}):
     * sent by the same path, exactly once, but it answers nobody's question, so it neither stops the
     * SLA clock nor counts as the first response, and it is dropped if a teammate got there first.
     */
    record CustomerReply(long conversationId, String inReplyTo, String text, String member,
                         boolean acknowledgement) implements Effect {
        public CustomerReply(long conversationId, String inReplyTo, String text, String member) {
            this(conversationId, inReplyTo, text, member, false);
        }
    }

    /** Tell one member something only they should see. */
    record Notice(long conversationId, String member, String text) implements Effect {
    }

    /**
     * Post a report in the channel (the digest): plain text with the trend drawn as a chart and
     * attached. Concerns no conversation. The text is fixed when the report is made; the chart is
     * drawn when it is sent, from the trend's plain values.
     *
     * @param name names the report and its image file ({@code digest-2026-11-22})
     */
    record Report(String name, String text, Trend trend) implements Effect {
        @Override
        public long conversationId() {
            return 0;
        }
    }
}
