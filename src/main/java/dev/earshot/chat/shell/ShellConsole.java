package dev.earshot.chat.shell;

import dev.earshot.app.Caller;
import dev.earshot.app.CommandHandler;
import dev.earshot.core.Member;
import dev.earshot.core.Team;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Reads commands typed (or piped) into the terminal and answers them. {@code /as bob} switches
 * who you are, to try what a teammate sees; end of input or {@code /quit} stops Earshot.
 */
public final class ShellConsole {
    private final BufferedReader in;
    private final ShellChat chat;
    private final CommandHandler commands;
    private final Team team;
    private Member actor;

    public ShellConsole(BufferedReader in, ShellChat chat, CommandHandler commands, Team team) {
        this.in = in;
        this.chat = chat;
        this.commands = commands;
        this.team = team;
        this.actor = team.members().get(0);
    }

    /** Reads until end of input or {@code /quit}; returns then. */
    public void run() {
        chat.answer("You are @" + actor.name() + ". Type /earshot help, /as <name> to be someone else,"
                + " /quit to stop.");
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!handle(line.strip())) {
                    return;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Handles one line; false when the user asked to stop. */
    boolean handle(String line) {
        if (line.isEmpty() || line.startsWith("#")) {
            return true;
        }
        if (line.equals("/quit") || line.equals("/exit")) {
            return false;
        }
        if (line.startsWith("/as")) {
            switchTo(line.substring(3).strip());
            return true;
        }
        chat.answer(commands.answer(Caller.member(actor), line).text());
        return true;
    }

    private void switchTo(String name) {
        Optional<Member> member = name.isEmpty() ? Optional.empty() : team.byName(name);
        if (member.isEmpty()) {
            chat.answer("Usage: /as <name>, one of " + team.names() + ".");
            return;
        }
        actor = member.get();
        chat.answer("You are now @" + actor.name() + ".");
    }
}
