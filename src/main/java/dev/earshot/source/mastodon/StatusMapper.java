package dev.earshot.source.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.earshot.core.Author;
import dev.earshot.core.Message;
import dev.earshot.core.MessageKind;
import dev.earshot.core.Platform;
import dev.earshot.port.SocialSource.BrandReply;
import dev.earshot.source.http.JsonFields;
import java.time.Instant;
import java.util.Optional;

/** Mastodon's Status and Account shapes to core records, for one brand account. */
final class StatusMapper {
    private final String source;
    private final String brandId;
    private final String domain;

    /**
     * @param domain the instance's domain, to make a local account's {@code acct} ({@code jane})
     *     a full handle ({@code jane@mastodon.social})
     */
    StatusMapper(String source, String brandId, String domain) {
        this.source = source;
        this.brandId = brandId;
        this.domain = domain;
    }

    boolean byBrand(JsonNode status) {
        return brandId.equals(status.path("account").path("id").asText());
    }

    Message message(JsonNode status, String threadKey) {
        String id = status.path("id").asText();
        String url = JsonFields.text(status, "url");
        return new Message(Platform.MASTODON, source, id, author(status.path("account")),
                StatusHtml.text(JsonFields.text(status, "content")),
                url == null ? JsonFields.text(status, "uri") : url,
                createdAt(status), kind(status), JsonFields.text(status, "in_reply_to_id"), threadKey);
    }

    /** A status found by a keyword search. */
    Message keywordMatch(JsonNode status, String threadKey) {
        Message m = message(status, threadKey);
        return new Message(m.platform(), m.account(), m.externalId(), m.author(), m.text(), m.url(), m.createdAt(),
                MessageKind.KEYWORD, m.inReplyTo(), m.threadKey());
    }

    /** The status names the brand (then it also arrives as a mention notification) or answers it. */
    boolean mentionsBrand(JsonNode status) {
        for (JsonNode m : status.path("mentions")) {
            if (brandId.equals(m.path("id").asText())) {
                return true;
            }
        }
        return brandId.equals(JsonFields.text(status, "in_reply_to_account_id"));
    }

    /** A status by the brand answering someone else's status; empty for anything else. */
    Optional<BrandReply> brandReply(JsonNode status) {
        String parent = JsonFields.text(status, "in_reply_to_id");
        String parentAccount = JsonFields.text(status, "in_reply_to_account_id");
        if (!byBrand(status) || parent == null || brandId.equals(parentAccount)) {
            return Optional.empty();
        }
        return Optional.of(new BrandReply(status.path("id").asText(), parent,
                StatusHtml.text(JsonFields.text(status, "content")), createdAt(status)));
    }

    MessageKind kind(JsonNode status) {
        if ("direct".equals(status.path("visibility").asText())) {
            return MessageKind.DM;
        }
        return brandId.equals(JsonFields.text(status, "in_reply_to_account_id")) ? MessageKind.REPLY : MessageKind.MENTION;
    }

    Author author(JsonNode account) {
        long followers = account.path("followers_count").isNumber() ? account.path("followers_count").asLong() : -1;
        return new Author(Platform.MASTODON, handle(account.path("acct").asText(), domain),
                JsonFields.text(account, "display_name"), followers, JsonFields.text(account, "url"),
                JsonFields.text(account, "id"));
    }

    static Instant createdAt(JsonNode node) {
        return JsonFields.instant(node, "created_at").orElse(Instant.EPOCH);
    }

    /** {@code acct} is bare for accounts on the brand's own instance; the handle always names the domain. */
    static String handle(String acct, String domain) {
        return acct.contains("@") || domain == null || domain.isBlank() ? acct : acct + "@" + domain;
    }
}
