package dev.earshot.cli;

import dev.earshot.TeamSettings;
import dev.earshot.app.DigestText;
import dev.earshot.app.Digests;
import dev.earshot.config.EarshotConfig;
import dev.earshot.core.DigestReport;
import dev.earshot.core.Team;
import dev.earshot.port.ChatPlatform;
import dev.earshot.port.Store;
import dev.earshot.report.XChartRenderer;
import dev.earshot.store.Stores;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code earshot digest --config FILE --print}: yesterday's digest in the terminal, its chart in a file. */
@Command(name = "digest", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Print yesterday's digest here, and save its chart next to the database.")
public final class DigestCommand implements Callable<Integer> {
    @Option(names = "--config", required = true, description = "the YAML config file")
    Path config;

    @Option(names = "--print", required = true, description = "print the digest here instead of posting it")
    boolean print;

    @Override
    public Integer call() throws IOException {
        QuietLogs.apply();
        Optional<EarshotConfig> config = ConfigFile.load(this.config);
        if (config.isEmpty()) {
            return ExitCodes.CONFIG_PROBLEM;
        }
        EarshotConfig loaded = config.get();
        ZoneId zone = loaded.team().timezone();
        Clock clock = Clock.system(zone);
        Path db = Path.of(loaded.store().path()).toAbsolutePath();
        try (Store store = Stores.open(loaded.store())) {
            Team team = loaded.toTeam();
            Digests digests = new Digests(store, team, clock,
                    TeamSettings.followThrough(loaded, team, loaded.chat().channel()).sla(),
                    TeamSettings.digestSettings(loaded, loaded.chat().channel()));
            LocalDate yesterday = clock.instant().atZone(zone).toLocalDate().minusDays(1);
            DigestReport report = digests.daily(yesterday);
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            out.println(DigestText.report(report));
            Optional<ChatPlatform.Image> chart = new XChartRenderer().trendChart("digest-" + yesterday, report.trend());
            if (chart.isPresent()) {
                Path file = Files.createDirectories(db.getParent()).resolve(chart.get().fileName());
                Files.write(file, chart.get().png());
                out.println();
                out.println("Trend chart (" + DigestReport.TREND_DAYS + " days): " + file);
            }
        }
        return 0;
    }
}
