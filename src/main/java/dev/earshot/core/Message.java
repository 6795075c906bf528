package dev.earshot.core;

import java.time.Instant;
import java.util.Objects;

/**
 * One message on a social platform, as a source adapter maps it.
 *
 * @param account the brand account (source name) that received it
 * @param externalId the platform's own id; unique per platform and account
 * @param threadKey the platform's thread or conversation id; a message that starts a thread uses its own id
 * @param inReplyTo the external id of the message this one answers, or null
 */
public record Message(
        Platform platform,
        String account,
        String externalId,
        Author author,
        String text,
        String url,
        Instant createdAt,
        MessageKind kind,
        String inReplyTo,
        String threadKey) {

    public Message {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(kind, "kind");
        text = text == null ? "" : text;
        url = url == null ? "" : url;
        threadKey = threadKey == null || threadKey.isBlank() ? externalId : threadKey;
    }
}
