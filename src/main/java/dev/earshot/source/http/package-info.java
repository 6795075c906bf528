/**
 * JSON over the JDK's {@link java.net.http.HttpClient}, shared by the source adapters that speak
 * plain HTTP (Mastodon, Bluesky). Maps HTTP outcomes to {@link dev.earshot.port.DeliveryException}
 * kinds and keeps a source from calling while the platform's rate-limit headers say the budget is
 * spent. Holds no platform knowledge beyond header names. Imports the JDK, Jackson, SLF4J and the
 * port; never logs a header or a body, so no token reaches a log.
 */
package dev.earshot.source.http;
