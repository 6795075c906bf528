/**
 * The Bluesky source: one brand account, logged in with an app password, over XRPC with
 * {@link java.net.http.HttpClient} and Jackson (no SDK). The session is kept and refreshed
 * ({@code refreshSession}); {@code listNotifications} is read backwards until what was already
 * seen; the brand's own feed is read each poll so that answers given from the Bluesky app count;
 * replies use a record key derived from the idempotency key, so a retried {@code createRecord}
 * cannot post twice. When configured, {@code searchPosts} for keywords and, through the chat proxy,
 * direct messages ({@code chat.bsky.convo.*}). Maps shapes, holds no business rules. Imports core, port, config, the shared
 * {@code source.http} and {@code source.text}, Jackson and SLF4J.
 */
package dev.earshot.source.bluesky;
