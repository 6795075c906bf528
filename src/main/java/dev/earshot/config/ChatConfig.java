package dev.earshot.config;

import java.util.Locale;

/**
 * Which team chat the cards go to. Exactly one of the three is set; the loader reports any other
 * count. A config without a {@code chat} section gets the shell chat.
 */
public record ChatConfig(ShellChatConfig shell, SlackChatConfig slack, DiscordChatConfig discord) {

    public static ChatConfig defaults() {
        return new ChatConfig(new ShellChatConfig(null), null, null);
    }

    /** The terminal chat, showing cards under {@code channel}. */
    public static ChatConfig shell(String channel) {
        return new ChatConfig(new ShellChatConfig(channel), null, null);
    }

    int count() {
        return (shell == null ? 0 : 1) + (slack == null ? 0 : 1) + (discord == null ? 0 : 1);
    }

    /** The channel cards go to unless a route says otherwise. */
    public String channel() {
        if (slack != null) {
            return slack.channel();
        }
        if (discord != null) {
            return discord.channel();
        }
        return shell == null ? "support" : shell.channel();
    }

    /** {@code shell #support}, {@code slack #C0123 (socket)}, {@code discord #123}. */
    public String describe() {
        if (slack != null) {
            return "slack #" + slack.channel() + " (" + slack.mode().name().toLowerCase(Locale.ROOT) + ")";
        }
        if (discord != null) {
            return "discord #" + discord.channel();
        }
        return "shell #" + (shell == null ? "?" : shell.channel());
    }
}
