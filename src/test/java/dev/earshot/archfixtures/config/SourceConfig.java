package dev.earshot.archfixtures.config;

import dev.earshot.archfixtures.core.Conversation;

/** Keeps every rule: a config record on core. */
public record SourceConfig(String name, Conversation sample) {
}
