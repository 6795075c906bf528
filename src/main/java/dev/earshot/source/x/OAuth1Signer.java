package dev.earshot.source.x;

import dev.earshot.config.XSourceConfig;
import dev.earshot.source.http.JsonHttp;
import java.util.Map;
import twitter4j.HttpParameter;
import twitter4j.RequestMethod;
import twitter4j.auth.OAuthAuthorization;
import twitter4j.conf.ConfigurationBuilder;

/**
 * OAuth 1.0a user context (HMAC-SHA1), signed by Twitter4J 4.0.7's signer: the one part of
 * Twitter4J Earshot uses. Its transport stays unused: it re-sends a POST whose answer was lost
 * ({@code HttpURLConnection} retries once), and X has no idempotency key, so a reply could reach
 * the customer twice. The query in the URL is signed; a JSON body is not (RFC 5849).
 */
final class OAuth1Signer implements JsonHttp.Signer {
    private final OAuthAuthorization oauth;

    OAuth1Signer(XSourceConfig config) {
        // Only the signer of this configuration is used; debug stays off so the base string is never printed.
        this.oauth = new OAuthAuthorization(new ConfigurationBuilder()
                .setDebugEnabled(false)
                .setOAuthConsumerKey(config.apiKey().reveal())
                .setOAuthConsumerSecret(config.apiSecret().reveal())
                .setOAuthAccessToken(config.accessToken().reveal())
                .setOAuthAccessTokenSecret(config.accessTokenSecret().reveal())
                .build());
    }

    @Override
    public String authorization(String method, String url) {
        return oauth.getAuthorizationHeader(new twitter4j.HttpRequest(RequestMethod.valueOf(method), url,
                new HttpParameter[0], oauth, Map.of()));
    }

    @Override
    public String toString() {
        return "OAuth1Signer[secrets hidden]";
    }
}
