package dev.earshot.archfixtures.source.x;

import dev.earshot.archfixtures.chat.shell.ShellChat;

/** Breaks only "a source uses no chat, store or app": a source that posts to the chat itself. */
public final class XUsesShellChat {
    ShellChat chat;
}
