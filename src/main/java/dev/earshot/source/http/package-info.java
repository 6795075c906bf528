/**
 * The plumbing every HTTP source shares (Mastodon, Bluesky, X): JSON over the JDK's
 * {@link java.net.http.HttpClient} with deadlines and a size cap on every call, the platforms'
 * rate-limit headers, one pager, keyword-search cursors. Maps HTTP outcomes to
 * {@link dev.earshot.port.DeliveryException} kinds. Holds no platform knowledge beyond header
 * names. Imports the JDK, Jackson, SLF4J, the port and {@code source.text}; never logs a header or
 * a body, so no token reaches a log.
 */
package dev.earshot.source.http;
