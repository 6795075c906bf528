/**
 * Chat adapters: one sub-package per chat, each implementing {@link dev.earshot.port.ChatPlatform}
 * for what goes out and turning clicks and typed commands into
 * {@link dev.earshot.app.Command}s for what comes in. They render and escape; they hold no rules.
 */
package dev.earshot.chat;
