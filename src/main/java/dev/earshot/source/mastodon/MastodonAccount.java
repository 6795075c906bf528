package dev.earshot.source.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.earshot.port.DeliveryException;
import dev.earshot.source.http.HttpReply;
import dev.earshot.source.http.JsonFields;
import dev.earshot.source.http.JsonHttp;
import dev.earshot.source.text.LogSafe;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who the brand is on its instance, and the instance's limits: asked once
 * ({@code verify_credentials}, {@code /api/v2/instance}), again only after a failure. Its own class
 * because polling, replying, counting a reply's length and the stream all need it.
 */
final class MastodonAccount {
    private static final Logger log = LoggerFactory.getLogger(MastodonAccount.class);

    private final String name;
    private final JsonHttp http;
    private final String token;
    private volatile Account account;

    /** Who the brand is on this instance, and the instance's limits; learned once. {@code streaming} null: no stream. */
    record Account(String id, String acct, String domain, int maxChars, int urlChars, URI streaming) {
    }

    MastodonAccount(String name, JsonHttp http, String token) {
        this.name = name;
        this.http = http;
        this.token = token;
    }

    /** The account if it was learned already, else null (nothing is asked). */
    Account known() {
        return account;
    }

    /** The brand account and the instance's limits: asked once, again only after a failure. */
    Account get() throws DeliveryException {
        Account known = account;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (account != null) {
                return account;
            }
            JsonNode me = http.get("/api/v1/accounts/verify_credentials").bearer(token).fetch();
            String domain = http.base().getHost();
            int maxChars = MastodonSource.DEFAULT_MAX_CHARS;
            int urlChars = MastodonLength.DEFAULT_URL_CHARS;
            URI streaming = http.base();
            HttpReply instance = http.get("/api/v2/instance").bearer(token).send();
            if (instance.ok()) {
                JsonNode body = instance.body();
                domain = body.path("domain").asText(domain);
                JsonNode statuses = body.path("configuration").path("statuses");
                maxChars = statuses.path("max_characters").asInt(MastodonSource.DEFAULT_MAX_CHARS);
                urlChars = statuses.path("characters_reserved_per_url").asInt(MastodonLength.DEFAULT_URL_CHARS);
                String ws = JsonFields.text(body.path("configuration").path("urls"), "streaming");
                streaming = StreamingUrl.of(http.base(), ws).orElse(null);
                if (streaming == null) {
                    log.warn("{}: the instance names {} for its stream; the token goes only to https:// or to the"
                            + " configured host, so there is no stream and polling alone finds mentions", name,
                            LogSafe.clean(ws));
                }
            } else if (instance.status() != 404) {
                throw instance.failure();
            }
            account = new Account(me.path("id").asText(), me.path("acct").asText(), domain, maxChars, urlChars,
                    streaming);
            log.info("{}: listening as @{}@{} (replies up to {} characters)", name, LogSafe.clean(account.acct()),
                    LogSafe.clean(domain), maxChars);
            return account;
        }
    }
}
