package dev.earshot.cli;

import dev.earshot.chat.discord.DiscordInvite;
import dev.earshot.config.EarshotConfig;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code earshot discord-invite --config FILE}: the URL that adds the bot with exactly the permissions Earshot uses. */
@Command(name = "discord-invite", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Print the URL that adds the Discord bot to the server, with exactly the permissions Earshot uses.")
public final class DiscordInviteCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", required = true, description = "the YAML config file")
    Path file;

    @Override
    public Integer call() {
        Optional<EarshotConfig> config = ConfigFile.load(file);
        if (config.isEmpty()) {
            return ExitCodes.CONFIG_PROBLEM;
        }
        var discord = config.get().chat().discord();
        if (discord == null) {
            System.err.println(file + ": chat.discord is not set; the invite is for a Discord bot");
            return ExitCodes.CONFIG_PROBLEM;
        }
        Optional<String> url = DiscordInvite.url(discord.token().reveal(), discord.guild());
        if (url.isEmpty()) {
            System.err.println("chat.discord.token: does not look like a bot token (Developer Portal, Bot, Reset Token)");
            return ExitCodes.CONFIG_PROBLEM;
        }
        System.out.println(url.get());
        return 0;
    }
}
