package dev.earshot.source.reddit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.earshot.config.RedditSourceConfig;
import dev.earshot.port.DeliveryException;
import dev.earshot.source.http.HttpLimits;
import dev.earshot.source.http.HttpReply;
import dev.earshot.source.http.JsonHttp;
import dev.earshot.source.http.RateLimitHeaders;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Map;

/**
 * Calls to {@code oauth.reddit.com}: the bearer token, the descriptive User-Agent Reddit requires,
 * {@code raw_json=1} (else Reddit sends {@code &amp;} for {@code &} in every text), and one rate
 * budget for everything ({@code X-Ratelimit-Remaining}/{@code -Reset}: Reddit counts per client,
 * whatever the endpoint). A 401 fetches a new token and tries once more.
 */
final class RedditApi {
    private final JsonHttp http;
    private final RedditToken token;
    private final String userAgent;

    RedditApi(RedditSourceConfig config, HttpClient client, Clock clock, HttpLimits bounds) {
        this.http = new JsonHttp("Reddit", config.apiUrl(), client, clock, RateLimitHeaders.REDDIT, bounds)
                .withOneBudget();
        this.token = new RedditToken(config, client, clock, bounds);
        this.userAgent = config.userAgent();
    }

    JsonNode get(String path, Map<String, String> query) throws DeliveryException {
        for (int attempt = 0; ; attempt++) {
            JsonHttp.Request r = http.get(path).bearer(token.get()).header("User-Agent", userAgent)
                    .query("raw_json", "1");
            query.forEach((k, v) -> r.query(k, v == null || v.isEmpty() ? null : v));
            HttpReply reply = r.send();
            if (reply.status() == 401 && attempt == 0) {
                token.forget();
                continue;
            }
            return reply.orThrow();
        }
    }

    JsonNode post(String path, Map<String, String> form) throws DeliveryException {
        for (int attempt = 0; ; attempt++) {
            HttpReply reply = http.post(path).bearer(token.get()).header("User-Agent", userAgent).form(form).send();
            if (reply.status() == 401 && attempt == 0) {
                token.forget(); // refused before any work was done: sending again cannot double the comment
                continue;
            }
            return reply.orThrow();
        }
    }
}
