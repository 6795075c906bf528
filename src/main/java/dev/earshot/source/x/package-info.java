/**
 * The X source: one brand account through X API v2 ({@code GET /2/users/me},
 * {@code GET /2/users/:id/mentions}, {@code GET /2/users/:id/tweets}, {@code POST /2/tweets}; when
 * configured, {@code GET /2/tweets/search/recent} for keywords and the DM endpoints),
 * signed with OAuth 1.0a user context by Twitter4J and sent with the JDK HTTP client. Maps X's
 * posts to core messages, the brand's own replies to answers given outside Earshot, and X's
 * rate-limit headers and errors to {@link dev.earshot.port.DeliveryException} kinds; holds no
 * business rules. May import core, port, config, the shared {@code source.http} (the cursor of
 * keyword searches), Twitter4J, twitter-text and Jackson.
 */
package dev.earshot.source.x;
