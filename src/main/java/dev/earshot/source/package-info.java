/**
 * Source adapters: one sub-package per social platform, each implementing
 * {@link dev.earshot.port.SocialSource}. They map the platform's shapes to core messages and hold
 * no business rules.
 */
package dev.earshot.source;
