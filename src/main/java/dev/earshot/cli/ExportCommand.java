package dev.earshot.cli;

import dev.earshot.config.EarshotConfig;
import dev.earshot.core.ConversationSummary;
import dev.earshot.core.Spans;
import dev.earshot.port.Store;
import dev.earshot.report.CsvLog;
import dev.earshot.store.Stores;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code earshot export --config FILE}: the conversation log as CSV, read from the store a page at a time. */
@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Write the conversation log as CSV: one row per conversation.")
public final class ExportCommand implements Callable<Integer> {
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
        QuietLogs.apply();
        Duration span;
        try {
            span = Spans.parse(since);
        } catch (IllegalArgumentException e) {
            System.err.println("--since: not a time span; write it like 30d, 12h or 1w");
            return CommandLine.ExitCode.USAGE;
        }
        Optional<EarshotConfig> config = ConfigFile.load(this.config);
        if (config.isEmpty()) {
            return ExitCodes.CONFIG_PROBLEM;
        }
        EarshotConfig loaded = config.get();
        ZoneId zone = loaded.team().timezone();
        Instant to = Clock.system(zone).instant();
        Instant from = to.minus(span);
        Writer writer = out == null
                ? new OutputStreamWriter(System.out, StandardCharsets.UTF_8)
                : Files.newBufferedWriter(out, StandardCharsets.UTF_8);
        int rows;
        try (Store store = Stores.open(loaded.store());
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
