/**
 * The ports: the few interfaces through which the application talks to the world. Social
 * platforms sit behind {@link dev.earshot.port.SocialSource}, chats behind
 * {@link dev.earshot.port.ChatPlatform}, the database behind {@link dev.earshot.port.Store}.
 * A second chat or store drops in by implementing one of these; nothing in core or app changes.
 * Imports core and the JDK only.
 */
package dev.earshot.port;
