/**
 * The Mastodon source: one brand account on one instance, over the REST API with
 * {@link java.net.http.HttpClient} and Jackson (no SDK). Mentions are paged forward with
 * {@code min_id}; the brand's own statuses are read each poll so that answers given from the
 * Mastodon app count; replies carry an {@code Idempotency-Key}; the user stream (server-sent events)
 * only wakes the poller, so paging stays the one path that stores messages. Configured keywords are
 * searched ({@code /api/v2/search}, hashtag timelines). Maps shapes, holds no
 * business rules. Imports core, port, config, the shared {@code source.http} and {@code source.text},
 * Jackson, jsoup and SLF4J.
 */
package dev.earshot.source.mastodon;
