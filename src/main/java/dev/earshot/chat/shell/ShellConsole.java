package dev.earshot.chat.shell;

import dev.earshot.app.Answer;
import dev.earshot.app.Caller;
import dev.earshot.app.Command;
import dev.earshot.app.CommandHandler;
import dev.earshot.core.Member;
import dev.earshot.core.Team;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads commands typed (or piped) into the terminal and answers them. {@code /as bob} switches
 * who you are, to try what a teammate sees; end of input or {@code /quit} stops Earshot. A typed
 * reply is shown as the customer will see it and asks "Send it? (y/n)": {@code y} sends it,
 * {@code n} drops it, and any other line drops it too before it runs.
 */
public final class ShellConsole {
    private final BufferedReader in;
    private final ShellChat chat;
    private final CommandHandler commands;
    private final Team team;
    private Member actor;
    /** The preview waiting for y or n; 0 when none. */
    private long waiting;

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
        if (waiting > 0 && settle(line.toLowerCase(Locale.ROOT))) {
            return true;
        }
        if (line.equals("/quit") || line.equals("/exit")) {
            return false;
        }
        if (line.startsWith("/as")) {
            switchTo(line.substring(3).strip());
            return true;
        }
        Answer answer = commands.answer(Caller.member(actor), line);
        chat.answer(answer.text());
        if (answer.preview() != null) {
            waiting = answer.preview().draftId();
            chat.answer("Send it? (y/n)");
        }
        return true;
    }

    /** Answers the preview waiting: true when the line was the answer, false when it is a command to run next. */
    private boolean settle(String answer) {
        long draft = waiting;
        waiting = 0;
        boolean yes = answer.equals("y") || answer.equals("yes");
        boolean no = answer.equals("n") || answer.equals("no");
        Command command = yes ? new Command.SendDraft(draft) : new Command.CancelDraft(draft);
        chat.answer(commands.answer(Caller.member(actor), command).text());
        return yes || no;
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
