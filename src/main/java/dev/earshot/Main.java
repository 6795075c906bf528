package dev.earshot;

import ch.qos.logback.classic.Level;
import dev.earshot.config.BusinessHoursConfig;
import dev.earshot.app.DigestText;
import dev.earshot.app.Digests;
import dev.earshot.config.ChatConfig;
import dev.earshot.config.ConfigException;
import dev.earshot.config.ConfigLoader;
import dev.earshot.config.ContinuityConfig;
import dev.earshot.config.DemoSourceConfig;
import dev.earshot.config.EarshotConfig;
import dev.earshot.config.MemberConfig;
import dev.earshot.config.NudgesConfig;
import dev.earshot.config.OnCallConfig;
import dev.earshot.config.OpsConfig;
import dev.earshot.config.PriorityConfig;
import dev.earshot.config.ShellChatConfig;
import dev.earshot.config.SlaConfig;
import dev.earshot.config.StoreConfig;
import dev.earshot.config.TeamConfig;
import dev.earshot.config.TemplateConfig;
import dev.earshot.core.ConversationSummary;
import dev.earshot.core.DigestReport;
import dev.earshot.core.Spans;
import dev.earshot.core.Team;
import dev.earshot.port.ChatPlatform;
import dev.earshot.report.CsvLog;
import dev.earshot.report.XChartRenderer;
import dev.earshot.store.SqliteStore;
import dev.earshot.store.StoreCheck;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The {@code earshot} command line. */
@Command(name = "earshot", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "No customer who talks to your company on social media is left in silence.",
        subcommands = {Main.Run.class, Main.Demo.class, Main.CheckConfig.class, Main.Digest.class,
                Main.Export.class, MigrateStore.class})
public final class Main implements Runnable {
    static final int CONFIG_PROBLEM = 2;
    static final int CANNOT_START = 3;

    public static void main(String[] args) {
        // A server has no display: charts are drawn in memory.
        System.setProperty("java.awt.headless", "true");
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    @Command(name = "run", description = "Run Earshot with a config file.")
    static final class Run implements Callable<Integer> {
        @Option(names = "--config", required = true, description = "the YAML config file")
        Path config;

        @Override
        public Integer call() throws Exception {
            Optional<EarshotConfig> loaded = load(config);
            return loaded.isEmpty() ? CONFIG_PROBLEM : runUntilStopped(loaded.get(), false);
        }
    }

    @Command(name = "demo", description = "Try Earshot with simulated customers in this terminal; no tokens needed.")
    static final class Demo implements Callable<Integer> {
        @Option(names = "--seed", defaultValue = "42", description = "which simulated customers (default ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--data", defaultValue = "./data", description = "folder for the SQLite file (default ${DEFAULT-VALUE})")
        Path data;

        @Option(names = "--verbose", description = "show Earshot's log lines too")
        boolean verbose;

        @Override
        public Integer call() throws Exception {
            if (!verbose) {
                quietLogs();
            }
            // Real time, so the demo's targets are minutes: nudges show within a few of them.
            EarshotConfig demo = new EarshotConfig(
                    new TeamConfig(ZoneId.systemDefault(), List.of(
                            new MemberConfig("alice", null, null, true),
                            new MemberConfig("bob", null, null, false),
                            new MemberConfig("carol", null, null, false)), "alice"),
                    new StoreConfig(StoreConfig.Type.SQLITE, data.resolve("demo-" + seed + ".db").toString()),
                    new ChatConfig(new ShellChatConfig("support"), null, null),
                    List.of(new DemoSourceConfig("demo", seed, null, "acme")),
                    new OpsConfig(0, null),
                    PriorityConfig.defaults(),
                    BusinessHoursConfig.defaults(),
                    new SlaConfig(Duration.ofMinutes(4), Duration.ofMinutes(6), false),
                    new NudgesConfig(true, null, Duration.ofMinutes(3), Duration.ofMinutes(8)),
                    new OnCallConfig(List.of("bob", "carol"), null, null),
                    ContinuityConfig.defaults(),
                    null,
                    List.of(new TemplateConfig("thanks", "Thanks {customer}, we're on it! {agent}")),
                    null);
            System.out.println("Earshot demo: simulated customers write to @acme; you are the support team."
                    + " Conversations are kept in " + demo.store().path() + ".");
            return runUntilStopped(demo, true);
        }
    }

    @Command(name = "check-config", description = "Check a config file and list every problem in it.")
    static final class CheckConfig implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "the YAML config file")
        Path file;

        @Override
        public Integer call() {
            Optional<EarshotConfig> config = load(file).filter(c -> StoreCheck.passes(file.toString(), c.store(), System.err));
            config.ifPresent(c -> System.out.println(file + ": OK\n" + c.describe()));
            return config.isPresent() ? 0 : CONFIG_PROBLEM;
        }
    }

    @Command(name = "digest", description = "Print yesterday's digest here, and save its chart next to the database.")
    static final class Digest implements Callable<Integer> {
        @Option(names = "--config", required = true, description = "the YAML config file")
        Path config;

        @Option(names = "--print", required = true, description = "print the digest here instead of posting it")
        boolean print;

        @Override
        public Integer call() throws IOException {
            quietLogs();
            Optional<EarshotConfig> config = load(this.config);
            if (config.isEmpty()) {
                return CONFIG_PROBLEM;
            }
            EarshotConfig loaded = config.get();
            ZoneId zone = loaded.team().timezone();
            Clock clock = Clock.system(zone);
            Path db = Path.of(loaded.store().path()).toAbsolutePath();
            try (SqliteStore store = SqliteStore.open(db)) {
                Team team = loaded.toTeam();
                Digests digests = new Digests(store, team, clock,
                        Earshot.followThrough(loaded, team, loaded.chat().channel()).sla(),
                        Earshot.digestSettings(loaded, loaded.chat().channel()));
                LocalDate yesterday = clock.instant().atZone(zone).toLocalDate().minusDays(1);
                DigestReport report = digests.daily(yesterday);
                PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
                out.println(DigestText.report(report));
                Optional<ChatPlatform.Image> chart = new XChartRenderer().trendChart("digest-" + yesterday, report.trend());
                if (chart.isPresent()) {
                    Path file = db.getParent().resolve(chart.get().fileName());
                    Files.write(file, chart.get().png());
                    out.println();
                    out.println("Trend chart (" + DigestReport.TREND_DAYS + " days): " + file);
                }
            }
            return 0;
        }
    }

    /** The config, or empty after every problem in it was printed for the operator. */
    private static Optional<EarshotConfig> load(Path file) {
        try {
            return Optional.of(ConfigLoader.load(file, System::getenv));
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            return Optional.empty();
        }
    }

    @Command(name = "export", description = "Write the conversation log as CSV: one row per conversation.")
    static final class Export implements Callable<Integer> {
        private static final int PAGE = 1_000;

        @Option(names = "--config", required = true, description = "the YAML config file")
        Path config;

        @Option(names = "--since", defaultValue = "30d",
                description = "conversations opened in this last span, like 7d or 12h (default ${DEFAULT-VALUE})")
        String since;

        @Option(names = "--out", description = "the CSV file to write (default: standard output)")
        Path out;

        @Override
        public Integer call() throws IOException {
            quietLogs();
            Duration span;
            try {
                span = Spans.parse(since);
            } catch (IllegalArgumentException e) {
                System.err.println("--since: not a time span; write it like 30d, 12h or 1w");
                return CommandLine.ExitCode.USAGE;
            }
            Optional<EarshotConfig> config = load(this.config);
            if (config.isEmpty()) {
                return CONFIG_PROBLEM;
            }
            EarshotConfig loaded = config.get();
            ZoneId zone = loaded.team().timezone();
            Instant to = Clock.system(zone).instant();
            Instant from = to.minus(span);
            Writer writer = out == null
                    ? new OutputStreamWriter(System.out, StandardCharsets.UTF_8)
                    : Files.newBufferedWriter(out, StandardCharsets.UTF_8);
            int rows;
            try (SqliteStore store = SqliteStore.open(Path.of(loaded.store().path()));
                 CsvLog csv = new CsvLog(writer, zone)) {
                long after = 0;
                List<ConversationSummary> page;
                do {
                    long start = after;
                    page = store.read(tx -> tx.conversationLog(from, to, start, PAGE));
                    page.forEach(csv::write);
                    after = page.isEmpty() ? after : page.get(page.size() - 1).id();
                } while (page.size() == PAGE);
                rows = csv.rows();
            }
            System.err.println(rows + " conversations opened since " + from.atZone(zone).toLocalDateTime()
                    .withNano(0) + " written" + (out == null ? "." : " to " + out + "."));
            return 0;
        }
    }

    private static int runUntilStopped(EarshotConfig config, boolean console) throws InterruptedException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        InputStream stdin = System.in;
        BufferedReader in = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
        Earshot earshot;
        try {
            earshot = Earshot.start(config, Clock.system(config.team().timezone()), new Earshot.Terminal(in, out));
        } catch (Earshot.CannotStart e) {
            System.err.println("Earshot cannot start: " + e.getMessage());
            return CANNOT_START;
        }
        Thread hook = new Thread(earshot::close, "earshot-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        if (console || config.chat().shell() != null) {
            earshot.runConsole();
            earshot.close();
        } else {
            earshot.awaitStop();
        }
        return 0;
    }

    /** The demo's terminal is for cards; only warnings and errors are worth a line there. */
    private static void quietLogs() {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("/earshot-version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"earshot " + p.getProperty("version", "unknown")};
        }
    }
}
