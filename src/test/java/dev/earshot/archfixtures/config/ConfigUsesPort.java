package dev.earshot.archfixtures.config;

import dev.earshot.archfixtures.port.Store;

/** Breaks only the config rule: config is read before any port exists. */
public final class ConfigUsesPort {
    Store store;
}
