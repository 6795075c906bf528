package dev.earshot.bench;

import dev.earshot.core.Effect;
import dev.earshot.core.Target;
import dev.earshot.store.SqliteStore;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Resident memory of the real jar (no heap cap, the shell chat, the demo source) holding a store
 * of {@value #CONVERSATIONS} conversations (a year of traffic, {@link DigestBench#fill}): once
 * idle, and while a backlog of {@value #BACKLOG} cards waiting in the outbox drains; started with
 * nothing set and as shipped ({@link Shipped}). The bound is 200 MB. VmRSS is sampled
 * every 20 ms from /proc; VmHWM is the kernel's own peak.
 */
public final class MemoryBench {
    static final int CONVERSATIONS = 100_000;
    static final int BACKLOG = 10_000;
    private static final Duration IDLE = Duration.ofSeconds(10);
    private static final Duration DRAIN_DEADLINE = Duration.ofMinutes(5);

    private MemoryBench() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = Arrays.asList(args).contains("--quick");
        int conversations = quick ? CONVERSATIONS / 10 : CONVERSATIONS;
        int backlog = quick ? BACKLOG / 10 : BACKLOG;
        Path jar = Path.of(System.getProperty("earshot.jar", "target/earshot.jar")).toAbsolutePath();
        BenchTable table = new BenchTable("memory");
        try (Scratch scratch = new Scratch("memory")) {
            Path year = scratch.file("year.db");
            SqliteStore.open(year).close(); // the real schema, by Flyway
            int filled = YearOfTraffic.fill(year, conversations * 5 / 4);
            String size = String.format("%,d conversations", filled);
            String draining = "draining " + String.format("%,d", backlog) + " cards, " + size;
            List<StartupBench.Variant> ways = List.of(new StartupBench.Variant("java -jar, nothing set", List.of()),
                    StartupBench.Variant.shipped("as shipped (scripts/jvm.options)", List.of()));
            for (int i = 0; i < ways.size(); i++) {
                StartupBench.Variant how = ways.get(i);
                // Each way of starting gets the same store and the same backlog: a copy of the year.
                Path db = scratch.file("earshot-" + i + ".db");
                Files.copy(year, db);
                run(jar, scratch, db, 0, table, "idle, " + size, how);
                enqueueCards(db, filled, backlog);
                run(jar, scratch, db, backlog, table, draining, how);
            }
        }
    }

    /** The newest conversations' cards, waiting as after a long chat outage. */
    private static void enqueueCards(Path db, int conversations, int backlog) {
        try (SqliteStore store = SqliteStore.open(db)) {
            Instant now = Instant.now();
            store.write(tx -> {
                for (long id = conversations - backlog + 1; id <= conversations; id++) {
                    tx.enqueue(new Effect.PostCard(id), Target.chat("support"), now);
                }
                return null;
            });
        }
    }

    private static void run(Path jar, Scratch scratch, Path db, int backlog, BenchTable table, String label,
                            StartupBench.Variant how) throws Exception {
        int port = StartupBench.freePort();
        Path config = scratch.file("earshot.yml");
        Files.writeString(config, StartupBench.config(db, port));
        Path log = scratch.file("earshot-" + backlog + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(how.jvmOptions());
        command.addAll(List.of("-jar", jar.toString(), "run", "--config", config.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(scratch.file("chat.out").toFile())
                .redirectError(log.toFile());
        builder.environment().putAll(how.environment());
        Process process = builder.start();
        OutputStream quietTerminal = process.getOutputStream(); // the shell chat reads until input ends
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(250)).build();
        try {
            long launched = System.nanoTime();
            StartupBench.awaitHealthy(http, port, process, launched, log);
            List<Double> samples = new ArrayList<>();
            long drainStarted = System.nanoTime();
            long deadline = drainStarted + DRAIN_DEADLINE.toNanos();
            while (backlog(http, port) > 0 && System.nanoTime() < deadline) {
                samples.add(StartupBench.residentMiB(process.pid())[0]);
                process.waitFor(20, TimeUnit.MILLISECONDS);
            }
            double drainSeconds = (System.nanoTime() - drainStarted) / 1e9;
            long idleUntil = System.nanoTime() + IDLE.toNanos();
            while (System.nanoTime() < idleUntil) {
                samples.add(StartupBench.residentMiB(process.pid())[0]);
                process.waitFor(200, TimeUnit.MILLISECONDS);
            }
            double[] rss = StartupBench.residentMiB(process.pid());
            double sampledPeak = samples.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
            table.row("VmRSS after " + IDLE.toSeconds() + " s idle, " + label + ", " + how.label(), rss[0], "MiB",
                    "no heap cap");
            table.row("peak (VmHWM), " + label + ", " + how.label(), rss[1], "MiB", String.format(
                    "highest 20 ms sample %.0f MiB%s", sampledPeak, backlog == 0 ? ""
                            : String.format("; backlog drained in %.1f s after ready", drainSeconds)));
        } finally {
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            quietTerminal.close();
        }
    }

    /** The outbox backlog as /metrics tells it. */
    private static double backlog(HttpClient http, int port) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .timeout(Duration.ofSeconds(2)).build();
        String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        return body.lines().filter(l -> l.startsWith("earshot_outbox_backlog"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(0);
    }
}
