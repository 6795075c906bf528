package dev.earshot;

import dev.earshot.cli.CheckConfigCommand;
import dev.earshot.cli.DemoCommand;
import dev.earshot.cli.DigestCommand;
import dev.earshot.cli.DiscordInviteCommand;
import dev.earshot.cli.ExportCommand;
import dev.earshot.cli.MigrateStoreCommand;
import dev.earshot.cli.RunCommand;
import dev.earshot.cli.VersionProvider;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code earshot} command line: builds it from the sub-commands in {@code dev.earshot.cli} and runs it. */
@Command(name = "earshot", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "No customer who talks to your company on social media is left in silence.",
        subcommands = {RunCommand.class, DemoCommand.class, CheckConfigCommand.class, DigestCommand.class,
                ExportCommand.class, DiscordInviteCommand.class, MigrateStoreCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        // A server has no display: charts are drawn in memory.
        System.setProperty("java.awt.headless", "true");
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    /** {@code earshot} alone: the list of sub-commands. */
    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }
}
