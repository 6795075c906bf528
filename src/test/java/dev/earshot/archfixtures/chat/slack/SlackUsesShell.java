package dev.earshot.archfixtures.chat.slack;

import dev.earshot.archfixtures.chat.shell.ShellChat;

/** Breaks only "chats do not use each other". */
public final class SlackUsesShell {
    ShellChat borrowed;
}
