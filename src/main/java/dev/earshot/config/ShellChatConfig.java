package dev.earshot.config;

/**
 * The terminal chat: commands typed (or piped) on standard input.
 *
 * @param channel the name the cards are shown under
 */
public record ShellChatConfig(String channel) {
    public ShellChatConfig {
        channel = channel == null ? "support" : channel;
    }
}
